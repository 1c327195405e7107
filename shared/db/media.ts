// Media files: images a marketer uploads for `send` nodes, and images contacts send us (a viewable
// copy where the puppet gives one). Stored in the database (size-capped), so every worker can send
// them and a backup keeps them; `sha256` dedupes the same upload.
import { customType, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { workspaceId } from './workspaces.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const mediaFiles = pgTable(
  'media_files',
  {
    id: id(),
    workspaceId: workspaceId(),
    /** Where it came from: a marketer's upload, or a contact's message. */
    source: text('source', { enum: ['upload', 'inbound'] }).notNull(),
    mime: text('mime').notNull(),
    filename: text('filename').notNull().default(''),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('media_files_workspace_sha').on(t.workspaceId, t.sha256),
    index('media_files_workspace').on(t.workspaceId),
  ],
);

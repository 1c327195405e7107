// Flows (editable draft) and their immutable published versions (graph + compiled machine + hash).
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns.ts';
import { users } from './users.ts';
import { workspaceId } from './workspaces.ts';

export const FLOW_STATUSES = ['draft', 'published', 'paused'] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

export const flows = pgTable(
  'flows',
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    status: text('status', { enum: FLOW_STATUSES }).notNull().default('draft'),
    /** The draft: saved as the marketer edits, even with lint errors. */
    graph: jsonb('graph').$type<unknown>().notNull(),
    publishedVersion: integer('published_version'),
    archivedAt: at('archived_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('flows_workspace').on(t.workspaceId)],
);

export const flowVersions = pgTable(
  'flow_versions',
  {
    id: id(),
    workspaceId: workspaceId(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    graph: jsonb('graph').$type<unknown>().notNull(),
    /** The XState machine config compiled from `graph` (plain JSON) and the trigger entry points. */
    compiled: jsonb('compiled').$type<unknown>().notNull(),
    entries: jsonb('entries').$type<unknown[]>().notNull(),
    hash: text('hash').notNull(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: at('published_at').notNull().defaultNow(),
    /**
     * A preview of the draft for the simulator (version 0): only sandbox test contacts bound to it
     * run in it; it is never listed, never starts runs for anyone else, and its counts stay apart.
     */
    preview: boolean('preview').notNull().default(false),
  },
  (t) => [
    uniqueIndex('flow_versions_flow_version').on(t.flowId, t.version).where(sql`preview = false`),
    index('flow_versions_preview').on(t.flowId, t.hash).where(sql`preview = true`),
  ],
);

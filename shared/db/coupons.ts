// Coupon pools and their codes; a code is issued at most once, and a contact gets one code per pool.
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns.ts';
import { contacts } from './contacts.ts';
import { workspaceId } from './workspaces.ts';

export const couponPools = pgTable(
  'coupon_pools',
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('coupon_pools_workspace_name').on(t.workspaceId, t.name)],
);

export const couponCodes = pgTable(
  'coupon_codes',
  {
    id: id(),
    poolId: uuid('pool_id')
      .notNull()
      .references(() => couponPools.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    issuedAt: at('issued_at'),
  },
  (t) => [
    uniqueIndex('coupon_codes_pool_code').on(t.poolId, t.code),
    uniqueIndex('coupon_codes_pool_contact').on(t.poolId, t.contactId),
    index('coupon_codes_free').on(t.poolId, t.issuedAt),
  ],
);

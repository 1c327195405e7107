// Contacts of a workspace: search and filter with a keyset cursor, detail with runs, groups, goals
// and coupons, tag and attribute edits, the bot paused or back on (the contact's conversation), the
// transcript, and substring search over messages (pg_trgm serves ILIKE).
import { and, desc, eq, ilike, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Bus } from '../../runtime/bus.ts';
import {
  type ConversationChange,
  closeConversation,
  openConversation,
} from '../../runtime/conversations/actions.ts';
import { announceConversation } from '../../runtime/conversations/announce.ts';
import type { Db } from '../../runtime/db/client.ts';
import { encodeCursor } from '../../shared/api/common.ts';
import { asTranscriptMedia } from '../../shared/api/media.ts';
import {
  botAccounts,
  contacts,
  conversations,
  couponCodes,
  couponPools,
  flowVersions,
  goals,
  messages,
  roomMembers,
  rooms,
  runs,
} from '../../shared/db/schema.ts';
import { channelName } from '../channels/channels.ts';
import { notFound } from '../errors.ts';
import { nodeLabelSql } from '../flows/node-label.ts';

type ContactRow = typeof contacts.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const summary = (c: ContactRow, clocks: Map<string, number>) => ({
  id: c.id,
  name: c.name,
  alias: c.alias,
  friendStatus: c.friendStatus,
  tags: c.tags,
  lastInboundAt: iso(c.lastInboundAt),
  clockNow: new Date(Date.now() + (clocks.get(c.botAccountId) ?? 0)).toISOString(),
});

/** Each bot account's clock offset (only a sandbox account's is ever non-zero). */
async function accountClocks(db: Db, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: botAccounts.id, offset: botAccounts.clockOffsetMs })
    .from(botAccounts)
    .where(eq(botAccounts.workspaceId, workspaceId));
  return new Map(rows.map((r) => [r.id, Number(r.offset)]));
}
const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function listContacts(
  db: Db,
  workspaceId: string,
  query: { q?: string; tag?: string; limit: number; cursor?: { at: Date; id: string } },
) {
  const where: (SQL | undefined)[] = [eq(contacts.workspaceId, workspaceId)];
  if (query.q)
    where.push(
      or(
        ilike(contacts.name, like(query.q)),
        ilike(contacts.alias, like(query.q)),
        ilike(contacts.weixin, like(query.q)),
      ),
    );
  if (query.tag) where.push(sql`${query.tag} = any(${contacts.tags})`);
  if (query.cursor) {
    where.push(sql`(${contacts.createdAt}, ${contacts.id}) < (${query.cursor.at}, ${query.cursor.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(contacts)
    .where(and(...where))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null;
  const clocks = await accountClocks(db, workspaceId);
  return { items: page.map((c) => summary(c, clocks)), nextCursor };
}

export async function findContact(db: Db, workspaceId: string, id: string): Promise<ContactRow> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), eq(contacts.workspaceId, workspaceId)));
  if (!row) throw notFound('contact');
  return row;
}

/** The most goals and coupons a contact's detail lists (newest first). */
const DETAIL_LIMIT = 50;

export async function getContact(db: Db, workspaceId: string, id: string) {
  const c = await findContact(db, workspaceId, id);
  const [contactRuns, groups, contactGoals, coupons, clocks, channel] = await Promise.all([
    db
      .select({
        flowId: runs.flowId,
        version: flowVersions.version,
        status: runs.status,
        currentNodeId: runs.currentNodeId,
        currentNodeLabel: nodeLabelSql(flowVersions.graph, runs.currentNodeId),
      })
      .from(runs)
      .innerJoin(flowVersions, eq(flowVersions.id, runs.flowVersionId))
      .where(eq(runs.contactId, c.id))
      .orderBy(desc(runs.startedAt)),
    // The groups the contact is in now (a member who left is not).
    db
      .select({ roomId: rooms.id, topic: rooms.topic, joinedAt: roomMembers.joinedAt })
      .from(roomMembers)
      .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
      .where(and(eq(roomMembers.contactId, c.id), isNull(roomMembers.leftAt)))
      .orderBy(desc(roomMembers.joinedAt)),
    db
      .select({ name: goals.name, flowId: flowVersions.flowId, at: goals.createdAt })
      .from(goals)
      .innerJoin(flowVersions, eq(flowVersions.id, goals.flowVersionId))
      .where(and(eq(goals.contactId, c.id), eq(goals.workspaceId, workspaceId)))
      .orderBy(desc(goals.createdAt), desc(goals.id))
      .limit(DETAIL_LIMIT),
    db
      .select({ code: couponCodes.code, pool: couponPools.name, at: couponCodes.issuedAt })
      .from(couponCodes)
      .innerJoin(couponPools, eq(couponPools.id, couponCodes.poolId))
      .where(and(eq(couponCodes.contactId, c.id), eq(couponPools.workspaceId, workspaceId)))
      .orderBy(sql`${couponCodes.issuedAt} desc nulls last`, desc(couponCodes.id))
      .limit(DETAIL_LIMIT),
    accountClocks(db, workspaceId),
    c.channelId ? channelName(db, workspaceId, c.channelId) : null,
  ]);
  return {
    ...summary(c, clocks),
    attributes: c.attributes,
    handoff: c.handoff,
    firstAddedAt: iso(c.firstAddedAt),
    channel: channel ? { ...channel, at: iso(c.channelAt) } : null,
    runs: contactRuns,
    groups: groups.map((g) => ({ ...g, joinedAt: g.joinedAt.toISOString() })),
    goals: contactGoals.map((g) => ({ ...g, at: g.at.toISOString() })),
    coupons: coupons.map((k) => ({ ...k, at: iso(k.at) })),
  };
}

/**
 * Tags replace the list; attributes merge, and a null value deletes the key. `handoff` is the bot
 * paused for the contact: false closes its conversation (the bot back on, a waiting `handoff` run
 * resolved), true opens it. `options.bus` announces the conversation once committed.
 */
export async function patchContact(
  db: Db,
  workspaceId: string,
  id: string,
  patch: {
    handoff?: boolean;
    tags?: string[];
    attributes?: Record<string, string | number | boolean | null>;
  },
  options: { actorId?: string | null; bus?: Bus } = {},
) {
  const c = await findContact(db, workspaceId, id);
  const attributes = { ...c.attributes };
  for (const [key, value] of Object.entries(patch.attributes ?? {})) {
    if (value === null) delete attributes[key];
    else attributes[key] = value;
  }
  // On the contact's account clock, like its runs (a sandbox account runs ahead).
  const at = new Date(Date.now() + ((await accountClocks(db, workspaceId)).get(c.botAccountId) ?? 0));
  const change = await db.transaction(async (tx) => {
    await tx
      .update(contacts)
      .set({ attributes, ...(patch.tags ? { tags: [...new Set(patch.tags)] } : {}) })
      .where(eq(contacts.id, c.id));
    return patch.handoff === undefined ? null : handOver(tx, c, patch.handoff, options.actorId ?? null, at);
  });
  if (change && options.bus) announceConversation(options.bus, change);
  return getContact(db, workspaceId, id);
}

/** The bot paused (a human has the contact: its conversation open) or back on (closed). */
async function handOver(
  tx: Db,
  c: ContactRow,
  paused: boolean,
  actorId: string | null,
  at: Date,
): Promise<ConversationChange | null> {
  if (paused) {
    const { conversationId } = await openConversation(tx, c, { by: 'agent', at, actorId });
    return { conversationId, workspaceId: c.workspaceId, botAccountId: c.botAccountId, turns: [], queued: 0 };
  }
  const [open] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.contactId, c.id), ne(conversations.status, 'closed')));
  if (open) return closeConversation(tx, open.id, c.workspaceId, actorId, at);
  await tx.update(contacts).set({ handoff: false }).where(eq(contacts.id, c.id));
  return null;
}

/** A message as every transcript answers it (contact messages, search, the sandbox's transcript). */
export const messageColumns = {
  id: messages.id,
  direction: messages.direction,
  text: messages.text,
  kind: messages.kind,
  media: messages.media,
  at: messages.at,
  nodeId: messages.nodeId,
  flowId: messages.flowId,
};

export async function contactMessages(
  db: Db,
  workspaceId: string,
  id: string,
  query: { limit: number; before?: number },
) {
  const c = await findContact(db, workspaceId, id);
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .where(and(eq(messages.contactId, c.id), query.before ? lt(messages.id, query.before) : undefined))
    .orderBy(desc(messages.id))
    .limit(query.limit);
  return rows.map(messageView);
}

export const messageView = <M extends { media: unknown; at: Date }>(m: M) => ({
  ...m,
  media: asTranscriptMedia(m.media),
  at: m.at.toISOString(),
});

export async function searchMessages(db: Db, workspaceId: string, q: string, limit: number) {
  const rows = await db
    .select({ ...messageColumns, contactId: messages.contactId, contactName: contacts.name })
    .from(messages)
    .innerJoin(contacts, eq(contacts.id, messages.contactId))
    .where(and(eq(messages.workspaceId, workspaceId), ilike(messages.text, like(q))))
    .orderBy(desc(messages.id))
    .limit(limit);
  return rows.map(messageView);
}

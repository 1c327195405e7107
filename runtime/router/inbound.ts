// Inbound → router → executor (DESIGN "Data flow" 1–3): archive with dedupe, activity counts, then
// route — a human has the contact (the inbox only), a run waiting for input, a trigger, or the
// fallback. Contacts' messages and friend confirms run in batches (one event per contact) that share
// a transaction and one write statement; the batcher groups them under load, and a single event is a
// batch of one. What the operator types on the phone hands the contact to a human.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { contacts, leads } from '../../shared/db/schema.ts';
import { acceptsRequest } from '../../shared/flow/index.ts';
import type { ContactRef, InboundEvent } from '../bots/port.ts';
import type { Db } from '../db/client.ts';
import { WriteBatch } from '../executor/persist.ts';
import { actionRow, queueOutbox } from '../outbox/writer.ts';
import { attributeFriendRequest, attributeLeads } from './channels.ts';
import { cleanText } from './clean.ts';
import { type ContactRow, lockContact, lockContacts } from './contacts.ts';
import { flowsForContact, type PublishedFlow, pointsFor } from './flows.ts';
import { type MessageEvent, readMessages } from './message-read.ts';
import { onOperatorMessage } from './operator.ts';
import { handleRoomEvent, isRoomEvent, writeRoomActivity } from './rooms.ts';
import { routeMessage } from './route-message.ts';
import { type BotAccountRef, type InboundResult, type Shared, startRuns } from './start-runs.ts';

export { type BotAccountRef, type InboundResult, type Start, startRuns } from './start-runs.ts';

export type ConfirmEvent = Extract<InboundEvent, { kind: 'friend_confirm' }>;

/** One inbound event in its own transaction; contacts' messages and friend confirms go as a batch of one. */
export async function handleInbound(
  db: Db,
  account: BotAccountRef,
  event: InboundEvent,
  now: Date,
): Promise<InboundResult> {
  if (event.kind === 'message' && !event.self) return (await handleMessages(db, account, [event], now))[0]!;
  if (event.kind === 'friend_confirm') return (await handleConfirms(db, account, [event], now))[0]!;
  if (isRoomEvent(event)) return handleRoomEvent(db, account, event, now);
  // The operator typing in a group is nobody's conversation: no contact to file it under or pause.
  if (event.kind === 'message' && event.room)
    return { contactId: null, duplicate: false, turns: [], queued: 0 };
  return db.transaction(async (tx) => {
    const contact = await lockContact(tx, account, event.contact);
    const result: InboundResult = { contactId: contact.id, duplicate: false, turns: [], queued: 0 };
    if (event.kind === 'message') await onOperatorMessage(tx, account, contact, event, now, result);
    else await onFriendRequest(tx, account, contact, event, now, result);
    return result;
  });
}

/**
 * Several contacts' messages in ONE transaction (group commit): one statement reads them all, each
 * routes as it would alone, and the turns' writes go out in one statement. If the batch fails, the
 * caller handles each message alone, so one bad message cannot hold back the rest.
 */
export const handleMessages = (db: Db, account: BotAccountRef, events: MessageEvent[], now: Date) =>
  inOneTransaction(db, events, async (tx, shared) => {
    const texts = events.map((e) => cleanText(e.text));
    const reads = await readMessages(tx, account, events, texts);
    const results: InboundResult[] = [];
    for (const [i, event] of events.entries())
      results.push(await routeMessage(tx, account, event, texts[i]!, reads[i]!, now, shared));
    // Group members' activity, for the messages said in a group and archived now.
    await writeRoomActivity(
      tx,
      account,
      reads.flatMap((read, i) =>
        read.archived && read.roomId
          ? [{ roomId: read.roomId, contactId: read.contact.id, at: events[i]!.at }]
          : [],
      ),
    );
    return results;
  });

/** Friend confirms of several contacts in ONE transaction, as `handleMessages` does for messages. */
export const handleConfirms = (db: Db, account: BotAccountRef, events: ConfirmEvent[], now: Date) =>
  inOneTransaction(db, events, async (tx, shared) => {
    const list = await lockContacts(
      tx,
      account,
      events.map((e) => e.contact),
    );
    const results = list.map(
      (c): InboundResult => ({ contactId: c.id, duplicate: false, turns: [], queued: 0 }),
    );
    await confirmFriends(tx, list, now, results, shared);
    return results;
  });

/** One event per contact (the batcher's rule; a repeated contact is refused); turn writes in one statement. */
async function inOneTransaction(
  db: Db,
  events: InboundEvent[],
  body: (tx: Db, shared: Shared) => Promise<InboundResult[]>,
): Promise<InboundResult[]> {
  if (new Set(events.map((e) => ('contact' in e ? e.contact.puppetId : e.room.id))).size !== events.length)
    throw new Error('a batch holds one event per contact');
  return db.transaction(async (tx) => {
    const read = new Map<string | null, Promise<PublishedFlow[]>>();
    const shared: Shared = {
      batch: new WriteBatch(),
      flowsFor: (contact) => {
        const key = contact.previewFlowVersionId;
        const flows = read.get(key) ?? flowsForContact(tx, contact);
        read.set(key, flows);
        return flows;
      },
    };
    const results = await body(tx, shared);
    await shared.batch.flush(tx);
    for (const result of results) result.queued += result.turns.reduce((n, t) => n + t.queued, 0);
    return results;
  });
}

async function onFriendRequest(
  tx: Db,
  account: BotAccountRef,
  contact: ContactRow,
  event: Extract<InboundEvent, { kind: 'friend_request' }>,
  now: Date,
  result: InboundResult,
): Promise<void> {
  if (contact.friendStatus === 'friend') return;
  const hello = cleanText(event.hello);
  await tx
    .update(contacts)
    .set({ friendStatus: 'requested', friendHello: hello })
    .where(eq(contacts.id, contact.id));
  await attributeFriendRequest(tx, account, contact, hello, now);
  const points = pointsFor(await flowsForContact(tx, contact), { kind: 'friend_request', hello });
  if (!acceptsRequest(points.map((p) => p.entry))) return;
  const queued = await queueOutbox(tx, [
    actionRow(
      'friend_accept',
      {
        workspaceId: account.workspaceId,
        botAccountId: account.id,
        contactId: contact.id,
        payload: { requestId: event.requestId, hello },
        notBefore: now,
      },
      { accountId: account.id, requestId: cleanText(event.requestId) },
    ),
  ]);
  result.queued += queued;
}

/**
 * Contacts that are friends now: friend-request flows start (we accepted, or the operator did on
 * the phone) — or, for a website lead the bot added, its lead flows start with the lead's attributes.
 */
async function confirmFriends(
  tx: Db,
  list: ContactRow[],
  now: Date,
  results: InboundResult[],
  shared: Shared,
): Promise<void> {
  const fresh = list.flatMap((c, i) => (c.friendStatus === 'friend' ? [] : [i]));
  if (fresh.length === 0) return;
  await tx
    .update(contacts)
    .set({ friendStatus: 'friend', firstAddedAt: sql`coalesce(${contacts.firstAddedAt}, ${now})` })
    .where(
      inArray(
        contacts.id,
        fresh.map((i) => list[i]!.id),
      ),
    );
  const leadsOf = await acceptPendingLeads(
    tx,
    fresh.map((i) => list[i]!),
    now,
  );
  const starts = [];
  for (const i of fresh) {
    const contact = list[i]!;
    const inbound = leadsOf.has(contact.id)
      ? ({ kind: 'lead' } as const)
      : ({ kind: 'friend_request', hello: contact.friendHello ?? '' } as const);
    starts.push({ contact, result: results[i]!, points: pointsFor(await shared.flowsFor(contact), inbound) });
  }
  await startRuns(tx, starts, now, shared.batch);
}

/**
 * Website leads these new friends came from (the bot added them): marked accepted, their attributes
 * (and name, when WeChat gave none but the phone) written onto the contact — in the database and on the locked
 * row the lead flow's first turn reads. Answers the contacts that were leads.
 */
async function acceptPendingLeads(tx: Db, list: ContactRow[], now: Date): Promise<Set<string>> {
  const accepted = await tx
    .update(leads)
    .set({ status: 'accepted', acceptedAt: now, updatedAt: now })
    .where(
      and(
        inArray(
          leads.contactId,
          list.map((c) => c.id),
        ),
        inArray(leads.status, ['queued', 'requested']),
      ),
    )
    .returning({
      contactId: leads.contactId,
      attributes: leads.attributes,
      name: leads.name,
      phone: leads.phone,
      weixin: leads.weixin,
      channelId: leads.channelId,
    });
  await attributeLeads(
    tx,
    accepted.map((lead) => ({
      contact: list.find((c) => c.id === lead.contactId)!,
      channelId: lead.channelId,
    })),
    now,
  );
  for (const lead of accepted) {
    const contact = list.find((c) => c.id === lead.contactId)!;
    contact.attributes = { ...contact.attributes, ...lead.attributes };
    // A name the website gave beats none, or a bare phone / handle standing in for one.
    const placeholder = !contact.name || contact.name === lead.phone || contact.name === lead.weixin;
    if (lead.name && placeholder) contact.name = lead.name;
    await tx
      .update(contacts)
      .set({ attributes: contact.attributes, name: contact.name })
      .where(eq(contacts.id, contact.id));
  }
  return new Set(accepted.map((l) => l.contactId!));
}

/**
 * Leads that are friends already (the friend add found them so, or the database knew): their lead
 * flows start now, in one transaction, with no friend request sent.
 */
export async function startLeadFlows(
  db: Db,
  account: { id: string; workspaceId: string },
  contact: ContactRef,
  leadId: string,
  now: Date,
): Promise<InboundResult> {
  return inOneTransaction(db, [{ kind: 'friend_confirm', contact, at: now }], async (tx, shared) => {
    const [row] = await lockContacts(tx, account, [contact]);
    await tx.update(leads).set({ contactId: row!.id, updatedAt: now }).where(eq(leads.id, leadId));
    await tx
      .update(contacts)
      .set({ friendStatus: 'friend', firstAddedAt: sql`coalesce(${contacts.firstAddedAt}, ${now})` })
      .where(eq(contacts.id, row!.id));
    const result: InboundResult = { contactId: row!.id, duplicate: false, turns: [], queued: 0 };
    await acceptPendingLeads(tx, [row!], now);
    const points = pointsFor(await shared.flowsFor(row!), { kind: 'lead' });
    await startRuns(tx, [{ contact: row!, result, points }], now, shared.batch);
    return [result];
  }).then(([result]) => result!);
}

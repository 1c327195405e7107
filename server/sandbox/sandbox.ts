// The sandbox behind the simulator API: the workspace's sandbox bot account and its own clock, its
// test contacts, and what they say — sent as bot commands to whichever process holds the account
// (this one, or a worker), answered once the contact's own turns and deliveries are done.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, max } from 'drizzle-orm';
import type { Bus } from '../../runtime/bus.ts';
import { CommandFailedError, CommandTimeoutError, runBotCommand } from '../../runtime/commands.ts';
import type { Db } from '../../runtime/db/client.ts';
import {
  botAccounts,
  contactActivity,
  contacts,
  conversations,
  flows,
  flowVersions,
  goals,
  leads,
  messages,
  outbox,
  runs,
} from '../../shared/db/schema.ts';
import { compile } from '../../shared/flow/index.ts';
import { messageColumns, messageView } from '../contacts/contacts.ts';
import { HttpError, notFound } from '../errors.ts';
import { lintContext, versionHash } from '../flows/publish.ts';

export interface SandboxAccount {
  id: string;
  workspaceId: string;
  clockOffsetMs: number;
  desired: 'running' | 'stopped';
}

export async function sandboxAccount(db: Db, workspaceId: string): Promise<SandboxAccount> {
  const [account] = await db
    .select({
      id: botAccounts.id,
      workspaceId: botAccounts.workspaceId,
      clockOffsetMs: botAccounts.clockOffsetMs,
      desired: botAccounts.desired,
    })
    .from(botAccounts)
    .where(and(eq(botAccounts.workspaceId, workspaceId), eq(botAccounts.puppet, 'sandbox')))
    .orderBy(asc(botAccounts.createdAt))
    .limit(1);
  if (!account) throw notFound('sandbox_account');
  return { ...account, clockOffsetMs: Number(account.clockOffsetMs) };
}

/** The workspace's sandbox clock: the wall clock plus its own stored offset. */
export const sandboxNow = (account: SandboxAccount) => new Date(Date.now() + account.clockOffsetMs);

/** Runs a command on the sandbox account's lease holder, with API errors for what can go wrong. */
export async function sandboxCommand(
  db: Db,
  bus: Bus,
  account: SandboxAccount,
  op: string,
  args: Record<string, unknown>,
): Promise<unknown> {
  if (account.desired === 'stopped')
    throw new HttpError('sandbox_offline', 'The sandbox bot account is stopped: start it on the Bots screen');
  try {
    return await runBotCommand(db, bus, {
      workspaceId: account.workspaceId,
      botAccountId: account.id,
      op,
      args,
    });
  } catch (err) {
    if (err instanceof CommandTimeoutError)
      throw new HttpError(
        'sandbox_unavailable',
        'No runtime process holds the sandbox bot account yet (is `npm run worker` running?); try again',
        { reason: 'no_worker' },
      );
    if (err instanceof CommandFailedError)
      throw new HttpError('sandbox_unavailable', err.message, { reason: 'failed' });
    throw err;
  }
}

/** A contact of the workspace's sandbox account (a real account's contact is not the sandbox's to drive). */
export async function sandboxContact(db: Db, account: SandboxAccount, contactId: string) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.botAccountId, account.id)));
  if (!row) throw notFound('sandbox_contact');
  return row;
}

export async function createSandboxContact(
  db: Db,
  account: SandboxAccount,
  input: { name: string; weixin?: string },
) {
  const [row] = await db
    .insert(contacts)
    .values({
      workspaceId: account.workspaceId,
      botAccountId: account.id,
      puppetId: `sandbox-${randomUUID()}`,
      name: input.name,
      weixin: input.weixin ?? null,
    })
    .returning({ id: contacts.id, name: contacts.name });
  return row!;
}

export async function sandboxContacts(db: Db, workspaceId: string) {
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      friendStatus: contacts.friendStatus,
      previewFlowId: flowVersions.flowId,
    })
    .from(contacts)
    .innerJoin(botAccounts, eq(botAccounts.id, contacts.botAccountId))
    .leftJoin(flowVersions, eq(flowVersions.id, contacts.previewFlowVersionId))
    .where(and(eq(contacts.workspaceId, workspaceId), eq(botAccounts.puppet, 'sandbox')))
    .orderBy(desc(contacts.createdAt))
    .limit(200);
}

export async function lastMessageId(db: Db, contactId: string): Promise<number> {
  const [row] = await db
    .select({ id: max(messages.id) })
    .from(messages)
    .where(eq(messages.contactId, contactId));
  return row?.id ?? 0;
}

/**
 * What the bot sent this contact after message `since`: in private, and in groups (`roomId` set) —
 * a group message the bot says for a contact's run (a welcome @-mentioning them, the answer to their
 * group keyword) is filed under that contact, so a member's call answers what the group saw because
 * of them, and never what other members' runs said there meanwhile.
 */
export async function repliesSince(db: Db, contactId: string, since: number) {
  return db
    .select({
      text: messages.text,
      nodeId: messages.nodeId,
      flowId: messages.flowId,
      roomId: messages.roomId,
    })
    .from(messages)
    .where(and(eq(messages.contactId, contactId), eq(messages.direction, 'out'), gt(messages.id, since)))
    .orderBy(asc(messages.id));
}

/**
 * The contact says something (a message or a friend request); answers what the bot sent it as a
 * result, once that turn, what it led to and their deliveries are done.
 */
export async function converse(
  db: Db,
  bus: Bus,
  account: SandboxAccount,
  contactId: string,
  said: { kind: 'message'; text: string } | { kind: 'friend_request'; hello: string },
) {
  const contact = await sandboxContact(db, account, contactId);
  const since = await lastMessageId(db, contact.id);
  // The ids make a command performed twice (its worker died) the same WeChat event, deduped.
  if (said.kind === 'message')
    await sandboxCommand(db, bus, account, 'sandbox.message', {
      contactId: contact.id,
      text: said.text,
      messageId: `sandbox-msg-${randomUUID()}`,
    });
  else
    await sandboxCommand(db, bus, account, 'sandbox.friend_request', {
      contactId: contact.id,
      hello: said.hello,
      requestId: `sandbox-req-${randomUUID()}`,
    });
  return { replies: await repliesSince(db, contact.id, since) };
}

/** The contact's messages, private and in groups (`roomId` set), both ways. */
export async function transcript(db: Db, contactId: string) {
  const rows = await db
    .select({ ...messageColumns, roomId: messages.roomId })
    .from(messages)
    .where(eq(messages.contactId, contactId))
    .orderBy(asc(messages.id));
  return rows.map(messageView);
}

/**
 * A preview of the flow's current draft for test contacts: compiled like a publish, stored as a
 * version that is never listed and starts runs for no one else (one per distinct draft).
 */
async function previewVersion(db: Db, workspaceId: string, flowId: string, userId: string | null) {
  const [flow] = await db
    .select()
    .from(flows)
    .where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId)));
  if (!flow) throw notFound('flow');
  const compiled = compile(flow.graph, await lintContext(db, workspaceId));
  if (!compiled.ok)
    throw new HttpError(
      'invalid_flow',
      'The draft has errors: fix them before trying it',
      { action: 'preview' },
      { errors: compiled.errors, warnings: compiled.warnings },
    );
  const hash = versionHash(compiled);
  const [known] = await db
    .select({ id: flowVersions.id })
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.preview, true), eq(flowVersions.hash, hash)));
  if (known) return known.id;
  const [row] = await db
    .insert(flowVersions)
    .values({
      workspaceId,
      flowId,
      version: 0,
      preview: true,
      graph: flow.graph,
      compiled: compiled.machine,
      entries: compiled.entries,
      hash,
      publishedBy: userId,
    })
    .returning({ id: flowVersions.id });
  return row!.id;
}

/**
 * The test contact starts over: its runs end, its messages, goals, attributes, tags and pending sends
 * go, it is a stranger again (the simulated WeChat forgets the friendship too). `previewFlowId`
 * (when given) points it at that flow's current draft, or back at the published flows (null).
 */
export async function resetSandboxContact(
  db: Db,
  bus: Bus,
  account: SandboxAccount,
  contactId: string,
  input: { previewFlowId?: string | null },
  userId: string | null,
) {
  const contact = await sandboxContact(db, account, contactId);
  const previewVersionId =
    input.previewFlowId === undefined
      ? await currentPreview(db, account.workspaceId, contact.previewFlowVersionId, userId)
      : input.previewFlowId === null
        ? null
        : await previewVersion(db, account.workspaceId, input.previewFlowId, userId);
  await sandboxCommand(db, bus, account, 'sandbox.forget', { contactId: contact.id });
  const now = sandboxNow(account);
  await db.transaction(async (tx) => {
    await tx
      .update(runs)
      .set({
        status: 'exited',
        error: 'reset in the simulator',
        wakeAt: null,
        awaitsMessage: false,
        updatedAt: now,
      })
      .where(and(eq(runs.contactId, contact.id), inArray(runs.status, ['active', 'waiting'])));
    await tx
      .update(outbox)
      .set({ status: 'dismissed', doneAt: now })
      .where(and(eq(outbox.contactId, contact.id), inArray(outbox.status, ['queued', 'unknown', 'failed'])));
    await tx.delete(messages).where(eq(messages.contactId, contact.id));
    await tx.delete(goals).where(eq(goals.contactId, contact.id));
    // Starting over is a new contact for the inbox too: its conversation (cycles, notes) goes.
    await tx.delete(conversations).where(eq(conversations.contactId, contact.id));
    await tx.delete(contactActivity).where(eq(contactActivity.contactId, contact.id));
    await tx
      .update(contacts)
      .set({
        friendStatus: 'stranger',
        friendHello: null,
        firstAddedAt: null,
        lastInboundAt: null,
        lastOutboundAt: null,
        attributes: {},
        tags: [],
        handoff: false,
        previewFlowVersionId: previewVersionId,
      })
      .where(eq(contacts.id, contact.id));
  });
  const [flow] = previewVersionId
    ? await db
        .select({ flowId: flowVersions.flowId })
        .from(flowVersions)
        .where(eq(flowVersions.id, previewVersionId))
    : [];
  return { id: contact.id, name: contact.name, previewFlowId: flow?.flowId ?? null };
}

/** Restarting a contact that tries a draft takes the latest draft of the same flow. */
async function currentPreview(db: Db, workspaceId: string, versionId: string | null, userId: string | null) {
  if (!versionId) return null;
  const [row] = await db
    .select({ flowId: flowVersions.flowId })
    .from(flowVersions)
    .where(eq(flowVersions.id, versionId));
  return row ? previewVersion(db, workspaceId, row.flowId, userId) : null;
}

/**
 * The simulated person accepts the sandbox's friend request for a lead: their `friend_confirm` starts
 * the lead flows; answers what the bot sent them as a result.
 */
export async function acceptSandboxLead(db: Db, bus: Bus, account: SandboxAccount, leadId: string) {
  const [lead] = await db
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.id, leadId),
        eq(leads.workspaceId, account.workspaceId),
        eq(leads.botAccountId, account.id),
      ),
    );
  if (!lead) throw notFound('lead');
  if (lead.status !== 'requested' || !lead.contactId)
    throw new HttpError(
      'lead_not_requested',
      `The lead is ${lead.status}: only a requested lead can accept`,
      {
        status: lead.status,
      },
    );
  const since = await lastMessageId(db, lead.contactId);
  await sandboxCommand(db, bus, account, 'sandbox.accept_lead', { leadId: lead.id });
  return {
    leadId: lead.id,
    contactId: lead.contactId,
    replies: await repliesSince(db, lead.contactId, since),
  };
}

// The one outbox writer: every row the runtime queues — a flow's message, a fallback auto-reply, a
// friend accept, a friend add, an agent's reply — is built here, so a bot-written message always
// gets the workspace's signature (an agent's never) and its variant record, and every row its kind's
// idempotency key and, for a message nobody asked for, the `initiated` mark the contact's budget counts. Turns hand the rows to their write batch; others insert them at once.
import { outbox } from '../../shared/db/schema.ts';
import type { Db } from '../db/client.ts';
import { OUTBOX_KIND_TABLE } from '../dispatcher/kinds.ts';

export type OutboxInsert = typeof outbox.$inferInsert;

/** A message the bot (a flow, the fallback) or an agent writes to a contact. */
export interface MessageToQueue {
  workspaceId: string;
  botAccountId: string;
  contactId: string;
  runId?: string | null;
  text: string;
  media?: Record<string, unknown> | null;
  /** Said in this group instead of in private, @-mentioning the contact when `mention`. */
  roomId?: string | null;
  mention?: boolean;
  flowId?: string;
  nodeId?: string;
  variant?: number;
  author: 'bot' | 'agent';
  /** The member who wrote an agent's message: archived with it once sent. */
  authorId?: string | null;
  /** The bot disclosure, appended to bot-written text (never to an agent's). */
  signature: string | null;
  /** The kind's key parts: `{runId, nodeId, visit, part}` for a flow, `{source, accountId, eventId}` else. */
  keyParts: Record<string, string | number>;
  notBefore: Date;
  /** Nobody asked for it just now (a timer's or a campaign's turn): it spends the contact's message budget. */
  initiated?: boolean;
}

export function messageRow(m: MessageToQueue): OutboxInsert {
  const signed = m.author === 'bot' && m.signature && m.text ? `${m.text}\n${m.signature}` : m.text;
  return {
    workspaceId: m.workspaceId,
    botAccountId: m.botAccountId,
    contactId: m.contactId,
    runId: m.runId ?? null,
    kind: 'message',
    payload: {
      text: signed,
      author: m.author,
      ...(m.authorId ? { authorId: m.authorId } : {}),
      ...(m.flowId ? { flowId: m.flowId } : {}),
      ...(m.nodeId ? { nodeId: m.nodeId } : {}),
      ...(m.variant !== undefined ? { variant: m.variant } : {}),
      ...(m.media ? { media: m.media } : {}),
      ...(m.roomId ? { roomId: m.roomId, mention: m.mention ?? true } : {}),
    },
    idempotencyKey: OUTBOX_KIND_TABLE.message!.key(m.keyParts),
    notBefore: m.notBefore,
    ...(m.initiated ? { initiated: true } : {}),
  };
}

/** Any other kind's row (a friend accept, a friend add), keyed by its kind. */
export function actionRow(
  kind: 'friend_accept' | 'friend_add' | 'room_invite' | 'room_remove',
  row: Omit<OutboxInsert, 'kind' | 'idempotencyKey'>,
  keyParts: Record<string, string | number>,
): OutboxInsert {
  return { ...row, kind, idempotencyKey: OUTBOX_KIND_TABLE[kind]!.key(keyParts) };
}

/** Inserts one row now; answers its id, or null when its key was queued before. */
export async function queueOutboxRow(tx: Db, row: OutboxInsert): Promise<number | null> {
  const [queued] = await tx.insert(outbox).values(row).onConflictDoNothing().returning({ id: outbox.id });
  return queued?.id ?? null;
}

/** Inserts rows now; a key already queued is skipped. Answers how many were queued. */
export async function queueOutbox(tx: Db, rows: OutboxInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  const queued = await tx.insert(outbox).values(rows).onConflictDoNothing().returning({ id: outbox.id });
  return queued.length;
}

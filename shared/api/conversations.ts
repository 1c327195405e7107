// The inbox (handbook API "Conversations"; DESIGN "Conversations"): conversations with their status,
// assignee and unread count, live over SSE; replies that go out through the outbox; notes; saved
// replies; the quality review of messages; and the KPIs of agents and of the bot.
import { z } from 'zod';
import {
  CONVERSATION_EVENT_KINDS,
  CONVERSATION_STATUSES,
  OPENED_BY,
  REVIEW_RATINGS,
} from '../db/conversations.ts';
import { cursorParam, dayParam, intParam, optionalParam, text } from './common.ts';
import { transcriptMedia } from './media.ts';

export { CONVERSATION_STATUSES, OPENED_BY, REVIEW_RATINGS };

/** A member seen within this long counts as online for the round robin. */
export const ONLINE_MS = 5 * 60_000;

/** The inbox's tabs, as list filters: `status` + `assignee`, and `bot` for contacts the bot has now. */
export const INBOX_TABS = ['mine', 'unassigned', 'all', 'bot', 'closed'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

const person = z.object({ id: z.uuid(), name: z.string() });

export const conversationsQuery = z.object({
  status: optionalParam(z.enum(CONVERSATION_STATUSES).optional()),
  /** `me`, `none` (unassigned) or a member's user id. */
  assignee: optionalParam(z.union([z.enum(['me', 'none']), z.uuid()]).optional()),
  /** `true`: contacts the bot is talking with now (a run waiting for them), no human on it. */
  bot: optionalParam(z.enum(['true', 'false']).optional()),
  /** Search across every message of the conversation (any substring, Chinese included). */
  q: optionalParam(text().trim().min(1).max(100).optional()),
  limit: optionalParam(intParam({ max: 100 }).default(30)),
  cursor: optionalParam(cursorParam.optional()),
});
export type ConversationsQuery = z.infer<typeof conversationsQuery>;

export const conversationItem = z.object({
  /** Null only in the `bot` tab for a contact who never had a conversation yet. */
  id: z.uuid().nullable(),
  contact: z.object({ id: z.uuid(), name: z.string() }),
  botAccountId: z.uuid(),
  status: z.enum(CONVERSATION_STATUSES),
  assignee: person.nullable(),
  /** A human has the contact: flows and the fallback stay quiet. */
  botPaused: z.boolean(),
  lastMessage: z.object({
    text: z.string(),
    at: z.iso.datetime(),
    direction: z.enum(['in', 'out']),
  }),
  unread: z.number().int(),
  /** The contact's oldest message no human has answered; null when nobody waits. */
  waitingSince: z.iso.datetime().nullable(),
  snoozedUntil: z.iso.datetime().nullable(),
  /** With `q`: the newest matching message. */
  match: z.object({ text: z.string(), at: z.iso.datetime() }).nullable().optional(),
});
export type ConversationItem = z.infer<typeof conversationItem>;
export const conversationPage = z.object({
  items: z.array(conversationItem),
  nextCursor: z.string().nullable(),
});

/** The delivery of a message a human sent from the web: the state of its outbox row. */
export const DELIVERY = ['pending', 'sending', 'sent', 'failed', 'unknown'] as const;

export const conversationMessage = z.object({
  /** A `messages` row id; an agent's message still in the outbox has `id: null` and its `outboxId`. */
  id: z.number().int().nullable(),
  outboxId: z.number().int().nullable(),
  direction: z.enum(['in', 'out']),
  author: z.enum(['contact', 'bot', 'agent', 'operator']),
  /** The agent's name (author `agent`). */
  authorName: z.string().nullable(),
  text: z.string(),
  kind: z.string(),
  media: transcriptMedia.nullable(),
  at: z.iso.datetime(),
  flowId: z.uuid().nullable(),
  nodeId: z.string().nullable(),
  /** Agent messages: sending / sent / failed / unknown (the outbox's word for it). */
  delivery: z.enum(DELIVERY).nullable(),
  review: z.object({ rating: z.enum(REVIEW_RATINGS), comment: z.string() }).nullable(),
});
export type ConversationMessage = z.infer<typeof conversationMessage>;

export const conversationNote = z.object({
  id: z.number().int(),
  author: person.nullable(),
  text: z.string(),
  at: z.iso.datetime(),
});

/**
 * Shown inline in the transcript: what happened to the conversation (assigned, snoozed, closed…) and
 * what the flows did with the contact (`flow`: entered a node, tagged, got a coupon, reached a goal).
 */
export const conversationEvent = z.object({
  kind: z.enum([...CONVERSATION_EVENT_KINDS, 'node', 'tag', 'coupon', 'goal']),
  actor: person.nullable(),
  /** `node`: {flowId, flowName, nodeId, nodeLabel}; `tag`: {tag}; `coupon`: {code, pool}; `goal`: {goal};
   * `assigned`: {to: {id, name} | null}; `snoozed`: {until}; `opened`: {by}. */
  params: z.record(z.string(), z.unknown()),
  at: z.iso.datetime(),
});

export const conversationDetail = conversationItem.extend({
  id: z.uuid(),
  messages: z.array(conversationMessage),
  notes: z.array(conversationNote),
  events: z.array(conversationEvent),
  /** The run waiting at a `handoff` node, if any (closing sends it on by `resolved`). */
  handoffRun: z.object({ id: z.uuid(), flowId: z.uuid(), nodeId: z.string() }).nullable(),
});
export type ConversationDetail = z.infer<typeof conversationDetail>;

export const replyBody = z.object({ text: text().trim().min(1).max(4000) });
export const replyQueued = z.object({ outboxId: z.number().int(), delivery: z.enum(DELIVERY) });
export const noteBody = z.object({ text: text().trim().min(1).max(4000) });
export const assignBody = z.object({
  /** A member who takes conversations; null unassigns; `round_robin`: the next agent online. */
  userId: z.union([z.uuid(), z.literal('round_robin')]).nullable(),
});
export const snoozeBody = z.object({ until: z.iso.datetime() });

/** SSE `conversation` event data: the item as the list shows it. `counts` after each change. */
export const inboxCounts = z.object({
  unassigned: z.number().int(),
  mine: z.number().int(),
});

export const savedReply = z.object({
  id: z.uuid(),
  shortcut: z.string(),
  text: z.string(),
});
export const savedReplyBody = z.object({
  shortcut: text()
    .trim()
    .min(1)
    .max(30)
    .regex(/^[\p{L}\p{N}_-]+$/u),
  text: text().trim().min(1).max(4000),
});
export const savedReplyPatchBody = savedReplyBody.partial();

export const reviewBody = z.object({
  rating: z.enum(REVIEW_RATINGS),
  comment: text().trim().max(2000).default(''),
});
export const reviewsQuery = z.object({
  rating: optionalParam(z.enum(REVIEW_RATINGS).optional()),
  flowId: optionalParam(z.uuid().optional()),
  nodeId: optionalParam(text().max(100).optional()),
  /** The agent who wrote the reviewed message. */
  agentId: optionalParam(z.uuid().optional()),
  limit: optionalParam(intParam({ max: 100 }).default(50)),
  cursor: optionalParam(cursorParam.optional()),
});
export const reviewItem = z.object({
  messageId: z.number().int(),
  conversationId: z.uuid().nullable(),
  contact: z.object({ id: z.uuid(), name: z.string() }),
  author: z.enum(['bot', 'agent', 'operator']),
  authorName: z.string().nullable(),
  text: z.string(),
  at: z.iso.datetime(),
  flowId: z.uuid().nullable(),
  flowName: z.string().nullable(),
  nodeId: z.string().nullable(),
  /** The card's name (`label`) where it has one. */
  nodeLabel: z.string().nullable(),
  rating: z.enum(REVIEW_RATINGS),
  comment: z.string(),
  reviewer: person.nullable(),
  reviewedAt: z.iso.datetime(),
});
export const reviewPage = z.object({ items: z.array(reviewItem), nextCursor: z.string().nullable() });

/** KPIs over [from, to] (local days of the workspace time zone, at most 92). */
export const kpisQuery = z.object({
  from: dayParam(),
  to: dayParam(),
});
export const agentDay = z.object({
  day: z.iso.date(),
  handled: z.number().int(),
  /** Seconds; null when no conversation of that day got a human reply. */
  firstResponseMedian: z.number().nullable(),
  firstResponseP90: z.number().nullable(),
  closeMedian: z.number().nullable(),
});
const agentFigures = z.object({
  handled: z.number().int(),
  firstResponseMedian: z.number().nullable(),
  firstResponseP90: z.number().nullable(),
  closeMedian: z.number().nullable(),
  days: z.array(agentDay),
});
export const inboxKpis = z.object({
  /** Everyone's conversations together (a median of medians would not be one). */
  team: agentFigures,
  agents: z.array(
    z.object({
      user: person,
      handled: z.number().int(),
      firstResponseMedian: z.number().nullable(),
      firstResponseP90: z.number().nullable(),
      closeMedian: z.number().nullable(),
      days: z.array(agentDay),
    }),
  ),
  bot: z.object({
    /** Contacts who wrote to the bot in private that day, and how many of them never needed a human. */
    days: z.array(
      z.object({
        day: z.iso.date(),
        contacts: z.number().int(),
        botOnly: z.number().int(),
        /** Private messages in, and those only the fallback took (auto-reply or handoff). */
        messages: z.number().int(),
        fallback: z.number().int(),
        handoffs: z.number().int(),
      }),
    ),
    /** Share of contacts (0–1) over the range, null without any. */
    botOnlyRate: z.number().nullable(),
    fallbackRate: z.number().nullable(),
    byNode: z.array(
      z.object({
        flowId: z.uuid(),
        flowName: z.string(),
        nodeId: z.string(),
        /** The card's name in the published version, where it has one. */
        nodeLabel: z.string().nullable(),
        handoffs: z.number().int(),
      }),
    ),
  }),
});
export type InboxKpis = z.infer<typeof inboxKpis>;

// Insights (API.md "Analytics"): the marketer's to-do list — each item a query that ends in a list of
// contacts or a node to open — and the bot's quality per flow and per account, private vs group.
import { z } from 'zod';
import { cursorParam, intParam, optionalParam } from './common.ts';

/** Every kind of insight, in the order the list shows them. */
export const INSIGHT_KINDS = [
  'intent_unanswered',
  'drop_off',
  'winning_variant',
  'unanswered_phrase',
  'budget_near',
] as const;
export type InsightKind = (typeof INSIGHT_KINDS)[number];

/** The kinds whose item ends in a list of contacts (`GET /api/insights/:kind/contacts`). */
export const CONTACT_INSIGHT_KINDS = ['intent_unanswered'] as const;
export type ContactInsightKind = (typeof CONTACT_INSIGHT_KINDS)[number];

export const insightItem = z.object({
  kind: z.enum(INSIGHT_KINDS),
  /** Plain English for API users; the editor says it from `kind` + `params`. */
  title: z.string(),
  /** What the item is about: contacts, contacts dropped, messages, the share of a limit used… */
  count: z.number(),
  /** Where to act: a contacts list, a node of a flow, settings, the bots. */
  link: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type InsightItem = z.infer<typeof insightItem>;

export const insightsBody = z.object({ items: z.array(insightItem) });
export type InsightsBody = z.infer<typeof insightsBody>;

export const insightKindParams = z.object({ kind: z.enum(CONTACT_INSIGHT_KINDS) });

export const insightContactsQuery = z.object({
  limit: optionalParam(intParam({ max: 500 }).default(100)),
  cursor: optionalParam(cursorParam.optional()),
});

export const insightContact = z.object({
  id: z.uuid(),
  name: z.string(),
  alias: z.string().nullable(),
  /** What the contact said that showed intent, and when. */
  text: z.string(),
  at: z.iso.datetime(),
  /** The contact's inbox conversation, when it has one ("open in inbox"). */
  conversationId: z.uuid().nullable(),
});
export type InsightContact = z.infer<typeof insightContact>;

export const insightContactsPage = z.object({
  items: z.array(insightContact),
  nextCursor: z.string().nullable(),
});

export const BOT_QUALITY_SCOPES = ['private', 'group'] as const;

export const botQualityRow = z.object({
  /** The flow or the bot account; null: turns no flow spoke in (the flow table's "no flow" row). */
  id: z.uuid().nullable(),
  name: z.string().nullable(),
  scope: z.enum(BOT_QUALITY_SCOPES),
  /** Inbound messages. */
  turns: z.number().int(),
  contacts: z.number().int(),
  /** Shares of the turns (0–1); null without turns. */
  answeredRate: z.number().nullable(),
  fallbackRate: z.number().nullable(),
  handoffRate: z.number().nullable(),
  goals: z.number().int(),
  /** Goals reached per 100 contacts who wrote; null without contacts. */
  goalsPer100: z.number().nullable(),
});
export type BotQualityRow = z.infer<typeof botQualityRow>;

export const botQualityBody = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  timeZone: z.string(),
  flows: z.array(botQualityRow),
  accounts: z.array(botQualityRow),
});
export type BotQualityBody = z.infer<typeof botQualityBody>;

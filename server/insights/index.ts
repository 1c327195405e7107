// The insight kinds (STYLE §7: a kind is a table entry): each names how to find its items and, for a
// kind that ends in contacts, how to list them. The list runs every entry and keeps the table's order.
import type {
  ContactInsightKind,
  InsightContact,
  InsightItem,
  InsightKind,
} from '../../shared/api/insights.ts';
import { budgetItems } from './budgets.ts';
import type { InsightContext } from './context.ts';
import { dropOffItems } from './drop-off.ts';
import { intentContacts, intentItems } from './intent.ts';
import { phraseItems } from './phrases.ts';
import { winnerItems } from './winners.ts';

export type ContactPage = { limit: number; cursor?: { at: Date; id: string } | undefined };

export interface InsightSource {
  items(ctx: InsightContext): Promise<InsightItem[]>;
}
export interface ContactSource {
  contacts(
    ctx: InsightContext,
    page: ContactPage,
  ): Promise<{ items: InsightContact[]; nextCursor: string | null }>;
}

export const INSIGHT_TABLE: Readonly<Record<InsightKind, InsightSource>> = {
  intent_unanswered: { items: intentItems },
  drop_off: { items: dropOffItems },
  winning_variant: { items: winnerItems },
  unanswered_phrase: { items: phraseItems },
  budget_near: { items: budgetItems },
};

export const CONTACT_SOURCES: Readonly<Record<ContactInsightKind, ContactSource>> = {
  intent_unanswered: { contacts: intentContacts },
};

export async function listInsights(
  ctx: InsightContext,
  table: Readonly<Record<string, InsightSource>> = INSIGHT_TABLE,
): Promise<InsightItem[]> {
  const found = await Promise.all(Object.values(table).map((source) => source.items(ctx)));
  return found.flat();
}

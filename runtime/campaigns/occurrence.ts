// A monthly campaign: when an occurrence launches, the next one is scheduled a month later as a
// campaign of its own (its parent: the first occurrence), with the same flow, audience rules and timing.
import { and, eq, sql } from 'drizzle-orm';
import { campaigns } from '../../shared/db/schema.ts';
import type { Db } from '../db/client.ts';

type CampaignRow = typeof campaigns.$inferSelect;

/** The same day and time `months` later; a day the month lacks becomes its last day (31 Jan → 28 Feb). */
export function addMonths(at: Date, months: number): Date {
  const next = new Date(at);
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + months);
  const last = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(at.getUTCDate(), last));
  return next;
}

export const addMonth = (at: Date): Date => addMonths(at, 1);

/**
 * The occurrence after `current` (the month after its month) of a monthly campaign first sent at
 * `first`: counted from the first,
 * so a short month does not move the day for good (31 Jan → 28 Feb → 31 Mar).
 */
export function nextMonthly(first: Date, current: Date): Date {
  const months =
    (current.getUTCFullYear() - first.getUTCFullYear()) * 12 + current.getUTCMonth() - first.getUTCMonth();
  return addMonths(first, months + 1);
}

/** Schedules the occurrence after `campaign` (launching at `launchAt`) once; nothing for a one-off. */
export async function nextOccurrence(tx: Db, campaign: CampaignRow, launchAt: Date): Promise<void> {
  if (campaign.schedule.repeat !== 'monthly') return;
  const root = campaign.parentId ?? campaign.id;
  const current = campaign.schedule.at ? new Date(campaign.schedule.at) : launchAt;
  const [first] = campaign.parentId
    ? await tx
        .select({ schedule: campaigns.schedule, launchedAt: campaigns.launchedAt })
        .from(campaigns)
        .where(eq(campaigns.id, campaign.parentId))
    : [];
  const firstAt = first?.schedule.at ? new Date(first.schedule.at) : (first?.launchedAt ?? current);
  // After this launch, whatever the date it was set for: a date long past does not make the next
  // occurrences fall due one after another until they catch up.
  const at = nextMonthly(firstAt, current > launchAt ? current : launchAt).toISOString();
  const [exists] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.parentId, root), sql`${campaigns.schedule}->>'at' = ${at}`));
  if (exists) return;
  const { id: _id, launchedAt: _l, finishedAt: _f, createdAt: _c, ...rest } = campaign;
  await tx
    .insert(campaigns)
    .values({ ...rest, parentId: root, status: 'scheduled', schedule: { at, repeat: 'monthly' } });
}

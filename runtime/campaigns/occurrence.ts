// A monthly campaign: when an occurrence launches, the next one is scheduled a month later as a
// campaign of its own (its parent: the first occurrence), with the same flow, audience rules and timing.
import { and, eq, sql } from 'drizzle-orm';
import { campaigns } from '../../shared/db/schema.ts';
import type { Db } from '../db/client.ts';

type CampaignRow = typeof campaigns.$inferSelect;

/** The same day and time a month later; a day the month lacks becomes its last day (31 Jan → 28 Feb). */
export function addMonth(at: Date): Date {
  const next = new Date(at);
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const last = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(at.getUTCDate(), last));
  return next;
}

/** Schedules the occurrence after `campaign` (launching at `launchAt`) once; nothing for a one-off. */
export async function nextOccurrence(tx: Db, campaign: CampaignRow, launchAt: Date): Promise<void> {
  if (campaign.schedule.repeat !== 'monthly') return;
  const root = campaign.parentId ?? campaign.id;
  const at = addMonth(campaign.schedule.at ? new Date(campaign.schedule.at) : launchAt).toISOString();
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

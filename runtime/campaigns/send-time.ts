// Each member's send time for a `best_hour` campaign (pure): the hours the campaign window allows over
// the week after launch, and among them the hour of the week this contact chats in most.
import { nextWindow, WHOLE_DAY } from '../../shared/flow/wake.ts';
import type { CampaignWindow, Weekday } from '../../shared/segments/rules.ts';
import { localTime } from '../../shared/time/zoned.ts';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

/** `contacts.activity` counts weekday × 24 + hour with weekday 0 = Sunday (shared/flow/wake.ts). */
const DAY_INDEX: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** A moment a member may be sent at, and its hour of the week in the activity counts. */
export type Slot = { at: number; index: number };

/**
 * The moments a send may land on in the week from `from`: the start of each stretch of the window
 * (`from` itself when it falls inside one), then every hour start inside it, on the allowed days only,
 * in time order. A window whose `to` is not after its `from` runs past midnight (wake.ts).
 */
export function windowSlots(from: number, window: CampaignWindow | null, timeZone: string): Slot[] {
  const days = new Set((window?.days ?? []).map((d) => DAY_INDEX[d]));
  const hours = window ? { from: window.from, to: window.to } : WHOLE_DAY;
  const slots: Slot[] = [];
  const until = from + WEEK;
  let earliest = from;
  while (earliest < until) {
    const [begin, end] = nextWindow(earliest, hours, timeZone);
    if (end <= earliest) break;
    for (let at = begin; at < Math.min(end, until); at = nextHour(at, timeZone)) {
      const t = localTime(at, timeZone);
      if (days.size === 0 || days.has(t.weekday)) slots.push({ at, index: t.weekday * 24 + t.hour });
    }
    earliest = end;
  }
  return slots;
}

/** The start of the local hour after `at` (time zones with half-hour offsets included). */
function nextHour(at: number, timeZone: string): number {
  const t = localTime(at, timeZone);
  return at - (t.minute * 60 + t.second) * 1000 - (at % 1000) + HOUR;
}

/**
 * The slot of the hour of the week this contact chatted in most; equal counts go to the day they
 * chat on more, then to the earliest. No history (or nothing in the window): the first slot. Null
 * when the window allows no slot at all.
 */
export function bestSendAt(activity: readonly number[], slots: readonly Slot[]): number | null {
  if (slots.length === 0) return null;
  const dayTotal = (index: number) => {
    const day = Math.floor(index / 24) * 24;
    let sum = 0;
    for (let h = 0; h < 24; h++) sum += activity[day + h] ?? 0;
    return sum;
  };
  let best = slots[0]!;
  let bestCount = activity[best.index] ?? 0;
  let bestDay = dayTotal(best.index);
  for (const slot of slots) {
    const count = activity[slot.index] ?? 0;
    if (count < bestCount) continue;
    const day = count > bestCount || count > 0 ? dayTotal(slot.index) : 0;
    if (count > bestCount || day > bestDay) [best, bestCount, bestDay] = [slot, count, day];
  }
  return best.at;
}

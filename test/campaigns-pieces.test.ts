// Campaign pieces without a database: each contact's best hour of the week inside a window, reply
// buckets, the sends a member gets before the first wait, the campaign trigger never starting on a
// message, and monthly occurrences counted from the first.
import { describe, expect, it } from 'vitest';
import { addMonth, nextMonthly } from '../runtime/campaigns/occurrence.ts';
import { sendsPerMember } from '../runtime/campaigns/path.ts';
import { replyBucket } from '../runtime/campaigns/replies.ts';
import { bestSendAt, windowSlots } from '../runtime/campaigns/send-time.ts';
import { matchingEntries } from '../shared/flow/triggers.ts';
import { fixtureGraph } from './support/runtime.ts';

const TZ = 'Asia/Shanghai';

describe('best hour of the week', () => {
  // Activity index: weekday (0 = Sunday) × 24 + hour, in the workspace zone.
  const weekdays21 = Array.from({ length: 168 }, (_, i) => (i % 24 === 21 && i >= 24 && i < 6 * 24 ? 5 : 0));
  const local = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 16);
  it('schedules a contact active at 21:00 on weekdays at 21:00 on the next weekday', () => {
    // Sunday 2025-01-05 10:00 in Shanghai → Monday 21:00.
    const sunday = Date.parse('2025-01-05T02:00:00Z');
    expect(local(bestSendAt(weekdays21, windowSlots(sunday, null, TZ))!)).toBe('2025-01-06T21:00');
    // Monday 22:00 → Tuesday 21:00; Friday 22:00 → next Monday (the weekend has no 21:00 habit).
    expect(local(bestSendAt(weekdays21, windowSlots(Date.parse('2025-01-06T14:00:00Z'), null, TZ))!)).toBe(
      '2025-01-07T21:00',
    );
    expect(local(bestSendAt(weekdays21, windowSlots(Date.parse('2025-01-10T14:00:00Z'), null, TZ))!)).toBe(
      '2025-01-13T21:00',
    );
  });
  it('stays inside the window and its days; no history takes the first slot', () => {
    const sunday = Date.parse('2025-01-05T02:00:00Z');
    const window = { from: '09:00', to: '20:00', days: ['wed' as const] };
    const slots = windowSlots(sunday, window, TZ);
    expect(local(slots[0]!.at)).toBe('2025-01-08T09:00');
    expect(slots).toHaveLength(11);
    expect(local(bestSendAt(new Array(168).fill(0), slots)!)).toBe('2025-01-08T09:00');
    // The 21:00 habit is outside the window: the busier hour inside it wins.
    const busy: number[] = [...weekdays21];
    busy[3 * 24 + 15] = 2;
    expect(local(bestSendAt(busy, slots)!)).toBe('2025-01-08T15:00');
    // Equal hours: the day chatted on more.
    const days = new Array(168).fill(0);
    days[1 * 24 + 10] = 3;
    days[2 * 24 + 10] = 3;
    days[2 * 24 + 3] = 4;
    expect(local(bestSendAt(days, windowSlots(sunday, null, TZ))!)).toBe('2025-01-07T03:00');
  });
});

describe('campaign pieces', () => {
  it('buckets replies: intent, simple (punctuation and emoji tolerant), other', () => {
    const words = { simpleReplies: ['好的', '收到', 'ok', '👍'], intentKeywords: ['多少钱', '链接'] };
    expect(replyBucket(' 好的！', words)).toBe('simple_reply');
    expect(replyBucket('OK 👍', words)).toBe('simple_reply');
    expect(replyBucket('👍👍', words)).toBe('simple_reply');
    expect(replyBucket('好的，多少钱？', words)).toBe('intent');
    expect(replyBucket('发我链接', words)).toBe('intent');
    expect(replyBucket('好的呀我明天看看', words)).toBe('other_reply');
    expect(replyBucket('？', words)).toBe('other_reply');
  });
  it('counts the messages before the first wait, longest branch', () => {
    expect(sendsPerMember(fixtureGraph('campaign'), 'campaign')).toBe(1);
  });
  it('never starts a campaign flow on a message', () => {
    const entries = [{ nodeId: 'c', type: 'trigger.campaign', data: {} }];
    expect(
      matchingEntries(entries, { kind: 'message', text: '报名', room: false, mentionsBot: false }),
    ).toEqual([]);
    expect(matchingEntries(entries, { kind: 'friend_request', hello: '' })).toEqual([]);
  });
  it('adds a month, keeping the day where the month has it', () => {
    expect(addMonth(new Date('2025-01-15T12:00:00Z')).toISOString()).toBe('2025-02-15T12:00:00.000Z');
    expect(addMonth(new Date('2025-01-31T12:00:00Z')).toISOString()).toBe('2025-02-28T12:00:00.000Z');
  });
  it('keeps a monthly campaign on its first day: 31 Jan → 28 Feb → 31 Mar → 30 Apr → 31 May', () => {
    const first = new Date('2025-01-31T12:00:00Z');
    const days = [first];
    for (let i = 0; i < 4; i++) days.push(nextMonthly(first, days.at(-1)!));
    expect(days.map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
    ]);
    // Launched long after its date: the next is the month after the launch, not the month after the date.
    expect(nextMonthly(first, new Date('2025-06-10T09:00:00Z')).toISOString()).toBe(
      '2025-07-31T12:00:00.000Z',
    );
    // Across a year end, from a day every month has.
    expect(
      nextMonthly(new Date('2024-11-15T01:00:00Z'), new Date('2024-12-15T01:00:00Z')).toISOString(),
    ).toBe('2025-01-15T01:00:00.000Z');
  });
});

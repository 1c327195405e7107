import { describe, expect, it } from 'vitest';
import type { FlowEntry } from './compile.ts';
import { matchingEntries } from './triggers.ts';

const keyword = (nodeId: string, data: Record<string, unknown>): FlowEntry => ({
  nodeId,
  type: 'trigger.keyword',
  data: { match: 'contains', scope: 'private', ...data },
});
const entries: FlowEntry[] = [
  { nodeId: 'friend', type: 'trigger.friend_request', data: { autoAccept: true, helloKeywords: ['直播'] } },
  keyword('contains', { keywords: ['优惠'] }),
  keyword('exact', { keywords: ['VIP'], match: 'exact', scope: 'any' }),
  keyword('regex', { keywords: ['^订单\\d+$'], match: 'regex', scope: 'room' }),
];
const ids = (found: FlowEntry[]) => found.map((entry) => entry.nodeId);

describe('matchingEntries', () => {
  it('starts friend-request triggers on a hello with one of the keywords', () => {
    expect(ids(matchingEntries(entries, { kind: 'friend_request', hello: '我从直播间来的' }))).toEqual([
      'friend',
    ]);
    expect(ids(matchingEntries(entries, { kind: 'friend_request', hello: '你好' }))).toEqual([]);
    const any = [{ ...entries[0]!, data: { autoAccept: true, helloKeywords: [] } }];
    expect(ids(matchingEntries(any, { kind: 'friend_request', hello: '' }))).toEqual(['friend']);
  });

  it('matches keywords by mode and scope', () => {
    const said = (text: string, room: boolean, mentionsBot = room) =>
      ids(matchingEntries(entries, { kind: 'message', text, room, mentionsBot }));
    expect(said('有什么优惠吗', false)).toEqual(['contains']);
    expect(said('有什么优惠吗', true)).toEqual([]);
    expect(said(' vip ', true)).toEqual(['exact']);
    expect(said('vip卡', false)).toEqual([]);
    expect(said('订单123', true)).toEqual(['regex']);
  });

  it('hears a group message only when it @-mentions the bot, unless the trigger says otherwise', () => {
    const group = (text: string, mentionsBot: boolean, list = entries) =>
      ids(matchingEntries(list, { kind: 'message', text, room: true, mentionsBot }));
    expect(group('订单123', false)).toEqual([]);
    expect(group('vip', false)).toEqual([]);
    // Published before `mentionOnly` existed (absent) is the default: on.
    expect(entries[3]!.data.mentionOnly).toBeUndefined();
    const chatty = [
      keyword('regex', { keywords: ['^订单\\d+$'], match: 'regex', scope: 'room', mentionOnly: false }),
    ];
    expect(group('订单123', false, chatty)).toEqual(['regex']);
    // A private message is always addressed to the bot.
    const anyScope = [keyword('any', { keywords: ['vip'], scope: 'any' })];
    expect(
      ids(matchingEntries(anyScope, { kind: 'message', text: 'vip', room: false, mentionsBot: false })),
    ).toEqual(['any']);
  });

  it('starts group-join triggers for their room set, or any group without one', () => {
    const joins: FlowEntry[] = [
      { nodeId: 'any', type: 'trigger.room_join', data: { roomSet: null } },
      { nodeId: 'vip', type: 'trigger.room_join', data: { roomSet: 'vip' } },
    ];
    expect(ids(matchingEntries(joins, { kind: 'room_join', roomSet: 'vip' }))).toEqual(['any', 'vip']);
    expect(ids(matchingEntries(joins, { kind: 'room_join', roomSet: 'city' }))).toEqual(['any']);
    expect(ids(matchingEntries(joins, { kind: 'room_join', roomSet: null }))).toEqual(['any']);
    // A join is not a message, and a message not a join.
    expect(ids(matchingEntries(entries, { kind: 'room_join', roomSet: 'vip' }))).toEqual([]);
    expect(
      ids(matchingEntries(joins, { kind: 'message', text: 'vip', room: true, mentionsBot: true })),
    ).toEqual([]);
  });
});

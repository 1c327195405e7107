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
    expect(ids(matchingEntries(entries, { kind: 'message', text: '有什么优惠吗', room: false }))).toEqual([
      'contains',
    ]);
    expect(ids(matchingEntries(entries, { kind: 'message', text: '有什么优惠吗', room: true }))).toEqual([]);
    expect(ids(matchingEntries(entries, { kind: 'message', text: ' vip ', room: true }))).toEqual(['exact']);
    expect(ids(matchingEntries(entries, { kind: 'message', text: 'vip卡', room: false }))).toEqual([]);
    expect(ids(matchingEntries(entries, { kind: 'message', text: '订单123', room: true }))).toEqual([
      'regex',
    ]);
  });
});

// Group commit: many contacts' events through the runtime's batcher share transactions, and each
// contact's conversation comes out exactly as if it ran alone, in order, once.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { InboundEvent } from '../runtime/bots/port.ts';
import { InboundBatcher } from '../runtime/router/batcher.ts';
import { contacts, goals, nodeStats, outbox, runs } from '../shared/db/schema.ts';
import { describeDb } from './support/db.ts';
import { fixtureGraph, publishGraph, seedCoupons, seedWorkspace } from './support/runtime.ts';

describeDb('inbound batcher', (handle) => {
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  let flowVersionId: string;
  let batcher: InboundBatcher;
  const t0 = new Date('2026-11-25T02:00:00Z');
  const N = 30;
  const names = Array.from({ length: N }, (_, i) => `p${i}`);

  beforeAll(async () => {
    ({ account } = await seedWorkspace(handle().db));
    ({ flowVersionId } = await publishGraph(
      handle().db,
      account.workspaceId,
      'Onboarding',
      fixtureGraph('onboarding'),
    ));
    await seedCoupons(
      handle().db,
      account.workspaceId,
      'welcome',
      names.map((n) => `W-${n}`),
    );
    batcher = new InboundBatcher(handle().db, () => t0);
  });

  const contact = (puppetId: string) => ({ puppetId, name: puppetId });
  const submit = (event: InboundEvent) => batcher.submit(account, event);
  const say = (puppetId: string, text: string, messageId: string) =>
    submit({ kind: 'message', messageId, contact: contact(puppetId), text, self: false, at: t0 });

  it('runs thirty conversations at once, each in order, sharing transactions', async () => {
    await Promise.all(
      names.map((p) =>
        submit({ kind: 'friend_request', requestId: `r-${p}`, contact: contact(p), hello: '你好', at: t0 }),
      ),
    );
    // Every event is submitted at once, a contact's three answers back to back: the batcher must
    // keep each contact's order while it groups different contacts.
    const results = await Promise.all(
      names.flatMap((p) => [
        submit({ kind: 'friend_confirm', contact: contact(p), at: t0 }),
        say(p, '上海', `${p}-1`),
        say(p, '25', `${p}-2`),
        say(p, '13800138000', `${p}-3`),
      ]),
    );
    expect(results.every((r) => !r.duplicate && r.turns.length === 1)).toBe(true);
    expect(batcher.counts.shared).toBeGreaterThan(N);
    expect(batcher.counts.transactions).toBeLessThan(results.length + N);

    const ids = [...new Set(results.map((r) => r.contactId!))];
    expect(ids).toHaveLength(N);
    const rows = await handle().db.select().from(contacts).where(inArray(contacts.id, ids));
    for (const row of rows) {
      expect(row.attributes).toEqual({ city: '上海', age: 25, phone: '13800138000' });
      const texts = (
        await handle()
          .db.select()
          .from(outbox)
          .where(and(eq(outbox.contactId, row.id), eq(outbox.kind, 'message')))
          .orderBy(asc(outbox.id))
      ).map((o) => ('text' in o.payload ? o.payload.text : ''));
      expect(texts.slice(0, 4)).toEqual([
        `你好 ${row.name}，欢迎！先认识一下～`,
        '你在哪个城市？',
        '上海的朋友你好！你今年多大？',
        '留个手机号，方便发券给你',
      ]);
      // Coupons go in whatever order the turns commit; each contact gets one, no code twice.
      expect(texts[4]).toMatch(new RegExp(`^${row.name}，送你一张新人券：W-p\\d+$`));
      expect(texts).toHaveLength(5);
    }
    const codes = (await handle().db.select().from(outbox).where(inArray(outbox.contactId, ids))).flatMap(
      (o) =>
        'text' in o.payload && o.payload.text.includes('新人券') ? [o.payload.text.split('：')[1]] : [],
    );
    expect(new Set(codes).size).toBe(N);
    const done = await handle().db.select().from(runs).where(eq(runs.flowVersionId, flowVersionId));
    expect(done.filter((r) => r.status === 'completed')).toHaveLength(N);
    expect(await handle().db.select().from(goals).where(eq(goals.flowVersionId, flowVersionId))).toHaveLength(
      N,
    );
    const stats = await handle()
      .db.select()
      .from(nodeStats)
      .where(eq(nodeStats.flowVersionId, flowVersionId));
    const count = (nodeId: string, port = '') =>
      stats.filter((s) => s.nodeId === nodeId && s.port === port).reduce((n, s) => n + s.count, 0);
    expect(count('start')).toBe(N);
    expect(count('gift', 'issued')).toBe(N);
    expect(count('lead')).toBe(N);
  });

  it('delivers three concurrent copies of one message exactly once', async () => {
    await submit({ kind: 'friend_confirm', contact: contact('dup'), at: t0 });
    const copies = await Promise.all([1, 2, 3].map(() => say('dup', '北京', 'dup-1')));
    expect(copies.filter((c) => !c.duplicate)).toHaveLength(1);
    expect(copies.filter((c) => c.duplicate)).toHaveLength(2);
  });
});

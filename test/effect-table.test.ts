// A turn's effects are written by table (runtime/executor/effects.ts): an effect kind registered in
// a table of its own is written with the turn, and nothing else in the write path changes.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { EFFECT_TABLE, type EffectTable } from '../runtime/executor/effects.ts';
import { WriteBatch } from '../runtime/executor/persist.ts';
import { contacts, outbox } from '../shared/db/schema.ts';
import type { TurnResult } from '../shared/flow/index.ts';
import { describeDb } from './support/db.ts';
import { seedWorkspace } from './support/runtime.ts';

describeDb('effect table', (handle) => {
  it('writes a registered effect kind with the turn, beside the built-in ones', async () => {
    const { db } = handle();
    const { account } = await seedWorkspace(db);
    const [contact] = await db
      .insert(contacts)
      .values({ workspaceId: account.workspaceId, botAccountId: account.id, puppetId: 'p1', name: 'P' })
      .returning();
    const table: EffectTable = {
      ...EFFECT_TABLE,
      stamp: ((batch: WriteBatch, scope: { contactId: string }, effect: { value: string }) =>
        batch.setAttribute(scope.contactId, 'stamp', effect.value)) as EffectTable[string],
    };
    const batch = new WriteBatch(table);
    const now = new Date();
    const scope = {
      workspaceId: account.workspaceId,
      botAccountId: account.id,
      contactId: contact!.id,
      flowId: '00000000-0000-4000-8000-000000000001',
      flowVersionId: '00000000-0000-4000-8000-000000000002',
      runId: '00000000-0000-4000-8000-000000000003',
      roomId: null,
      signature: '—— 机器人',
      initiated: false,
      now,
      timeZone: 'UTC',
    };
    const turn = {
      effects: [
        { kind: 'stamp', nodeId: 'n', visit: 1, value: '盖章' },
        { kind: 'send', nodeId: 'n', visit: 1, part: 1, text: '你好', variant: 0 },
      ],
      visits: [],
    } as unknown as TurnResult;
    const queued = batch.add(scope, { status: 'completed' }, turn);
    expect(queued).toBe(1);
    await db.transaction((tx) => batch.flush(tx));
    const [after] = await db.select().from(contacts).where(eq(contacts.id, contact!.id));
    expect(after!.attributes).toEqual({ stamp: '盖章' });
    const [row] = await db.select().from(outbox).where(eq(outbox.contactId, contact!.id));
    expect(row!.payload).toMatchObject({ text: '你好\n—— 机器人', author: 'bot', variant: 0 });
  });
});

// A flow version published months ago, as the database holds it (frozen in
// shared/nodes/__fixtures__/frozen/), with contacts waiting in it: the runtime restores their stored
// snapshots onto the stored machine (never recompiled) and takes them to the end through the router
// and the sweeper; a version compiled for a vocabulary this build does not speak is refused by name.
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { machineFor, UnsupportedVersionError } from '../runtime/machines.ts';
import { handleInbound } from '../runtime/router/inbound.ts';
import { claimDueRuns, fireRun } from '../runtime/sweeper/sweeper.ts';
import { versionHash } from '../server/flows/publish.ts';
import { contacts, flows, flowVersions, goals, outbox, runs } from '../shared/db/schema.ts';
import type { FlowEntry, MachineConfig, PersistedRun } from '../shared/flow/index.ts';
import { describeDb } from './support/db.ts';
import { seedCoupons, seedWorkspace } from './support/runtime.ts';

const frozen = <T>(file: string): T =>
  JSON.parse(
    readFileSync(new URL(`../shared/nodes/__fixtures__/frozen/${file}`, import.meta.url), 'utf8'),
  ) as T;
const stored = frozen<{ graph: unknown; compiled: MachineConfig; entries: FlowEntry[]; hash: string }>(
  'recall.version.json',
);
const waiting = frozen<{ runs: { contact: string; snapshot: PersistedRun }[] }>('recall.runs.json').runs;
const snapshotOf = (contact: string) => waiting.find((run) => run.contact === contact)!.snapshot;

describe('the version hash', () => {
  it('is computed with node:crypto as the hand-written SHA-256 computed the hashes stored before', () => {
    expect(versionHash({ machine: stored.compiled, entries: stored.entries })).toBe(stored.hash);
  });
});

describeDb('a version published months ago', (handle) => {
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  let flowId: string;
  let versionId: string;

  beforeAll(async () => {
    const db = handle().db;
    ({ account } = await seedWorkspace(db));
    const [flow] = await db
      .insert(flows)
      .values({
        workspaceId: account.workspaceId,
        name: 'Recall',
        graph: stored.graph,
        status: 'published',
        publishedVersion: 1,
      })
      .returning();
    flowId = flow!.id;
    const [version] = await db
      .insert(flowVersions)
      .values({
        workspaceId: account.workspaceId,
        flowId,
        version: 1,
        graph: stored.graph,
        compiled: stored.compiled,
        entries: stored.entries,
        hash: stored.hash,
        publishedAt: new Date('2025-01-06T01:00:00Z'),
      })
      .returning();
    versionId = version!.id;
    await seedCoupons(db, account.workspaceId, 'vip', ['VIP-0001']);
  });

  /** A friend whose run has waited in the version since January, at the frozen snapshot of `who`. */
  async function waitingSince(who: string, puppetId: string, name: string) {
    const db = handle().db;
    const snapshot = snapshotOf(who);
    const [contact] = await db
      .insert(contacts)
      .values({
        workspaceId: account.workspaceId,
        botAccountId: account.id,
        puppetId,
        name,
        friendStatus: 'friend',
      })
      .returning();
    const { token, wakeAt, at } = snapshot.context;
    const [run] = await db
      .insert(runs)
      .values({
        workspaceId: account.workspaceId,
        flowId,
        flowVersionId: versionId,
        contactId: contact!.id,
        status: 'waiting',
        snapshot,
        currentNodeId: at,
        awaitsMessage: at === 'age' || at === 'reply',
        wakeAt: wakeAt === null ? null : new Date(wakeAt),
        wakeToken: token,
        startedAt: new Date('2025-01-06T02:00:00Z'),
        updatedAt: new Date('2025-01-06T02:00:00Z'),
      })
      .returning();
    return { contactId: contact!.id, runId: run!.id };
  }

  const sent = async (contactId: string) =>
    (
      await handle()
        .db.select()
        .from(outbox)
        .where(and(eq(outbox.contactId, contactId), eq(outbox.kind, 'message')))
        .orderBy(asc(outbox.id))
    ).map((row) => ('text' in row.payload ? row.payload.text : ''));
  const runOf = async (runId: string) =>
    (await handle().db.select().from(runs).where(eq(runs.id, runId)))[0]!;

  it('takes the answers of a contact waiting at its question, to the coupon and the goal', async () => {
    const { contactId, runId } = await waitingSince('wxid_mei', 'mei', '小美');
    for (const [i, text] of ['二十', '２５'].entries()) {
      const at = new Date(`2025-01-06T02:0${5 + i}:00Z`);
      await handleInbound(
        handle().db,
        account,
        {
          kind: 'message',
          messageId: `mei-${i}`,
          contact: { puppetId: 'mei', name: '小美' },
          text,
          self: false,
          at,
        },
        at,
      );
    }
    expect(await sent(contactId)).toEqual([
      '没看懂，请再回复一次～',
      '先问一下，你今年多大？',
      '小美，你的会员券：VIP-0001',
    ]);
    expect((await runOf(runId)).status).toBe('completed');
    const [contact] = await handle().db.select().from(contacts).where(eq(contacts.id, contactId));
    expect(contact?.attributes).toEqual({ age: 25 });
    expect(
      await handle().db.select({ name: goals.name }).from(goals).where(eq(goals.contactId, contactId)),
    ).toEqual([{ name: '领券' }]);
  });

  it('wakes a contact waiting for the evening at its stored time, and then takes the reply', async () => {
    const { contactId, runId } = await waitingSince('wxid_lei', 'lei', '阿磊');
    const evening = new Date('2025-01-08T13:00:00Z');
    const due = (await claimDueRuns(handle().db, evening, 100)).find((d) => d.id === runId)!;
    expect(due.wakeAt).toEqual(evening);
    expect((await fireRun(handle().db, due, evening))?.status).toBe('waiting');
    const at = new Date('2025-01-08T13:30:00Z');
    await handleInbound(
      handle().db,
      account,
      {
        kind: 'message',
        messageId: 'lei-1',
        contact: { puppetId: 'lei', name: '阿磊' },
        text: '好的，要一张',
        self: false,
        at,
      },
      at,
    );
    expect(await sent(contactId)).toEqual([
      '杭州的会员活动还剩两天，要领一张券吗？',
      '券刚好发完了，下次早点来～',
    ]);
    expect((await runOf(runId)).status).toBe('completed');
  });

  it('refuses, naming the version, a machine compiled for a vocabulary this build does not speak', async () => {
    const [newer] = await handle()
      .db.insert(flowVersions)
      .values({
        workspaceId: account.workspaceId,
        flowId,
        version: 2,
        graph: stored.graph,
        compiled: { ...stored.compiled, vocabulary: 99 },
        entries: stored.entries,
        hash: 'from-a-newer-build',
      })
      .returning();
    const refused = machineFor(handle().db, newer!.id);
    await expect(refused).rejects.toThrow(UnsupportedVersionError);
    await expect(refused).rejects.toThrow(`Flow version ${newer!.id} cannot run here`);
    expect(await machineFor(handle().db, versionId)).not.toBeNull();
  });
});

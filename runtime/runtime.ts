// The runtime of one process: holds bot account leases, keeps a Wechaty connection per leased
// account, feeds its inbound events to the router, and runs the dispatcher and the sweeper.
// `npm start` runs it beside the server; `npm run worker` runs it alone; many can share PostgreSQL.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { BotLimits } from '../shared/api/bot-limits.ts';
import { botAccounts, contacts, workspaces } from '../shared/db/schema.ts';
import { connect } from './bots/connect.ts';
import { type Lease, refreshLeases, releaseLeases } from './bots/leases.ts';
import type { BotConnection, BotStatusEvent, InboundEvent } from './bots/port.ts';
import type { SandboxWorld } from './bots/sandbox.ts';
import { open } from './bots/secret-box.ts';
import type { Bus } from './bus.ts';
import type { RuntimeClock } from './clock.ts';
import type { Db } from './db/client.ts';
import { dispatchAccount } from './dispatcher/dispatcher.ts';
import type { TurnOutcome } from './executor/execute.ts';
import { InboundBatcher } from './router/batcher.ts';
import { claimDueRuns, fireRuns, nextWakeAt, WAKE_BATCH } from './sweeper/sweeper.ts';

/** The sandbox world lives in memory: on connect it learns the contacts the database remembers. */
async function sandboxWorldContacts(db: Db, accountId: string) {
  const rows = await db
    .select({
      puppetId: contacts.puppetId,
      name: contacts.name,
      weixin: contacts.weixin,
      friendStatus: contacts.friendStatus,
    })
    .from(contacts)
    .where(eq(contacts.botAccountId, accountId));
  return rows.map((r) => ({ ...r, friend: r.friendStatus === 'friend' }));
}

export interface RuntimeOptions {
  db: Db;
  bus: Bus;
  clock: RuntimeClock;
  secret: string;
  leaseTtlMs?: number;
  tickMs?: number;
  /** Folder for each real account's Wechaty memory card (its login session); none: kept in memory. */
  sessionDir?: string;
}

export interface RuntimeLog {
  error(obj: unknown, msg?: string): void;
}

interface LiveBot {
  lease: Lease;
  workspaceId: string;
  timeZone: string;
  limits: BotLimits;
  connection: BotConnection;
  sandbox?: SandboxWorld;
}

export class Runtime {
  readonly owner = `worker-${randomUUID()}`;
  private readonly bots = new Map<string, LiveBot>();
  private readonly inflight = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | null = null;
  /** Inbound events received per account, so the sandbox can wait for the one it just caused. */
  private readonly received = new Map<string, number>();
  private ticking: Promise<void> | null = null;

  log: RuntimeLog | null = null;

  private readonly batcher: InboundBatcher;

  constructor(private readonly o: RuntimeOptions) {
    this.batcher = new InboundBatcher(o.db, () => o.clock.now());
  }

  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.o.tickMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    await Promise.allSettled(this.inflight);
    await Promise.allSettled([...this.bots.values()].map((bot) => bot.connection.stop()));
    this.bots.clear();
    await releaseLeases(this.o.db, this.owner).catch(() => {});
  }

  /** One round: leases and connections, due timers, due outbox rows. Never throws. */
  tick(): Promise<void> {
    this.ticking ??= (async () => {
      try {
        await this.syncLeases();
        await this.sweep();
        await this.dispatchAll();
      } catch (err) {
        this.log?.error({ err }, 'runtime tick failed');
      } finally {
        this.ticking = null;
      }
    })();
    return this.ticking;
  }

  /** Resolves once every inbound event received so far is executed and its due messages are sent. */
  async settle(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      await Promise.allSettled(this.inflight);
      const done = await this.dispatchAll();
      if (this.inflight.size === 0 && done === 0) return;
    }
  }

  receivedCount(accountId: string): number {
    return this.received.get(accountId) ?? 0;
  }

  /** Waits (up to `timeoutMs`) until the account has received more than `count` inbound events, then settles. */
  async settleAfter(accountId: string, count: number, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.receivedCount(accountId) <= count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await this.settle();
  }

  /** Moves the clock forward, firing every wait that falls due in between, in order (the sandbox clock). */
  async advanceClock(ms: number): Promise<{ now: Date; fired: number }> {
    const target = this.o.clock.now().getTime() + ms;
    let fired = 0;
    for (;;) {
      await this.settle();
      const next = await nextWakeAt(this.o.db);
      if (!next || next.getTime() > target) break;
      this.o.clock.advance(Math.max(0, next.getTime() - this.o.clock.now().getTime()));
      fired += await this.sweep();
    }
    this.o.clock.advance(target - this.o.clock.now().getTime());
    await this.settle();
    return { now: this.o.clock.now(), fired };
  }

  /** The simulated WeChat of a workspace's sandbox account, connecting it when needed. */
  async sandbox(accountId: string): Promise<SandboxWorld | null> {
    if (!this.bots.has(accountId)) await this.tick();
    return this.bots.get(accountId)?.sandbox ?? null;
  }

  private async syncLeases(): Promise<void> {
    const { held, taken } = await refreshLeases(this.o.db, this.owner, this.o.leaseTtlMs ?? 15_000);
    const live = new Set([...held, ...taken].map((l) => l.accountId));
    for (const [id, bot] of this.bots) {
      if (live.has(id)) continue;
      this.bots.delete(id);
      await bot.connection.stop().catch(() => {});
    }
    for (const lease of [...held, ...taken]) {
      const bot = this.bots.get(lease.accountId);
      if (bot) bot.lease = lease;
      else await this.connect(lease);
    }
  }

  private async connect(lease: Lease): Promise<void> {
    const [row] = await this.o.db
      .select({ account: botAccounts, timeZone: workspaces.timeZone })
      .from(botAccounts)
      .innerJoin(workspaces, eq(workspaces.id, botAccounts.workspaceId))
      .where(eq(botAccounts.id, lease.accountId));
    if (!row) return;
    const { account } = row;
    try {
      const options = account.puppetOptions ? open(this.o.secret, account.puppetOptions) : undefined;
      const { connection, sandbox } = await connect({
        name: account.name,
        puppet: account.puppet,
        puppetOptions: options as Record<string, unknown> | undefined,
        sessionFile: this.o.sessionDir && join(this.o.sessionDir, account.id),
      });
      const bot: LiveBot = {
        lease,
        workspaceId: account.workspaceId,
        timeZone: row.timeZone,
        limits: account.limits,
        connection,
        sandbox,
      };
      this.bots.set(account.id, bot);
      const ref = { id: account.id, workspaceId: account.workspaceId, timeZone: row.timeZone };
      connection.onInbound((event: InboundEvent) => {
        this.received.set(account.id, (this.received.get(account.id) ?? 0) + 1);
        this.track(this.inbound(ref, event));
      });
      connection.onStatus((event: BotStatusEvent) =>
        this.track(this.status(account.id, account.workspaceId, event)),
      );
      await this.setStatus(account.id, account.workspaceId, { status: 'starting', error: null });
      // A real puppet may take minutes (QR scan) or hang on the network: never hold the tick for it.
      const starting = connection.start().catch((err: unknown) =>
        this.setStatus(account.id, account.workspaceId, {
          status: 'error',
          error: String(err).slice(0, 500),
        }),
      );
      if (sandbox) {
        await starting;
        sandbox.restore(await sandboxWorldContacts(this.o.db, account.id));
      }
    } catch (err) {
      await this.setStatus(account.id, account.workspaceId, {
        status: 'error',
        error: String(err).slice(0, 500),
      });
    }
  }

  private track(work: Promise<unknown>): void {
    const guarded = work.catch((err) => this.log?.error({ err }, 'runtime task failed'));
    this.inflight.add(guarded);
    void guarded.finally(() => this.inflight.delete(guarded));
  }

  private async inbound(account: { id: string; workspaceId: string; timeZone: string }, event: InboundEvent) {
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const result = await this.batcher.submit(account, event);
        this.announce(result.turns);
        if (result.queued > 0) await this.dispatch(account.id);
        return;
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError;
  }

  private async status(accountId: string, workspaceId: string, event: BotStatusEvent): Promise<void> {
    if (event.kind === 'scan')
      await this.setStatus(accountId, workspaceId, { status: 'scanning', qrcode: event.qrcode });
    else if (event.kind === 'login')
      await this.setStatus(accountId, workspaceId, {
        status: 'online',
        qrcode: null,
        selfName: event.self.name,
        error: null,
      });
    else if (event.kind === 'logout')
      await this.setStatus(accountId, workspaceId, { status: 'starting', selfName: null });
    else await this.setStatus(accountId, workspaceId, { error: event.message.slice(0, 500) });
  }

  private async setStatus(
    accountId: string,
    workspaceId: string,
    set: Partial<typeof botAccounts.$inferInsert>,
  ) {
    await this.o.db.update(botAccounts).set(set).where(eq(botAccounts.id, accountId));
    this.o.bus.publish({ kind: 'bot', workspaceId, botAccountId: accountId });
  }

  private announce(turns: TurnOutcome[]): void {
    const seen = new Set<string>();
    for (const turn of turns) {
      if (!turn || seen.has(turn.flowVersionId)) continue;
      seen.add(turn.flowVersionId);
      this.o.bus.publish({
        kind: 'stats',
        workspaceId: turn.workspaceId,
        flowId: turn.flowId,
        flowVersionId: turn.flowVersionId,
      });
    }
  }

  private async sweep(): Promise<number> {
    let fired = 0;
    for (;;) {
      const now = this.o.clock.now();
      const due = await claimDueRuns(this.o.db, now, 200);
      if (due.length === 0) return fired;
      for (let i = 0; i < due.length; i += WAKE_BATCH) {
        const batch = due.slice(i, i + WAKE_BATCH);
        const turns = await fireRuns(this.o.db, batch, now).catch((err): (TurnOutcome | null)[] => {
          this.log?.error({ err, runs: batch.map((r) => r.id) }, 'timers failed');
          return [];
        });
        const firedNow = turns.filter((t): t is TurnOutcome => t !== null);
        fired += firedNow.length;
        this.announce(firedNow);
      }
    }
  }

  private async dispatchAll(): Promise<number> {
    let done = 0;
    for (const id of this.bots.keys()) done += await this.dispatch(id);
    return done;
  }

  private async dispatch(accountId: string): Promise<number> {
    const bot = this.bots.get(accountId);
    if (!bot) return 0;
    const target = {
      accountId,
      owner: this.owner,
      fencingToken: bot.lease.fencingToken,
      connection: bot.connection,
      limits: bot.limits,
      timeZone: bot.timeZone,
    };
    const { done } = await dispatchAccount(this.o.db, target, () => this.o.clock.now());
    return done;
  }
}

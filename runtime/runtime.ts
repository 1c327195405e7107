// The runtime of one process: holds bot account leases and drives each leased account (an
// AccountDriver: its Wechaty connection, inbound turns, dispatcher, sandbox clock and commands), and
// fires the runs the wall clock has made due. `npm start` runs it beside the server; `npm run worker`
// runs it alone; many can share PostgreSQL.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { botAccounts, contacts, roomMembers, rooms, workspaces } from '../shared/db/schema.ts';
import { AccountDriver, type DriverContext, type RuntimeLog } from './account-driver.ts';
import { connect } from './bots/connect.ts';
import { type Lease, refreshLeases, releaseLeases } from './bots/leases.ts';
import type { BotStatusEvent } from './bots/port.ts';
import { SANDBOX_COMMANDS } from './bots/sandbox-commands.ts';
import { open } from './bots/secret-box.ts';
import type { Bus } from './bus.ts';
import { campaignTick } from './campaigns/tick.ts';
import { AccountClock } from './clock.ts';
import type { Db } from './db/client.ts';
import type { TurnOutcome } from './executor/execute.ts';
import { InboundBatcher } from './router/batcher.ts';
import { fireDueRuns, wakeSnoozedConversations } from './sweeper/sweeper.ts';

export type { RuntimeLog } from './account-driver.ts';

/** The simulated world lives in memory: on connect it learns the contacts the database remembers. */
async function rememberedContacts(db: Db, accountId: string) {
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

/** …and the groups it is in, with their current members. */
async function rememberedGroups(db: Db, accountId: string) {
  const rows = await db
    .select({ puppetId: rooms.puppetRoomId, topic: rooms.topic, member: contacts.puppetId })
    .from(rooms)
    .leftJoin(roomMembers, and(eq(roomMembers.roomId, rooms.id), isNull(roomMembers.leftAt)))
    .leftJoin(contacts, eq(contacts.id, roomMembers.contactId))
    .where(eq(rooms.botAccountId, accountId));
  const groups = new Map<string, { puppetId: string; topic: string; memberPuppetIds: string[] }>();
  for (const row of rows) {
    const group = groups.get(row.puppetId) ?? {
      puppetId: row.puppetId,
      topic: row.topic,
      memberPuppetIds: [],
    };
    if (row.member) group.memberPuppetIds.push(row.member);
    groups.set(row.puppetId, group);
  }
  return [...groups.values()];
}

/** How often the campaigns are ticked (launches, buckets, finishing): counts move by seconds. */
const CAMPAIGN_TICK_MS = 5_000;

export interface RuntimeOptions {
  db: Db;
  bus: Bus;
  secret: string;
  leaseTtlMs?: number;
  tickMs?: number;
  /** Folder for each real account's Wechaty memory card (its login session); none: kept in memory. */
  sessionDir?: string;
}

export class Runtime {
  readonly owner = `worker-${randomUUID()}`;
  private readonly drivers = new Map<string, AccountDriver>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly context: DriverContext;
  private lastCampaignTick = 0;
  private campaignTicking = false;

  log: RuntimeLog | null = null;

  constructor(private readonly o: RuntimeOptions) {
    const batcher = new InboundBatcher(
      o.db,
      (accountId) => this.drivers.get(accountId)?.clock.now() ?? new Date(),
    );
    this.context = {
      db: o.db,
      bus: o.bus,
      owner: this.owner,
      batcher,
      commands: SANDBOX_COMMANDS,
      log: () => this.log,
    };
  }

  async start(): Promise<void> {
    // Commands and resent rows are picked up at once, not at the next tick.
    this.unsubscribe = this.o.bus.subscribe((event) => {
      if (event.kind === 'command') void this.drivers.get(event.botAccountId)?.runCommands();
      if (event.kind === 'outbox') void this.drivers.get(event.botAccountId)?.dispatch();
    });
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.o.tickMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    await this.ticking;
    await Promise.allSettled([...this.drivers.values()].map((d) => d.stop()));
    this.drivers.clear();
    await releaseLeases(this.o.db, this.owner).catch(() => {});
  }

  /** One round: leases and connections, due timers, commands, due outbox rows. Never throws. */
  tick(): Promise<void> {
    this.ticking ??= (async () => {
      try {
        await this.syncLeases();
        await this.sweepWallClock();
        await wakeSnoozedConversations(this.o.db, this.o.bus, new Date()).catch((err) =>
          this.log?.error({ err }, 'snoozed conversations not woken'),
        );
        // Off the tick's path: a slow campaign query must not hold back commands and sweeps.
        void this.campaignsTick();
        for (const driver of this.drivers.values()) {
          await driver.sweepOwnClock();
          void driver.runCommands();
          await driver.dispatch();
        }
      } catch (err) {
        this.log?.error({ err }, 'runtime tick failed');
      } finally {
        this.ticking = null;
      }
    })();
    return this.ticking;
  }

  /**
   * Every CAMPAIGN_TICK_MS: the campaigns' launches and settling on the wall clock, and on each held
   * sandbox account's own clock.
   */
  private async campaignsTick(): Promise<void> {
    if (this.campaignTicking || Date.now() - this.lastCampaignTick < CAMPAIGN_TICK_MS) return;
    this.campaignTicking = true;
    try {
      await this.campaignsTickNow();
    } finally {
      this.campaignTicking = false;
      this.lastCampaignTick = Date.now();
    }
  }

  private async campaignsTickNow(): Promise<void> {
    await campaignTick(this.o.db, new Date(), undefined, this.o.bus).catch((err) =>
      this.log?.error({ err }, 'campaign tick failed'),
    );
    for (const driver of this.drivers.values()) if (driver.sandbox) await driver.campaigns();
  }

  /** The driver of an account this process holds (tests and benchmarks). */
  driver(accountId: string): AccountDriver | undefined {
    return this.drivers.get(accountId);
  }

  private async syncLeases(): Promise<void> {
    const { held, taken } = await refreshLeases(this.o.db, this.owner, this.o.leaseTtlMs ?? 15_000);
    const live = new Set([...held, ...taken].map((l) => l.accountId));
    for (const [id, driver] of this.drivers) {
      if (live.has(id)) continue;
      this.drivers.delete(id);
      await driver.stop();
    }
    for (const lease of [...held, ...taken]) {
      const driver = this.drivers.get(lease.accountId);
      if (driver) driver.lease = lease;
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
    const sandbox = account.puppet === 'sandbox';
    // Only a sandbox account has a clock of its own; a real one lives on the wall clock.
    const clock = new AccountClock(sandbox ? Number(account.clockOffsetMs) : 0);
    try {
      const options = account.puppetOptions ? open(this.o.secret, account.puppetOptions) : undefined;
      const { connection, sandbox: world } = await connect({
        name: account.name,
        puppet: account.puppet,
        puppetOptions: options as Record<string, unknown> | undefined,
        sessionFile: this.o.sessionDir && join(this.o.sessionDir, account.id),
        clock,
      });
      const ref = {
        id: account.id,
        workspaceId: account.workspaceId,
        timeZone: row.timeZone,
        puppet: account.puppet,
      };
      const driver = new AccountDriver(this.context, ref, lease, connection, clock, world);
      this.drivers.set(account.id, driver);
      connection.onInbound((event) => driver.inbound(event));
      connection.onStatus((event: BotStatusEvent) =>
        this.status(account.id, account.workspaceId, event).catch((err) =>
          this.log?.error({ err }, 'bot status not saved'),
        ),
      );
      await this.setStatus(account.id, account.workspaceId, { status: 'starting', error: null });
      // A real puppet may take minutes (QR scan) or hang on the network: never hold the tick for it.
      const starting = connection.start().catch((err: unknown) =>
        this.setStatus(account.id, account.workspaceId, {
          status: 'error',
          error: String(err).slice(0, 500),
        }),
      );
      if (world) {
        await starting;
        for (const person of await rememberedContacts(this.o.db, account.id)) world.know(person);
        for (const group of await rememberedGroups(this.o.db, account.id)) world.groups.know(group);
      }
    } catch (err) {
      await this.setStatus(account.id, account.workspaceId, {
        status: 'error',
        error: String(err).slice(0, 500),
      });
    }
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

  /**
   * Fires every run the wall clock has made due, of any account (another worker may hold it: firing
   * only writes the database; its lease holder sends what the turn queued). Each fires at its
   * account's time.
   */
  private async sweepWallClock(): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = await fireDueRuns(this.o.db, new Date()).catch((err) => {
        this.log?.error({ err }, 'timers failed');
        return null;
      });
      if (!due || due.claimed === 0) return fired;
      const firedNow = due.outcomes.filter((t): t is TurnOutcome => t !== null);
      fired += firedNow.length;
      for (const turn of firedNow) {
        this.o.bus.publish({
          kind: 'stats',
          workspaceId: turn.workspaceId,
          flowId: turn.flowId,
          flowVersionId: turn.flowVersionId,
        });
        for (const conversationId of turn.conversations ?? [])
          this.o.bus.publish({ kind: 'conversation', workspaceId: turn.workspaceId, conversationId });
      }
    }
  }
}

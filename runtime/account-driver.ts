// Drives one bot account this process holds the lease of: its inbound events (through the batcher),
// its dispatcher passes (one at a time), its sandbox clock and the due runs of that clock, and the
// bot commands queued for it. The Runtime creates one per leased account and drops it with the lease.
import type { Lease } from './bots/leases.ts';
import type { BotConnection, InboundEvent } from './bots/port.ts';
import type { SandboxWorld } from './bots/sandbox.ts';
import type { Bus } from './bus.ts';
import { campaignTick, nextCampaignAt } from './campaigns/tick.ts';
import { type AccountClock, storeClockOffset } from './clock.ts';
import { type BotCommandRow, claimCommands, finishCommand } from './commands.ts';
import type { Db } from './db/client.ts';
import { nextQueuedAt } from './dispatcher/claim.ts';
import { dispatchAccount } from './dispatcher/dispatcher.ts';
import type { TurnOutcome } from './executor/execute.ts';
import type { InboundBatcher } from './router/batcher.ts';
import type { BotAccountRef } from './router/inbound.ts';
import { Serial } from './serial.ts';
import { fireDueRuns, nextWakeAt, WAKE_BATCH, wakeSnoozedConversations } from './sweeper/sweeper.ts';

export interface RuntimeLog {
  error(obj: unknown, msg?: string): void;
}

/** What a command may do with the account it runs on; `args` is the row's stored JSON. */
export type CommandOp = (driver: AccountDriver, args: unknown) => Promise<unknown>;

export interface DriverContext {
  db: Db;
  bus: Bus;
  owner: string;
  batcher: InboundBatcher;
  commands: Readonly<Record<string, { op: CommandOp; exclusive?: boolean }>>;
  log: () => RuntimeLog | null;
}

export class AccountDriver {
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly dispatcher = new Serial(() => this.dispatchPass());
  private readonly commandTaker = new Serial(() => this.takeCommands());
  private readonly commandsRunning = new Set<Promise<unknown>>();

  constructor(
    private readonly ctx: DriverContext,
    readonly account: BotAccountRef & { puppet: string },
    public lease: Lease,
    readonly connection: BotConnection,
    readonly clock: AccountClock,
    readonly sandbox: SandboxWorld | undefined,
  ) {}

  get id(): string {
    return this.account.id;
  }

  get db(): Db {
    return this.ctx.db;
  }

  /** An inbound event: its turn, then a dispatch pass for what it queued. Never rejects. */
  inbound(event: InboundEvent): Promise<void> {
    const work = this.turn(event).catch((err) => this.ctx.log()?.error({ err }, 'inbound event failed'));
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work));
    return work;
  }

  private async turn(event: InboundEvent): Promise<void> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const result = await this.ctx.batcher.submit(this.account, event);
        this.announce(result.turns);
        for (const conversationId of result.conversations ?? [])
          this.ctx.bus.publish({
            kind: 'conversation',
            workspaceId: this.account.workspaceId,
            conversationId,
          });
        if (result.queued > 0) await this.dispatch();
        return;
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError;
  }

  /** A dispatcher pass that starts after this call (one at a time per account). */
  dispatch(): Promise<void> {
    return this.dispatcher.request();
  }

  private async dispatchPass(): Promise<void> {
    try {
      await dispatchAccount(
        this.ctx.db,
        {
          accountId: this.id,
          owner: this.ctx.owner,
          fencingToken: this.lease.fencingToken,
          connection: this.connection,
        },
        () => this.clock.now(),
      );
    } catch (err) {
      this.ctx.log()?.error({ err, account: this.id }, 'dispatch failed');
    }
  }

  /**
   * Fires this account's runs due on its own clock (a sandbox ahead of the wall clock), and wakes its
   * conversations snoozed until then.
   */
  async sweepOwnClock(): Promise<number> {
    if (this.sandbox)
      await wakeSnoozedConversations(this.ctx.db, this.ctx.bus, this.clock.now(), this.id).catch((err) =>
        this.ctx.log()?.error({ err, account: this.id }, 'snoozed conversations not woken'),
      );
    let fired = 0;
    for (;;) {
      const due = await fireDueRuns(this.ctx.db, new Date(), WAKE_BATCH, {
        id: this.id,
        now: this.clock.now(),
      }).catch((err) => {
        this.ctx.log()?.error({ err, account: this.id }, 'timers failed');
        return null;
      });
      if (!due || due.claimed === 0) break;
      const firedNow = due.outcomes.filter((t): t is TurnOutcome => t !== null);
      fired += firedNow.length;
      this.announce(firedNow);
    }
    if (fired > 0) await this.dispatch();
    return fired;
  }

  /**
   * Moves a sandbox account's clock forward by `ms`, stepping through every wait that falls due in
   * between, in order, and delivering what each sends. The clock is stored on the account first.
   */
  async advance(ms: number): Promise<{ now: Date; fired: number }> {
    if (!this.sandbox) throw new Error('only a sandbox account has a clock of its own');
    const target = this.clock.now().getTime() + ms;
    let fired = 0;
    let stalled = 0;
    for (;;) {
      await this.idle();
      // The next due run, the next scheduled campaign (its launch makes runs due from then on), or the
      // next message put off until later (a contact over its budget): each at its own time, in order.
      const wake = await nextWakeAt(this.ctx.db, this.id);
      const launch = await nextCampaignAt(this.ctx.db, this.id);
      const queued = await nextQueuedAt(this.ctx.db, this.id, this.clock.now());
      const next = [wake, launch, queued]
        .filter((d): d is Date => d !== null)
        .sort((a, b) => a.getTime() - b.getTime())[0];
      if (!next || next.getTime() > target) break;
      await this.moveClockTo(next.getTime());
      // The sort keeps ties in order: `queued` comes first only when it is due strictly before the rest.
      if (next === queued) {
        // Only a put-off message is due: send it now (the clock moved past it, so this is progress).
        await this.dispatch();
        stalled = 0;
        continue;
      }
      const launched = await this.campaigns();
      const now = (await this.sweepOwnClock()) + launched;
      fired += now;
      // A run another worker is firing right now stays locked: let it finish rather than spin.
      stalled = now === 0 ? stalled + 1 : 0;
      if (stalled > 50) break;
      if (stalled > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await this.moveClockTo(target);
    await this.idle();
    await this.campaigns();
    return { now: this.clock.now(), fired };
  }

  /** The campaigns' tick on this account's clock (sandbox); answers how many campaigns changed. */
  async campaigns(): Promise<number> {
    const changed = await campaignTick(
      this.ctx.db,
      new Date(),
      { accountId: this.id, accountNow: this.clock.now() },
      this.ctx.bus,
    ).catch((err) => {
      this.ctx.log()?.error({ err, account: this.id }, 'campaign tick failed');
      return [];
    });
    return changed.length;
  }

  private async moveClockTo(at: number): Promise<void> {
    const offset = at - Date.now();
    if (offset <= this.clock.offset) return;
    this.clock.moveTo(await storeClockOffset(this.ctx.db, this.id, offset));
  }

  /** Resolves once the events in flight are done and a dispatch pass after them has run. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
    await this.dispatch();
  }

  /** Takes the account's queued commands (a pass at a time). */
  runCommands(): Promise<void> {
    return this.commandTaker.request();
  }

  private async takeCommands(): Promise<void> {
    for (;;) {
      const rows = await claimCommands(this.ctx.db, this.id, this.ctx.owner, this.lease.fencingToken);
      if (rows.length === 0) return;
      for (const row of rows) {
        const entry = this.ctx.commands[row.op];
        if (entry?.exclusive) {
          // A clock advance sees every earlier command done, and later ones wait for it.
          await Promise.allSettled([...this.commandsRunning]);
          await this.perform(row);
        } else {
          const running = this.perform(row);
          this.commandsRunning.add(running);
          void running.finally(() => this.commandsRunning.delete(running));
        }
      }
    }
  }

  private async perform(row: BotCommandRow): Promise<void> {
    const entry = this.ctx.commands[row.op];
    try {
      if (!entry) throw new Error(`unknown command ${row.op}`);
      const result = await entry.op(this, row.args);
      await finishCommand(this.ctx.db, row.id, { ok: true, result });
    } catch (err) {
      await finishCommand(this.ctx.db, row.id, {
        ok: false,
        error: err instanceof Error ? err.message : String(err),
      }).catch((e) => this.ctx.log()?.error({ err: e }, 'could not record a failed command'));
    }
    this.ctx.bus.publish({ kind: 'command_done', id: row.id });
  }

  announce(turns: TurnOutcome[]): void {
    const seen = new Set<string>();
    for (const turn of turns) {
      for (const conversationId of turn?.conversations ?? [])
        this.ctx.bus.publish({ kind: 'conversation', workspaceId: turn.workspaceId, conversationId });
      if (!turn || seen.has(turn.flowVersionId)) continue;
      seen.add(turn.flowVersionId);
      this.ctx.bus.publish({
        kind: 'stats',
        workspaceId: turn.workspaceId,
        flowId: turn.flowId,
        flowVersionId: turn.flowVersionId,
      });
    }
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.inflight, ...this.commandsRunning]);
    await this.connection.stop().catch(() => {});
  }
}

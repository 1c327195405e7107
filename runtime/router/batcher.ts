// Group commit for inbound events (DESIGN "Data flow" 2–3, batched): while a batch is in the
// database, the events that arrive wait and go together in the next one, so a busy account pays one
// transaction, one read and one write statement per batch instead of per message. Each contact's
// events keep their order: a contact with an event in flight waits for it. Contacts' messages are
// batched, and so are friend confirms; other events (friend requests, the operator's own messages)
// go alone.
import type { InboundEvent } from '../bots/port.ts';
import type { Db } from '../db/client.ts';
import {
  type BotAccountRef,
  handleConfirms,
  handleInbound,
  handleMessages,
  type InboundResult,
} from './inbound.ts';
import type { MessageEvent } from './message-read.ts';

interface Pending {
  event: InboundEvent;
  resolve: (result: InboundResult) => void;
  reject: (err: unknown) => void;
}

interface Lane {
  account: BotAccountRef;
  queue: Pending[];
  /** Contacts with an event in a running batch. */
  busy: Set<string>;
  running: number;
}

export interface BatcherOptions {
  /** Batches of one account in the database at once. */
  concurrency?: number;
  /** Events per batch, at most. */
  maxBatch?: number;
}

const isContactMessage = (e: InboundEvent): e is MessageEvent => e.kind === 'message' && !e.self;

/** Whose events keep their order: a contact's, or a group's (joins, leaves, its member list). */
const keyOf = (e: InboundEvent): string => ('contact' in e ? e.contact.puppetId : `room:${e.room.id}`);

export class InboundBatcher {
  private readonly lanes = new Map<string, Lane>();
  /** Transactions run, and the events that shared one with another (for tests and benchmarks). */
  readonly counts = { transactions: 0, shared: 0 };
  private readonly concurrency: number;
  private readonly maxBatch: number;

  constructor(
    private readonly db: Db,
    /** The time on an account's clock (a sandbox account's runs ahead of the wall clock). */
    private readonly now: (accountId: string) => Date,
    options: BatcherOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 2;
    this.maxBatch = options.maxBatch ?? 64;
  }

  /** Resolves once the event's turn has committed. */
  submit(account: BotAccountRef, event: InboundEvent): Promise<InboundResult> {
    let lane = this.lanes.get(account.id);
    if (!lane) {
      lane = { account, queue: [], busy: new Set(), running: 0 };
      this.lanes.set(account.id, lane);
    }
    lane.account = account;
    const done = new Promise<InboundResult>((resolve, reject) => lane.queue.push({ event, resolve, reject }));
    this.pump(lane);
    return done;
  }

  private pump(lane: Lane): void {
    while (lane.running < this.concurrency) {
      const batch = this.take(lane);
      if (batch.length === 0) break;
      lane.running++;
      for (const p of batch) lane.busy.add(keyOf(p.event));
      void this.run(lane.account, batch).finally(() => {
        lane.running--;
        for (const p of batch) lane.busy.delete(keyOf(p.event));
        if (lane.queue.length > 0) this.pump(lane);
        else if (lane.running === 0) this.lanes.delete(lane.account.id);
      });
    }
  }

  /** The oldest events of distinct, idle contacts; a contact's later events stay queued behind. */
  private take(lane: Lane): Pending[] {
    const taken: Pending[] = [];
    const seen = new Set<string>();
    const rest: Pending[] = [];
    for (const p of lane.queue) {
      const key = keyOf(p.event);
      const free = !lane.busy.has(key) && !seen.has(key);
      seen.add(key);
      if (free && taken.length < this.maxBatch) taken.push(p);
      else rest.push(p);
    }
    lane.queue = rest;
    return taken;
  }

  private async run(account: BotAccountRef, batch: Pending[]): Promise<void> {
    const messages: Pending[] = [];
    const confirms: Pending[] = [];
    const others: Pending[] = [];
    for (const p of batch)
      (isContactMessage(p.event) ? messages : p.event.kind === 'friend_confirm' ? confirms : others).push(p);
    await Promise.all([
      this.grouped(account, messages, handleMessages),
      this.grouped(account, confirms, handleConfirms),
      ...others.map((p) => this.alone(account, p)),
    ]);
  }

  private alone(account: BotAccountRef, p: Pending): Promise<void> {
    this.counts.transactions++;
    return handleInbound(this.db, account, p.event, this.now(account.id)).then(p.resolve, p.reject);
  }

  /** Events of one kind in one transaction; if it fails, each goes alone and fails alone. */
  private async grouped<E extends InboundEvent>(
    account: BotAccountRef,
    group: Pending[],
    handle: (db: Db, account: BotAccountRef, events: E[], now: Date) => Promise<InboundResult[]>,
  ): Promise<void> {
    if (group.length <= 1) {
      await Promise.all(group.map((p) => this.alone(account, p)));
      return;
    }
    this.counts.transactions++;
    this.counts.shared += group.length;
    try {
      const results = await handle(
        this.db,
        account,
        group.map((p) => p.event as E),
        this.now(account.id),
      );
      for (const [i, p] of group.entries()) p.resolve(results[i]!);
    } catch {
      await Promise.all(group.map((p) => this.alone(account, p)));
    }
  }
}

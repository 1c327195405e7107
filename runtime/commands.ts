// Bot commands (table `bot_commands`): work only the process holding a bot account's lease can do —
// today the sandbox's simulated WeChat (a contact's message, a friend request, a clock advance).
// The API queues a row and waits for it; the holder claims its accounts' rows (fenced by the lease
// like outbox rows), performs them and marks them done. So the sandbox works when API and workers
// are separate processes, and a command left running by a worker that died is performed again by
// the next holder (every command is idempotent: messages and requests carry their WeChat ids).
import { and, eq, sql } from 'drizzle-orm';
import { botCommands } from '../shared/db/schema.ts';
import type { Bus } from './bus.ts';
import { type Db, rowsOf } from './db/client.ts';

export type BotCommandRow = typeof botCommands.$inferSelect;

export class CommandTimeoutError extends Error {
  constructor() {
    super('no worker took the command in time');
    this.name = 'CommandTimeoutError';
  }
}

export class CommandFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailedError';
  }
}

export interface CommandWait {
  /** Given up while still queued (nobody holds the account): the command is cancelled. */
  pickupMs: number;
  /** Given up while running: the caller stops waiting (the command still finishes). */
  totalMs: number;
  /** A database check for the rare missed notification. */
  pollMs: number;
}

export const DEFAULT_COMMAND_WAIT: CommandWait = { pickupMs: 30_000, totalMs: 120_000, pollMs: 1_000 };

/** Queues a command for the account's lease holder and waits for its result. */
export async function runBotCommand(
  db: Db,
  bus: Bus,
  command: { workspaceId: string; botAccountId: string; op: string; args: Record<string, unknown> },
  wait: CommandWait = DEFAULT_COMMAND_WAIT,
): Promise<unknown> {
  const [row] = await db.insert(botCommands).values(command).returning({ id: botCommands.id });
  const id = row!.id;
  let signal: () => void = () => {};
  const finished = new Promise<void>((resolve) => (signal = resolve));
  const unsubscribe = bus.subscribe((event) => {
    if (event.kind === 'command_done' && event.id === id) signal();
  });
  const started = Date.now();
  try {
    bus.publish({ kind: 'command', botAccountId: command.botAccountId });
    for (;;) {
      const [state] = await db.select().from(botCommands).where(eq(botCommands.id, id));
      if (state?.status === 'done') return state.result;
      if (state?.status === 'failed') throw new CommandFailedError(state.error ?? 'the command failed');
      const waited = Date.now() - started;
      if (state?.status === 'queued' && waited >= wait.pickupMs) {
        const cancelled = await db
          .update(botCommands)
          .set({ status: 'cancelled', doneAt: new Date() })
          .where(and(eq(botCommands.id, id), eq(botCommands.status, 'queued')))
          .returning({ id: botCommands.id });
        if (cancelled.length > 0) throw new CommandTimeoutError();
      }
      if (waited >= wait.totalMs) throw new CommandTimeoutError();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        finished,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, wait.pollMs))),
      ]);
      clearTimeout(timer);
    }
  } finally {
    unsubscribe();
  }
}

/** Claims the account's queued commands, oldest first, only while `owner` holds its lease with `fencingToken`. */
export async function claimCommands(
  db: Db,
  accountId: string,
  owner: string,
  fencingToken: number,
  limit = 50,
): Promise<BotCommandRow[]> {
  const result = await db.execute(sql`
    update bot_commands c set status = 'running'
    from (
      select q.id from bot_commands q
      where q.bot_account_id = ${accountId} and q.status = 'queued'
        and exists (select 1 from bot_accounts b where b.id = ${accountId}
                    and b.lease_owner = ${owner} and b.fencing_token = ${fencingToken})
      order by q.id limit ${limit}
      for update skip locked
    ) due
    where c.id = due.id
    returning c.id`);
  const ids = rowsOf<{ id: string | number }>(result).map((r) => Number(r.id));
  if (ids.length === 0) return [];
  const rows = await db.select().from(botCommands).where(sql`${botCommands.id} in ${ids}`);
  return rows.sort((a, b) => a.id - b.id);
}

export async function finishCommand(
  db: Db,
  id: number,
  outcome: { ok: true; result: unknown } | { ok: false; error: string },
): Promise<void> {
  await db
    .update(botCommands)
    .set(
      outcome.ok
        ? { status: 'done', result: outcome.result ?? null, doneAt: new Date() }
        : { status: 'failed', error: outcome.error.slice(0, 500), doneAt: new Date() },
    )
    .where(eq(botCommands.id, id));
}

// What the Wechaty connection's tests share: accounts logged in on mock worlds, with what they
// report, and the clean-up after each test.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { BotConnection, BotStatusEvent, InboundEvent } from '../port.ts';
import { createWechatyConnection } from '../wechaty-connection.ts';
import type { RoomSyncPace } from '../wechaty-rooms.ts';
import { mockWorld, mockWorlds } from './mock-puppet.ts';

const MOCK_PUPPET = fileURLToPath(new URL('./mock-puppet.ts', import.meta.url));

export const dirs: string[] = [];
const open: BotConnection[] = [];

/** Stops the accounts and drops the folders and mock worlds a test made: each test file's `afterEach`. */
export async function cleanUpAccounts() {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const bot of open.splice(0)) await bot.stop();
  mockWorlds.clear();
}

/** Values in arrival order; `next()` waits for the next one. */
function queue<T>() {
  const items: T[] = [];
  const waiting: ((item: T) => void)[] = [];
  return {
    push(item: T) {
      const wake = waiting.shift();
      if (wake) wake(item);
      else items.push(item);
    },
    next(): Promise<T> {
      return items.length > 0 ? Promise.resolve(items.shift()!) : new Promise((r) => waiting.push(r));
    },
    /** What arrived and nobody took yet. */
    pending: (): T[] => [...items],
  };
}

/** A logged-in account on a mock world (its own unless `key` names one), with what it reports. */
export async function account(
  onInbound?: (event: InboundEvent) => void | Promise<void>,
  key: string = randomUUID(),
  roomSync?: Partial<RoomSyncPace>,
) {
  const world = mockWorld(key, 'Shop assistant');
  const bot = await createWechatyConnection({
    name: 'Support desk',
    puppet: MOCK_PUPPET,
    puppetOptions: { world: key },
    roomSync,
  });
  open.push(bot);
  const inbound = queue<InboundEvent>();
  const status = queue<BotStatusEvent>();
  bot.onInbound((event) => {
    inbound.push(event);
    return onInbound?.(event);
  });
  bot.onStatus((event) => status.push(event));
  await bot.start();
  expect(await status.next()).toEqual({ kind: 'login', self: { id: world.user.id, name: 'Shop assistant' } });
  return { key, world, bot, inbound, status };
}

/** A pause the test opens: what the sync asked to wait, and a way to let it go on. */
export function gate() {
  const asked: number[] = [];
  const waiting = queue<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      asked.push(ms);
      waiting.push(resolve);
    });
  /** Resolves with the release of the next pause once the sync asks for it. */
  const paused = () => waiting.next();
  return { asked, pause, paused, open: async () => (await paused())() };
}

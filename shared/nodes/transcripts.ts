// How the golden and frozen flow tests (golden.test.ts, frozen.test.ts) write a run down: one line
// per effect, one status line per turn, the fake coupon store and room sets and the activity counts
// they play with, and the fixture writer whose output the formatter leaves as it is.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type {
  Effect,
  FlowEvent,
  PersistedRun,
  RequestResolver,
  RequestSpec,
  ResultEvent,
  TurnResult,
} from '../flow/index.ts';

export function traceLine(effect: Effect): string {
  switch (effect.kind) {
    case 'visit':
      return `enter ${effect.nodeId} #${effect.visit}`;
    case 'exit':
      return `leave ${effect.nodeId} via ${effect.port}`;
    case 'send': {
      const variant = effect.variant ? ` (variant ${effect.variant})` : '';
      const where = effect.to === 'room' ? ` in the group${effect.mention ? ' @contact' : ''}` : '';
      return `bot ${effect.nodeId}#${effect.visit}.${effect.part}${variant}${where}: ${effect.text}`;
    }
    case 'set_attribute':
      return `set ${effect.key} = ${JSON.stringify(effect.value)}`;
    case 'tag':
      return `tag ${[...effect.add.map((t) => `+${t}`), ...effect.remove.map((t) => `-${t}`)].join(' ')}`;
    case 'goal':
      return `goal ${effect.name}`;
  }
}

function describeEvent(event: FlowEvent): string {
  if (event.type === 'START') return `START ${event.entry}`;
  if (event.type === 'MESSAGE') return `MESSAGE ${event.text}`;
  if (event.type === 'TIMER') return `TIMER ${event.token}`;
  if (event.type === 'ROOM_JOINED') return `ROOM_JOINED ${event.roomId}`;
  if (event.type === 'RESOLVED' || event.type === 'AGENT_REPLIED') return event.type;
  return `RESULT ${JSON.stringify(event)}`;
}

/** `waiting at age (waits for message, timer t1 at 2025-01-07T02:00:00.000Z)`, `… in room vip-1`. */
export function statusLine(result: TurnResult): string {
  const timer = result.wait?.timer;
  const waits = [
    ...(result.wait?.message ? ['message'] : []),
    ...(result.wait?.roomJoin ? ['room join'] : []),
    ...(result.wait?.agent ? ['agent'] : []),
    ...(timer ? [`timer ${timer.token} at ${new Date(timer.wakeAt).toISOString()}`] : []),
  ];
  const room = result.roomId ? ` in room ${result.roomId}` : '';
  return `${result.status} at ${result.currentNodeId}${waits.length ? ` (waits for ${waits.join(', ')})` : ''}${room}`;
}

export const describeTurn = (event: FlowEvent, result: TurnResult) => ({
  event: describeEvent(event),
  trace: result.trace.map(traceLine),
  status: statusLine(result),
});

/** The coupon store the runtime will have: one code per contact per pool, handed out in order. */
export function couponStore(stock: Record<string, string[]>) {
  const left = Object.fromEntries(Object.entries(stock).map(([pool, codes]) => [pool, [...codes]]));
  const claimed = new Map<string, string>();
  return (request: RequestSpec, run: PersistedRun) => {
    const pool = String(request.params.pool);
    const key = `${run.context.contact.id}:${pool}`;
    const code = claimed.get(key) ?? left[pool]?.shift();
    if (code === undefined) return { type: 'RESULT' as const, ok: false };
    claimed.set(key, code);
    return { type: 'RESULT' as const, ok: true, value: { code } };
  };
}

/**
 * Room sets as the runtime will pick from them: each set lists the seats left, by group id, in the
 * order rotation hands them out; an invite takes the next one, a set with none left is full.
 */
export function roomSeats(seats: Record<string, string[]>) {
  const left = Object.fromEntries(Object.entries(seats).map(([set, rooms]) => [set, [...rooms]]));
  return (request: RequestSpec): ResultEvent => {
    const roomId = left[String(request.params.roomSet)]?.shift();
    return roomId === undefined
      ? { type: 'RESULT', ok: false }
      : { type: 'RESULT', ok: true, value: { roomId } };
  };
}

/** One resolver answering each request by its kind, as the runtime's request table does. */
export const requestTable =
  (table: Record<string, RequestResolver>): RequestResolver =>
  (request, run) =>
    table[request.kind]?.(request, run) ?? { type: 'RESULT', ok: false };

/** `activity` as `{"<weekday>:<hour>": count}`, expanded to the 168 counts the driver takes. */
export function activityCounts(sparse: Record<string, number> = {}): number[] {
  const counts = new Array<number>(168).fill(0);
  for (const [slot, count] of Object.entries(sparse)) {
    const [day, hour] = slot.split(':').map(Number);
    counts[(day ?? 0) * 24 + (hour ?? 0)] = count;
  }
  return counts;
}

const BIOME = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');

/** Writes `value` as JSON laid out by the project's formatter, so `biome check` finds nothing to change. */
export function writeFixture(file: string, value: unknown): void {
  const text = execFileSync(process.execPath, [BIOME, 'format', `--stdin-file-path=${file}`], {
    input: JSON.stringify(value, null, 2),
    encoding: 'utf8',
  });
  writeFileSync(file, text);
}

// Change notifications inside one process (stats of a flow version moved, a bot changed state, a
// bot command queued or done).
// With PostgreSQL the runtime also relays them through LISTEN/NOTIFY so other processes hear them.
import { EventEmitter } from 'node:events';

export type BusEvent =
  | { kind: 'stats'; workspaceId: string; flowId: string; flowVersionId: string }
  | { kind: 'bot'; workspaceId: string; botAccountId: string }
  | { kind: 'outbox'; botAccountId: string }
  /** A bot command was queued for the account: its lease holder should take it. */
  | { kind: 'command'; botAccountId: string }
  /** A bot command finished (done or failed): whoever queued it may read the result. */
  | { kind: 'command_done'; id: number }
  /** A conversation of the inbox changed (opened, a message, assigned, snoozed, closed…). */
  | { kind: 'conversation'; workspaceId: string; conversationId: string }
  /** A campaign's counts or status changed (launched, members sent, bucketed, finished…). */
  | { kind: 'campaign'; workspaceId: string; campaignId: string };

export class Bus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  /** Set by the runtime on PostgreSQL: forwards local events to other processes. */
  relay: ((event: BusEvent) => void) | null = null;

  publish(event: BusEvent): void {
    this.emit(event);
    this.relay?.(event);
  }
  /** Delivers an event that came from another process (no relay back). */
  emit(event: BusEvent): void {
    this.emitter.emit('event', event);
  }
  subscribe(handler: (event: BusEvent) => void): () => void {
    this.emitter.on('event', handler);
    return () => this.emitter.off('event', handler);
  }
}

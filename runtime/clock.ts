// Time for the runtime, injected everywhere (DESIGN "Time"): the system clock plus an offset that
// the sandbox advances (`POST /api/sandbox/clock/advance`), so a 3-day wait can be tried in a second.
export interface Clock {
  now(): Date;
}

export class RuntimeClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = Date.now) {}
  now(): Date {
    return new Date(this.base() + this.offsetMs);
  }
  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }
}

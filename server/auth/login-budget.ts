// Failed logins counted per key (a client address) in fixed one-minute windows, in this process's
// memory. An attempt is counted when it starts and given back when it succeeds, so a burst of
// parallel guesses cannot all pass the check before the first one fails.
import { HttpError } from '../errors.ts';

const MAX_KEYS = 100_000;

export class LoginBudget {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt for `key`, or throws 429 when its failures used the window's budget. */
  begin(key: string): void {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.prune(now);
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    if (window.count >= this.max) {
      const seconds = Math.ceil((window.resetAt - now) / 1000);
      throw new HttpError('rate_limited', `Too many failed logins from this address, retry in ${seconds} s`, {
        retryAfterSeconds: seconds,
      });
    }
    window.count++;
  }

  /** The attempt begun for `key` succeeded: it does not count against the budget. */
  succeeded(key: string): void {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count--;
  }

  private prune(now: number): void {
    if (this.windows.size < MAX_KEYS) return;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full (a flood of fresh addresses): forget the oldest windows rather than grow.
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_KEYS) break;
      this.windows.delete(key);
    }
  }
}

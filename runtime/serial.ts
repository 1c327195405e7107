// One job at a time, coalescing requests: a request while the job runs schedules ONE more run
// after it, and every request resolves once a run that started after it has finished. The
// dispatcher uses it per account, so whoever asks "send what my turn queued" waits for a pass that
// saw their rows, and two passes never pace the same account at once.
export class Serial {
  private current: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly job: () => Promise<void>) {}

  request(): Promise<void> {
    if (!this.current) return this.start();
    this.next ??= this.current.then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  /** Resolves when no run is going or queued. */
  async idle(): Promise<void> {
    while (this.current || this.next) await (this.next ?? this.current);
  }

  private start(): Promise<void> {
    const run: Promise<void> = this.job()
      .catch(() => {})
      .finally(() => {
        if (this.current === run) this.current = null;
      });
    this.current = run;
    return run;
  }
}

// Debounced saving of the draft: one PUT at a time, the newest document wins, and `flush` saves
// right away (before publishing) and reports failure to its caller.

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'error';

type Options<Body> = {
  /** The current revision and what to send for it. */
  read(): { revision: number; body: Body };
  save(body: Body): Promise<void>;
  onStatus(status: SaveStatus): void;
  delayMs?: number;
};

export function createAutosaver<Body>({ read, save, onStatus, delayMs = 800 }: Options<Body>) {
  let savedRevision = read().revision;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;

  const run = async (): Promise<void> => {
    // A save already under way finishes first; then whatever changed meanwhile goes in one PUT.
    while (inFlight) await inFlight.catch(() => {});
    const { revision, body } = read();
    if (revision === savedRevision) return;
    onStatus('saving');
    inFlight = save(body);
    try {
      await inFlight;
      savedRevision = revision;
      onStatus(read().revision === savedRevision ? 'saved' : 'unsaved');
    } catch (error) {
      onStatus('error');
      throw error;
    } finally {
      inFlight = null;
    }
  };

  /** The document changed: save once it has been quiet for a moment. */
  const changed = () => {
    onStatus('unsaved');
    clearTimeout(timer);
    timer = setTimeout(() => {
      run()
        .then(() => {
          if (read().revision !== savedRevision) changed();
        })
        .catch(() => {});
    }, delayMs);
  };

  return {
    changed,
    /** Save now; rejects when the server refuses. */
    flush(): Promise<void> {
      clearTimeout(timer);
      return run();
    },
    pending: () => read().revision !== savedRevision,
    dispose: () => clearTimeout(timer),
  };
}

export type Autosaver = ReturnType<typeof createAutosaver>;

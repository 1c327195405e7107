import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, type SaveStatus } from './autosaver.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(save = vi.fn(async (_body: string) => {})) {
  let revision = 0;
  const statuses: SaveStatus[] = [];
  const saver = createAutosaver({
    read: () => ({ revision, body: `doc@${revision}` }),
    save,
    onStatus: (status) => statuses.push(status),
  });
  const edit = () => {
    revision += 1;
    saver.changed();
  };
  return { saver, save, statuses, edit };
}

describe('autosaver', () => {
  it('saves once after a burst of changes has been quiet for 800 ms', async () => {
    const { save, statuses, edit } = setup();
    edit();
    await vi.advanceTimersByTimeAsync(500);
    edit();
    await vi.advanceTimersByTimeAsync(500);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledExactlyOnceWith('doc@2');
    expect(statuses.at(-1)).toBe('saved');
  });

  it('flush saves immediately and reports a failure', async () => {
    const { saver, statuses, edit } = setup(vi.fn(async () => Promise.reject(new Error('offline'))));
    edit();
    await expect(saver.flush()).rejects.toThrow('offline');
    expect(statuses.at(-1)).toBe('error');
    expect(saver.pending()).toBe(true);
  });

  it('saves a change made during a save right after it', async () => {
    let finish = () => {};
    const save = vi.fn((_body: string) => new Promise<void>((resolve) => (finish = resolve)));
    const { statuses, edit } = setup(save);
    edit();
    await vi.advanceTimersByTimeAsync(800);
    edit();
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(800);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(save.mock.calls.map(([body]) => body)).toEqual(['doc@1', 'doc@2']);
    expect(statuses.at(-1)).toBe('saved');
  });
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const script = (guarded: boolean) => `
  const { keepRunningOnUnhandledRejections } = await import('./runtime/process-guard.ts');
  if (${guarded}) keepRunningOnUnhandledRejections({ error: (obj, msg) => console.log('logged:', msg, obj.err.message) });
  Promise.reject(new Error('login retry after stop'));
  setTimeout(() => console.log('still running'), 50);
`;
const run = (guarded: boolean) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(guarded)], {
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('keepRunningOnUnhandledRejections', () => {
  it('logs a rejection nobody handled and keeps the process alive', () => {
    const guarded = run(true);
    expect(guarded.status).toBe(0);
    expect(guarded.stdout).toContain('logged: unhandled promise rejection');
    expect(guarded.stdout).toContain('login retry after stop');
    expect(guarded.stdout).toContain('still running');
    // Without it, Node ends the process: the reason the guard exists.
    const bare = run(false);
    expect(bare.status).not.toBe(0);
    expect(bare.stdout).not.toContain('still running');
  });
});

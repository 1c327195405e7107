import { describe, expect, it } from 'vitest';
import { Serial } from './serial.ts';

describe('Serial', () => {
  it('runs one job at a time and answers each request with a run that started after it', async () => {
    const log: string[] = [];
    let release: () => void = () => {};
    let n = 0;
    const serial = new Serial(async () => {
      const i = ++n;
      log.push(`start ${i}`);
      if (i === 1) await new Promise<void>((r) => (release = r));
      log.push(`end ${i}`);
    });
    const first = serial.request();
    const second = serial.request();
    const third = serial.request();
    expect(second).toBe(third);
    let secondDone = false;
    void second.then(() => (secondDone = true));
    release();
    await first;
    expect(secondDone).toBe(false);
    await second;
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    await serial.idle();
  });

  it('keeps going after a failing run', async () => {
    let n = 0;
    const serial = new Serial(async () => {
      if (++n === 1) throw new Error('boom');
    });
    await serial.request();
    await serial.request();
    expect(n).toBe(2);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createWechatyConnection } from './wechaty-connection.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a Wechaty account', () => {
  it('keeps its memory card (the login session) in the given file, not in the working folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wefunnel-session-'));
    dirs.push(dir);
    const before = readdirSync(process.cwd()).filter((f) => f.endsWith('.memory-card.json'));
    const sessionFile = join(dir, 'accounts', 'account-1');
    const bot = await createWechatyConnection({
      name: 'Support desk',
      puppet: fileURLToPath(new URL('./__fixtures__/session-puppet.ts', import.meta.url)),
      sessionFile,
    });
    await bot.start();
    await bot.stop();
    expect(readFileSync(`${sessionFile}.memory-card.json`, 'utf8')).toContain('logged-in');
    expect(readdirSync(process.cwd()).filter((f) => f.endsWith('.memory-card.json'))).toEqual(before);
  });
});

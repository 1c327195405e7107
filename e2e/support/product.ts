// The real product for browser suites and the editor benchmark: the editor built into a folder of its
// own, the server (with the runtime and the sandbox bot) on a fresh PGlite data folder and a free port,
// and Debian's Chromium driven through playwright-core (never a downloaded browser).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ADMIN = { email: 'admin@localhost', password: 'e2e-password-1' };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Product {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startProduct(): Promise<Product> {
  const dir = mkdtempSync(join(tmpdir(), 'wefunnel-e2e-'));
  const editorDir = join(dir, 'editor');
  execFileSync(process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--logLevel',
    'error',
    '--outDir',
    editorDir,
    // BENCH_UNMINIFIED=1: readable names in bench profiles.
    ...(process.env.BENCH_UNMINIFIED ? ['--minify', 'false'] : []),
  ]);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      WEFUNNEL_DATA_DIR: join(dir, 'data'),
      WEFUNNEL_EDITOR_DIR: editorDir,
      WEFUNNEL_ADMIN_EMAIL: ADMIN.email,
      WEFUNNEL_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error('the server did not become healthy');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const launchChromium = (args: string[] = []): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', ...args] });

/** The API as the signed-in page calls it (session cookie, CSRF header); throws on an error status. */
export const pageApi = <T>(page: Page, method: string, path: string, body?: unknown): Promise<T> =>
  page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/me')).json();
      const res = await fetch(`/api${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : res.json();
    },
    { method, path, body },
  ) as Promise<T>;

export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/flows`);
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=nav-flows]');
}

/** The product, a Chromium and a page of `viewport` in `locale`, for a spec's beforeAll. */
export async function openProduct(viewport: { width: number; height: number }, locale: string) {
  mkdirSync('test-results/e2e', { recursive: true });
  const product = await startProduct();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport, locale });
  page.setDefaultTimeout(15_000);
  return { product, browser, page };
}

/** A spec's afterAll: the browser closed, the product stopped (either may never have started). */
export async function closeProduct(opened: { product?: Product; browser?: Browser }): Promise<void> {
  await opened.browser?.close();
  await opened.product?.stop();
}

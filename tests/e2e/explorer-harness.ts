// The real stack for the browser tests and bench/web.ts: the page built by Vite into a temp
// folder, the real Hono app on a free port over a temp SQLite database, and Debian's Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../../src/http/server.ts';
import { openDatabase, type Db } from '../../src/store/db.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A running explorer: its URL, its database, and how to stop it. */
export interface Explorer {
  url: string;
  db: Db;
  dir: string;
  close(): Promise<void>;
}

/** Builds the page into `outDir` with the project's vite.config.ts. */
export async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/** Builds the page, opens a fresh database, lets `fill` put data in it, and serves both. */
export async function startExplorer(
  fill: (db: Db) => unknown,
  options: { token?: string } = {},
): Promise<Explorer> {
  const dir = mkdtempSync(join(tmpdir(), 'ties-e2e-'));
  const webRoot = join(dir, 'web');
  await buildPage(webRoot);
  const db = openDatabase(join(dir, 'ties.db'));
  await fill(db);
  const { server, url } = await startServer({
    db,
    port: 0,
    host: '127.0.0.1',
    webRoot,
    token: options.token,
  });
  return {
    url,
    db,
    dir,
    close: () =>
      new Promise<void>((resolve) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => {
          db.close();
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

/** The project's corpus folder (the essay the tests and the default view are about). */
export const CORPUS = join(ROOT, 'corpus');

/** Where screenshots go (gitignored). */
export const RESULTS = join(ROOT, 'test-results');

/** Debian's Chromium, headless, with nothing that reaches the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/** A page in a fresh context (laptop-sized unless `options` say otherwise), with every console error and page error collected. */
export async function newWatchedPage(
  browser: Browser,
  options: BrowserContextOptions = { viewport: { width: 1440, height: 1000 } },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, errors };
}

/** Waits until the page has loaded its first view (`body[data-ready]`). */
export async function ready(page: Page): Promise<void> {
  await page.locator('body[data-ready="true"]').waitFor();
}

/** Opens `url` and waits for its first view. */
export async function openView(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await ready(page);
}

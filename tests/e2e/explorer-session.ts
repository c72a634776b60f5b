// The hooks a file of page tests shares: one explorer and one Chromium for the file, a fresh
// watched page for each test. Kept apart from explorer-harness.ts, which bench/web.ts also
// loads outside the test runner.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ingestPaths } from '../../src/services/ingest.service.ts';
import type { Db } from '../../src/store/db.ts';
import {
  CORPUS,
  launchChromium,
  newWatchedPage,
  startExplorer,
  type Explorer,
} from './explorer-harness.ts';

/** What a test reads: set by the hooks before it runs. */
export interface ExplorerSession {
  app: Explorer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console and page errors of this test's page. */
  errors: string[];
  /** Replaces this test's page by one in a context with `options` (a phone's screen). */
  reopen(options: BrowserContextOptions): Promise<void>;
}

/** Registers the hooks of one explorer filled by `fill`; the session fills in as they run. */
export function useExplorer(fill: (db: Db) => unknown): ExplorerSession {
  const session = {
    async reopen(options: BrowserContextOptions) {
      await session.context.close();
      Object.assign(session, await newWatchedPage(session.browser, options));
    },
  } as ExplorerSession;
  beforeAll(async () => {
    session.app = await startExplorer(fill);
    session.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.close();
  });
  beforeEach(async () => {
    Object.assign(session, await newWatchedPage(session.browser));
  });
  afterEach(async () => {
    await session.context.close();
  });
  return session;
}

/** Fills a store with the bundled corpus, and fails loudly when it stores nothing. */
export async function ingestCorpus(db: Db): Promise<void> {
  const summary = await ingestPaths(db, [CORPUS]);
  if (summary.added === 0)
    throw new Error(`corpus/ ingested nothing: ${JSON.stringify(summary.failed)}`);
}

/** Drops a file on the page's main area, as a user dragging it from their desktop. */
export async function dropFile(
  page: Page,
  name: string,
  text: string,
  type: string,
): Promise<void> {
  await page.evaluate(
    (file) => {
      const dt = new DataTransfer();
      dt.items.add(new File([file.text], file.name, { type: file.type }));
      document
        .querySelector('main')!
        .dispatchEvent(
          new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    },
    { name, text, type },
  );
}

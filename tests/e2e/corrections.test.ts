// Correcting the history in a real headless Chromium, against the real app over a real SQLite
// file: reject an event, re-date one, add a missed one from a text selection; then check all
// three survive a re-ingest of the same file, a restart of the server, and an export imported
// into a fresh store. Locators are by role and accessible name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../src/http/server.ts';
import { importJson } from '../../src/interop/import.service.ts';
import { ingestPaths } from '../../src/services/ingest.service.ts';
import { openDatabase, type Db } from '../../src/store/db.ts';
import { buildPage, launchChromium, newWatchedPage, openView } from './explorer-harness.ts';

// Written for these tests: two dated acts between the pair, and a sentence the user makes an
// event of; a second source of the recognition, and a third act of another pair.
const TEXT =
  'Pakistan recognized Azerbaijan on 12 December 1991. In 1995 the President of Pakistan visited Azerbaijan.\n' +
  'The two capitals grew closer over the following year.\n';
const MISSED = 'The two capitals grew closer';
const SECOND = 'Pakistan recognized Azerbaijan in December 1991, soon after the Soviet collapse.\n';
const THIRD =
  'In 1995 the President of Pakistan visited Azerbaijan. Turkey signed a trade agreement with Azerbaijan in March 2001.\n';

let dir: string;
let webRoot: string;
let file: string;
let browser: Browser;
type Server = Awaited<ReturnType<typeof startServer>>['server'];
const running: { server: Server; db: Db }[] = [];

async function serve(dbFile: string): Promise<{ url: string; db: Db; server: Server }> {
  const db = openDatabase(dbFile);
  const { server, url } = await startServer({ db, port: 0, host: '127.0.0.1', webRoot });
  running.push({ server, db });
  return { url, db, server };
}

function stop(s: { server: Server; db: Db }): Promise<void> {
  return new Promise((resolve) => {
    (s.server as { closeAllConnections?: () => void }).closeAllConnections?.();
    s.server.close(() => {
      s.db.close();
      running.splice(
        running.findIndex((r) => r.server === s.server),
        1,
      );
      resolve();
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ties-e2e-corrections-'));
  webRoot = join(dir, 'web');
  await buildPage(webRoot);
  file = join(dir, 'relations.txt');
  writeFileSync(file, TEXT);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const s of [...running]) await stop(s);
  rmSync(dir, { recursive: true, force: true });
});

async function open(page: Page, url: string): Promise<void> {
  await openView(page, new URL('/?a=PAK&b=AZE', url).href);
}

const listed = (page: Page) =>
  page
    .getByRole('region', { name: /^Events/ })
    .getByRole('listitem')
    .getByRole('button');

/** The corrected history: the recognition rejected, the visit re-dated, the missed event added. */
async function expectCorrected(page: Page, url: string): Promise<void> {
  await open(page, url);
  await page
    .getByRole('button', { name: /^1995-06 CONSULT Pakistan → Azerbaijan.*corrected/ })
    .waitFor();
  await page
    .getByRole('button', { name: /^1992 SUPPORT Pakistan → Azerbaijan.*corrected/ })
    .waitFor();
  const names = await listed(page).allTextContents();
  expect(names.filter((n) => n.startsWith('1991-12-12'))).toEqual([]);
  expect(names).toHaveLength(2);
}

describe('corrections in the explorer', () => {
  test('reject, re-date and add from a selection; all three survive a re-ingest, a restart, and an export into a fresh store', async () => {
    const dbFile = join(dir, 'ties.db');
    let s = await serve(dbFile);
    expect((await ingestPaths(s.db, [file])).added).toBe(1);
    const { context, page, errors } = await newWatchedPage(browser);
    try {
      await open(page, s.url);

      // Reject the recognition from its card.
      await page.getByRole('button', { name: /^1991-12-12 SUPPORT Pakistan → Azerbaijan/ }).click();
      const card = page.getByRole('region', { name: /^SUPPORT/ });
      await card.getByText('Correct this event').click();
      await card.getByRole('textbox', { name: 'Your name' }).fill('Ayla');
      await card.getByRole('button', { name: 'Reject: not an event' }).click();
      await expect
        .poll(async () =>
          (await listed(page).allTextContents()).some((n) => n.startsWith('1991-12-12')),
        )
        .toBe(false);

      // Re-date the visit, its sentence in view on the card.
      await page.getByRole('button', { name: /^1995 CONSULT Pakistan → Azerbaijan/ }).click();
      const visit = page.getByRole('region', { name: /^CONSULT/ });
      await expect
        .poll(() => visit.textContent())
        .toContain('“1995 the President of Pakistan visited Azerbaijan”');
      await visit.getByText('Correct this event').click();
      await visit.getByRole('textbox', { name: 'Date', exact: true }).fill('1995-06');
      await visit.getByRole('button', { name: 'Save date' }).click();
      await page
        .getByRole('button', { name: /^1995-06 CONSULT Pakistan → Azerbaijan.*corrected/ })
        .waitFor();
      // The card shows the correction next to what was extracted, and who made it.
      const redated = page.getByRole('region', { name: /^CONSULT.*corrected/ });
      await expect
        .poll(() => redated.getByRole('list', { name: 'Corrections' }).textContent())
        .toMatch(/date: 1995-06 \(extracted: CONSULT · 1995 · PAK → AZE\) — by Ayla/);

      // Add the missed event from a selection in the document.
      const doc = page.getByRole('region', { name: /^relations/ });
      await doc.getByText('Correct this document').click();
      await page.evaluate((words) => {
        const root = document.querySelector('.doc-text')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.textContent!.indexOf(words);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + words.length);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
          return;
        }
        throw new Error(`'${words}' is not in the document view`);
      }, MISSED);
      await doc.getByRole('button', { name: 'Add event from the selected text' }).click();
      await expect.poll(() => doc.textContent()).toContain(`New event from ${MISSED}`);
      await doc.getByRole('combobox', { name: 'Event type' }).selectOption('SUPPORT');
      await doc.getByRole('textbox', { name: 'Event date' }).fill('1992');
      await doc.getByRole('textbox', { name: 'Event source' }).fill('PAK');
      await doc.getByRole('textbox', { name: 'Event target' }).fill('AZE');
      await doc.getByRole('button', { name: 'Save the new event' }).click();
      await page
        .getByRole('button', { name: /^1992 SUPPORT Pakistan → Azerbaijan.*corrected/ })
        .waitFor();

      // 1. A re-ingest of the same file (with a new date: it is read again, not skipped).
      const again = await ingestPaths(s.db, [file], { date: '2021-06-16' });
      expect(again).toMatchObject({ redated: 1, correctionProblems: [] });
      await expectCorrected(page, s.url);

      // 2. A restart of the server over the same database file.
      await stop(s);
      s = await serve(dbFile);
      await expectCorrected(page, s.url);

      // 3. The JSON export, imported into a fresh store.
      const res = await fetch(new URL('/api/export?format=json&a=PAK&b=AZE', s.url));
      expect(res.status).toBe(200);
      const fresh = await serve(join(dir, 'fresh.db'));
      const imported = importJson(fresh.db, await res.text(), 'export.json');
      expect(imported.corrections).toMatchObject({ added: 3, problems: [] });
      await expectCorrected(page, fresh.url);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  test('re-type, set participants, split a source off and merge it back, re-date and delete a document', async () => {
    const dbFile = join(dir, 'kinds.db');
    writeFileSync(join(dir, 'first.txt'), THIRD);
    writeFileSync(join(dir, 'second.txt'), SECOND);
    writeFileSync(join(dir, 'third.txt'), TEXT);
    const s = await serve(dbFile);
    expect((await ingestPaths(s.db, [join(dir, 'third.txt'), join(dir, 'second.txt')])).added).toBe(
      2,
    );
    const { context, page, errors } = await newWatchedPage(browser);
    page.on('dialog', (d) => void d.accept());
    const api = async (path: string) => (await fetch(new URL(path, s.url))).json();
    try {
      await open(page, s.url);
      // Split the second document's mention off the recognition, then merge the two again.
      await page
        .getByRole('button', { name: /^1991-12-12 SUPPORT Pakistan → Azerbaijan.*2 sources/ })
        .click();
      let card = page.getByRole('region', { name: /^SUPPORT/ });
      await card.getByText('Correct this event').click();
      await card.getByRole('button', { name: 'Split off “second”' }).click();
      await page
        .getByRole('button', { name: /^1991-12 SUPPORT Pakistan → Azerbaijan.*corrected/ })
        .waitFor();
      expect(
        (await listed(page).allTextContents()).filter((n) => n.includes('SUPPORT')),
      ).toHaveLength(2);
      await page.getByRole('button', { name: /^1991-12 SUPPORT/ }).click();
      card = page.getByRole('region', { name: /^SUPPORT/ });
      await card.getByText('Correct this event').click();
      const other = (
        await card
          .getByRole('combobox', { name: 'Same event as' })
          .locator('option')
          .allTextContents()
      ).find((o) => o.startsWith('1991-12-12 SUPPORT'))!;
      await card.getByRole('combobox', { name: 'Same event as' }).selectOption({ label: other });
      await card.getByRole('button', { name: 'Merge the two events' }).click();
      await page
        .getByRole('button', {
          name: /^1991-12-12 SUPPORT Pakistan → Azerbaijan.*2 sources.*corrected/,
        })
        .waitFor();

      // Re-type the visit, then give it other participants: it leaves the pair's timeline.
      await page.getByRole('button', { name: /^1995 CONSULT/ }).click();
      card = page.getByRole('region', { name: /^CONSULT/ });
      await card.getByText('Correct this event').click();
      await card.getByRole('combobox', { name: 'Type' }).selectOption('AGREE');
      await card.getByRole('button', { name: 'Save type' }).click();
      await page
        .getByRole('button', { name: /^1995 AGREE Pakistan → Azerbaijan.*corrected/ })
        .click();
      card = page.getByRole('region', { name: /^AGREE/ });
      await expect
        .poll(() => card.getByRole('list', { name: 'Corrections' }).textContent())
        .toContain('type: AGREE (extracted: CONSULT · 1995 · PAK → AZE)');
      await card.getByText('Correct this event').click();
      await card.getByRole('textbox', { name: 'Source' }).fill('TUR');
      await card.getByRole('button', { name: 'Save participants' }).click();
      await expect
        .poll(async () => (await listed(page).allTextContents()).some((n) => n.startsWith('1995')))
        .toBe(false);
      const moved = (await api('/api/events?a=TUR&b=AZE')).items as {
        date: string;
        type: string;
        corrections: { kind: string }[];
      }[];
      expect(moved.map((e) => [e.date, e.type, e.corrections.map((c) => c.kind)])).toEqual([
        ['1995', 'AGREE', ['type', 'participants']],
      ]);

      // Re-date the first document from its panel, then delete the second one.
      const docs = (await api('/api/documents')).items as { id: string; title: string }[];
      const second = docs.find((d) => d.title === 'second')!.id;
      const third = docs.find((d) => d.title === 'third')!.id;
      await openView(page, new URL(`/?a=PAK&b=AZE&doc=${third}`, s.url).href);
      let doc = page.getByRole('region', { name: /^third/ });
      await doc.getByText('Correct this document').click();
      await doc.getByLabel('Document date').fill('2021-06-16');
      await doc.getByRole('button', { name: 'Re-date and read again' }).click();
      await expect.poll(async () => (await api(`/api/documents/${third}`)).date).toBe('2021-06-16');
      await openView(page, new URL(`/?a=PAK&b=AZE&doc=${second}`, s.url).href);
      doc = page.getByRole('region', { name: /^second/ });
      await doc.getByText('Correct this document').click();
      await doc.getByRole('button', { name: 'Delete this document' }).click();
      await expect.poll(async () => (await api('/api/documents')).total).toBe(1);
      // The recognition keeps the first document's mention alone; the second's corrections went with it.
      await expect
        .poll(async () =>
          (await listed(page).allTextContents()).filter((n) => n.startsWith('1991-12-12')),
        )
        .toEqual([
          expect.stringMatching(
            /^1991-12-12 SUPPORT Pakistan → Azerbaijan Pakistan recognized Azerbaijan on 12 December 1991$/,
          ),
        ]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});

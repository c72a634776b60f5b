// The explorer in a real headless Chromium against the real app over a real database holding
// corpus/ (the Azerbaijan–Pakistan essay). Locators are by role and accessible name.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ingestPaths } from '../../src/services/ingest.service.ts';
import {
  CORPUS,
  RESULTS,
  launchChromium,
  newWatchedPage,
  startExplorer,
  type Explorer,
} from './explorer-harness.ts';

let app: Explorer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

// The recognition as the list names it (date, type, who); its sources are listed on its card.
const RECOGNITION = /^1991-12-12 SUPPORT Pakistan → Azerbaijan/;
const ESSAY = /^Azerbaijan and Pakistan: Historical relations/;

beforeAll(async () => {
  app = await startExplorer(async (db) => {
    const summary = await ingestPaths(db, [CORPUS]);
    if (summary.added === 0)
      throw new Error(`corpus/ ingested nothing: ${JSON.stringify(summary.failed)}`);
  });
  browser = await launchChromium();
  mkdirSync(RESULTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

beforeEach(async () => {
  ({ context, page, errors: consoleErrors } = await newWatchedPage(browser));
});

afterEach(async () => {
  await context.close();
});

async function open(path = '/', base = app.url): Promise<void> {
  await page.goto(new URL(path, base).href);
  await page.locator('body[data-ready="true"]').waitFor();
}

const events = () =>
  page
    .getByRole('region', { name: /^Events/ })
    .getByRole('listitem')
    .getByRole('button');

describe('explorer', () => {
  test('the default view shows the essay pair with the 1991 recognition, and a screenshot is taken', async () => {
    await open();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Country' }).inputValue())
      .toMatch(/^(AZE|PAK)$/);
    await expect
      .poll(() => page.getByRole('combobox', { name: 'and' }).inputValue())
      .toMatch(/^(AZE|PAK)$/);
    await page.getByRole('button', { name: RECOGNITION }).waitFor();
    expect(
      await page
        .getByRole('region', { name: 'Actors' })
        .getByRole('button', { name: /Azerbaijan/ })
        .count(),
    ).toBe(1);
    // The timeline canvas has marks drawn: not a blank image.
    const inked = await page.locator('.timeline canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(1000);
    expect(page.url()).toMatch(/[?&]a=(AZE|PAK)&b=(AZE|PAK)/);
    await page.screenshot({ path: join(RESULTS, 'explorer-default.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  test('clicking the recognition opens its card and highlights the sentence in the document', async () => {
    await open();
    await page.getByRole('button', { name: RECOGNITION }).click();
    const card = page.getByRole('region', { name: /SUPPORT/ });
    await expect.poll(() => card.textContent()).toContain('12 December 1991');
    expect(await card.textContent()).toMatch(/Source\s*Pakistan \(PAK\)/);
    // Every document that states the event is listed; the essay's sentence opens in its document.
    await card
      .getByRole('list', { name: /^Mentioned in/ })
      .getByRole('button', { name: ESSAY })
      .click();
    const doc = page.getByRole('region', { name: ESSAY });
    const mark = doc.locator('mark');
    await expect.poll(() => mark.textContent()).toContain('December 12,1991');
    expect(await mark.textContent()).toMatch(
      /^Pakistan was the first country to recognize Azerbaijan/,
    );
    // The document box scrolled so the highlight is inside its visible part.
    const visible = await mark.evaluate((m) => {
      const box = m.closest('.doc-text')!.getBoundingClientRect();
      const r = m.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    });
    expect(visible).toBe(true);
    expect(page.url()).toMatch(/[?&]event=\w+/);
    await page.screenshot({ path: join(RESULTS, 'explorer-event.png'), fullPage: true });
    // The other events' sentences are underlined in the document; clicking one selects it.
    const other = doc.locator('.ev-span').first();
    const otherText = await other.textContent();
    const before = page.url();
    await other.click();
    await expect.poll(() => mark.textContent()).toBe(otherText);
    expect(page.url()).not.toBe(before);
    expect(consoleErrors).toEqual([]);
  });

  test('filtering by type narrows the list, lives in the URL and survives a reload', async () => {
    await open();
    const before = await events().count();
    await page.getByRole('checkbox', { name: /^SUPPORT/ }).check();
    await expect.poll(() => page.url()).toMatch(/[?&]type=SUPPORT/);
    const rows = await events().allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(before);
    for (const r of rows) expect(r).toMatch(/SUPPORT/);
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await page.getByRole('checkbox', { name: /^SUPPORT/ }).isChecked()).toBe(true);
    expect(await events().allTextContents()).toEqual(rows);
    // A shared link may name the countries in words; the page settles on their codes.
    await open('/?a=pakistan&b=Azerbaijan&type=SUPPORT');
    expect(await events().allTextContents()).toEqual(rows);
    expect(page.url()).toMatch(/[?&]a=PAK&b=AZE&type=SUPPORT/);
    expect(consoleErrors).toEqual([]);
  });

  test('full-text search and a year range narrow the timeline', async () => {
    await open();
    const before = await events().count();
    await page.getByRole('searchbox', { name: 'Search events and documents' }).fill('Islamabad');
    await expect.poll(() => page.url()).toMatch(/[?&]q=Islamabad/);
    const hits = page.getByRole('region', { name: /^Sentences matching “Islamabad”/ });
    await hits.getByRole('button').first().waitFor();
    const found = await events().allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(before);
    await hits.getByRole('button').first().click();
    await expect.poll(() => page.locator('.doc-panel mark').textContent()).toContain('Islamabad');

    await page.getByRole('searchbox', { name: 'Search events and documents' }).fill('');
    await expect.poll(() => events().count()).toBe(before);
    await page.getByRole('spinbutton', { name: 'From year' }).fill('2010');
    await page.getByRole('spinbutton', { name: 'From year' }).press('Enter');
    await expect.poll(() => page.url()).toMatch(/[?&]from=2010/);
    const dates = (await events().allTextContents()).map((t) => t.slice(0, 4));
    expect(dates.length).toBeGreaterThan(0);
    // Undated events drop out of a date range; dated ones reach into it.
    for (const d of dates) expect(Number(d)).toBeGreaterThanOrEqual(2010);
    expect(consoleErrors).toEqual([]);
  });

  test('the timeline zooms with the keyboard and events are reachable with Tab and Enter', async () => {
    await open();
    const timeline = page.getByRole('group', { name: /^Timeline/ });
    await timeline.focus();
    await page.keyboard.press('+');
    await expect.poll(() => page.url()).toMatch(/[?&]zoom=\d{4}-\d\d-\d\d,\d{4}-\d\d-\d\d/);
    // Arrow keys step through the events in time order: the first is the earliest.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toMatch(/[?&]event=\w+/);
    expect(await page.getByRole('region', { name: /:/ }).first().textContent()).toMatch(/Date/);
    await expect.poll(() => page.getByText(/^Selected: 1991-12-12, SUPPORT/).count()).toBe(1);
    const button = page.getByRole('button', { name: RECOGNITION });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('region', { name: /SUPPORT/ }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  test('a pasted document is extracted and its events appear on the timeline', async () => {
    await open();
    await page.getByText('Add a document').click();
    await page
      .getByRole('textbox', { name: 'Document text' })
      .fill(
        'Tokyo, 2 June 2019. Japan and India signed an agreement on defence cooperation on 14 March 2019. ' +
          'Japan pledged aid to India in 2018.',
      );
    await page.getByRole('textbox', { name: 'Title (optional)' }).fill('Japan India note');
    await page.getByRole('button', { name: 'Add document' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: /Added/ }).textContent())
      .toMatch(/Added “Japan India note”: [1-9]\d* events? found/);
    await expect
      .poll(() => events().allTextContents())
      .toContainEqual(expect.stringMatching(/Japan|India/));
    expect(page.url()).toMatch(/[?&]doc=[0-9a-f]{64}/);
    await page.getByRole('region', { name: 'Japan India note' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  test('a Markdown file dropped on the page is added with its date', async () => {
    await open();
    const md =
      '# Turkey and Azerbaijan\n\nOn 3 March 2010, Turkey and Azerbaijan signed a strategic partnership agreement in Ankara.\n';
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'turkey-azerbaijan.md', { type: 'text/markdown' }));
      document
        .querySelector('main')!
        .dispatchEvent(
          new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    }, md);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Ready to add/ })
          .count(),
      )
      .toBe(1);
    await page.getByLabel('Published on (optional)').fill('2010-06-01');
    await page.getByRole('button', { name: 'Add document' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: /Added/ }).textContent())
      .toMatch(/Added “Turkey and Azerbaijan”: [1-9]\d* events? found/);
    // The title comes from the file's own heading.
    const doc = page.getByRole('region', { name: 'Turkey and Azerbaijan' });
    await expect.poll(() => doc.textContent()).toContain('Dated 1 June 2010 · md');
    await expect
      .poll(() => events().allTextContents())
      .toContainEqual(expect.stringMatching(/^2010-03-03 \w+ (Turkey|Türkiye)/));
    expect(consoleErrors).toEqual([]);
  });

  test('errors of the add form are said in words', async () => {
    await open();
    await page.getByText('Add a document').click();
    await page.getByRole('button', { name: 'Add document' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Paste some text' }).count())
      .toBe(1);
    await page.getByLabel(/choose a file/).setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4'),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/not a \.txt, \.md or \.html file/);
    // Bytes that are not text: the server refuses them and the page says why.
    await page.getByLabel(/choose a file/).setInputFiles({
      name: 'bin.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]),
    });
    await page.getByRole('button', { name: 'Add document' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^The document was not added\. \S/);
    // The refused upload is the only error the console may show.
    expect(consoleErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });

  test('a document carrying script and onerror markup stays inert', async () => {
    await open();
    await page.evaluate(() => ((window as unknown as { __pwned: number }).__pwned = 0));
    const text =
      'Pakistan and Azerbaijan signed a trade agreement in Baku on 5 May 2020. <script>window.__pwned = 1</script>' +
      ' <img src="x" onerror="window.__pwned = 2"> <b onmouseover="window.__pwned = 3">bold</b>';
    await page.getByText('Add a document').click();
    await page.getByRole('textbox', { name: 'Document text' }).fill(text);
    await page
      .getByRole('textbox', { name: 'Title (optional)' })
      .fill('<img src=y onerror="window.__pwned=4">');
    await page.getByRole('button', { name: 'Add document' }).click();
    const doc = page.getByRole('region', { name: '<img src=y onerror="window.__pwned=4">' });
    await doc.waitFor();
    await expect
      .poll(() => doc.locator('.doc-text').textContent())
      .toContain('<script>window.__pwned = 1</script>');
    expect(
      await page
        .locator('.doc-panel img, .doc-panel script, .doc-panel b, .card-panel img')
        .count(),
    ).toBe(0);
    await page.locator('.doc-text').hover();
    expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  test('the page fits a phone width', async () => {
    await context.close();
    context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
    await open();
    await page.getByRole('button', { name: RECOGNITION }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(RESULTS, 'explorer-phone.png'), fullPage: true });
  });
});

describe('explorer on an empty store', () => {
  let empty: Explorer;
  beforeAll(async () => {
    empty = await startExplorer(() => undefined);
  }, 120_000);
  afterAll(async () => {
    await empty?.close();
  });

  test('starts with the add form open, and the first document becomes the view', async () => {
    await open('/', empty.url);
    await page.getByText('No events for this selection yet.').waitFor();
    const text = page.getByRole('textbox', { name: 'Document text' });
    expect(await text.isVisible()).toBe(true);
    await text.fill('On 12 May 2015, Chile and Peru signed a trade agreement in Lima.');
    await page.getByRole('button', { name: 'Add document' }).click();
    // The first post starts the server's extraction thread: on a busy machine that takes seconds.
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Country' }).inputValue(), { timeout: 20_000 })
      .toMatch(/^(CHL|PER)$/);
    await expect
      .poll(() => events().allTextContents())
      .toContainEqual(expect.stringMatching(/^2015-05-12 AGREE (Chile|Peru)/));
    expect(consoleErrors).toEqual([]);
  });
});

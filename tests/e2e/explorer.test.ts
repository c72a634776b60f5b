// The explorer in a real headless Chromium against the real app over a real database holding
// corpus/ (the Azerbaijan–Pakistan essay). Locators are by role and accessible name.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openView, ready, RESULTS, startExplorer, type Explorer } from './explorer-harness.ts';
import { dropFile, ingestCorpus, useExplorer } from './explorer-session.ts';

// The recognition as the list names it (date, type, who); its sources are listed on its card.
const RECOGNITION = /^1991-12-12 SUPPORT Pakistan → Azerbaijan/;
const ESSAY = /^Azerbaijan and Pakistan: Historical relations/;

const ui = useExplorer(ingestCorpus);
beforeAll(() => {
  mkdirSync(RESULTS, { recursive: true });
});

async function open(path = '/', base = ui.app.url): Promise<void> {
  await openView(ui.page, new URL(path, base).href);
}

const events = () =>
  ui.page
    .getByRole('region', { name: /^Events/ })
    .getByRole('listitem')
    .getByRole('button');

// The disagreements are asked for once the view is ready; an event's mark of them comes with them.
const disagreements = () =>
  ui.page.getByRole('heading', { name: /^Where the sources disagree/ }).waitFor();

describe('explorer', () => {
  test('the default view shows the essay pair with the 1991 recognition, and a screenshot is taken', async () => {
    await open();
    await expect
      .poll(() => ui.page.getByRole('combobox', { name: 'Country' }).inputValue())
      .toMatch(/^(AZE|PAK)$/);
    await expect
      .poll(() => ui.page.getByRole('combobox', { name: 'and' }).inputValue())
      .toMatch(/^(AZE|PAK)$/);
    await ui.page.getByRole('button', { name: RECOGNITION }).waitFor();
    expect(
      await ui.page
        .getByRole('region', { name: 'Actors' })
        .getByRole('button', { name: /Azerbaijan/ })
        .count(),
    ).toBe(1);
    // The timeline canvas has marks drawn: not a blank image.
    const inked = await ui.page.locator('.timeline canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(1000);
    expect(ui.page.url()).toMatch(/[?&]a=(AZE|PAK)&b=(AZE|PAK)/);
    await ui.page.screenshot({ path: join(RESULTS, 'explorer-default.png'), fullPage: true });
    expect(ui.errors).toEqual([]);
  });

  test('clicking the recognition opens its card and highlights the sentence in the document', async () => {
    await open();
    await ui.page.getByRole('button', { name: RECOGNITION }).click();
    const card = ui.page.getByRole('region', { name: /SUPPORT/ });
    await expect.poll(() => card.textContent()).toContain('12 December 1991');
    expect(await card.textContent()).toMatch(/Source\s*Pakistan \(PAK\)/);
    // Every document that states the event is listed; the essay's sentence opens in its document.
    await card
      .getByRole('list', { name: /^Mentioned in/ })
      .getByRole('button', { name: ESSAY })
      .click();
    const doc = ui.page.getByRole('region', { name: ESSAY });
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
    expect(ui.page.url()).toMatch(/[?&]event=\w+/);
    await ui.page.screenshot({ path: join(RESULTS, 'explorer-event.png'), fullPage: true });
    // The other events' sentences are underlined in the document; clicking one selects it.
    const other = doc.locator('.ev-span').first();
    const otherText = await other.textContent();
    const before = ui.page.url();
    await other.click();
    await expect.poll(() => mark.textContent()).toBe(otherText);
    expect(ui.page.url()).not.toBe(before);
    expect(ui.errors).toEqual([]);
  });

  test('filtering by type narrows the list, lives in the URL and survives a reload', async () => {
    await open();
    const before = await events().count();
    await ui.page.getByRole('checkbox', { name: /^SUPPORT/ }).check();
    await expect.poll(() => ui.page.url()).toMatch(/[?&]type=SUPPORT/);
    await disagreements();
    const rows = await events().allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(before);
    for (const r of rows) expect(r).toMatch(/SUPPORT/);
    await ui.page.reload();
    await ready(ui.page);
    expect(await ui.page.getByRole('checkbox', { name: /^SUPPORT/ }).isChecked()).toBe(true);
    await disagreements();
    expect(await events().allTextContents()).toEqual(rows);
    // A shared link may name the countries in words; the page settles on their codes.
    await open('/?a=pakistan&b=Azerbaijan&type=SUPPORT');
    await disagreements();
    expect(await events().allTextContents()).toEqual(rows);
    expect(ui.page.url()).toMatch(/[?&]a=PAK&b=AZE&type=SUPPORT/);
    expect(ui.errors).toEqual([]);
  });

  test('full-text search and a year range narrow the timeline', async () => {
    await open();
    const before = await events().count();
    await ui.page.getByRole('searchbox', { name: 'Search events and documents' }).fill('Islamabad');
    await expect.poll(() => ui.page.url()).toMatch(/[?&]q=Islamabad/);
    const hits = ui.page.getByRole('region', { name: /^Sentences matching “Islamabad”/ });
    await hits.getByRole('button').first().waitFor();
    const found = await events().allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(before);
    await hits.getByRole('button').first().click();
    await expect
      .poll(() => ui.page.locator('.doc-panel mark').textContent())
      .toContain('Islamabad');

    await ui.page.getByRole('searchbox', { name: 'Search events and documents' }).fill('');
    await expect.poll(() => events().count()).toBe(before);
    await ui.page.getByRole('spinbutton', { name: 'From year' }).fill('2010');
    await ui.page.getByRole('spinbutton', { name: 'From year' }).press('Enter');
    await expect.poll(() => ui.page.url()).toMatch(/[?&]from=2010/);
    const dates = (await events().allTextContents()).map((t) => t.slice(0, 4));
    expect(dates.length).toBeGreaterThan(0);
    // Undated events drop out of a date range; dated ones reach into it.
    for (const d of dates) expect(Number(d)).toBeGreaterThanOrEqual(2010);
    expect(ui.errors).toEqual([]);
  });

  test('the timeline zooms with the keyboard and events are reachable with Tab and Enter', async () => {
    await open();
    const timeline = ui.page.getByRole('group', { name: /^Timeline/ });
    await timeline.focus();
    await ui.page.keyboard.press('+');
    await expect.poll(() => ui.page.url()).toMatch(/[?&]zoom=\d{4}-\d\d-\d\d,\d{4}-\d\d-\d\d/);
    // Arrow keys step through the events in time order: the first is the earliest.
    await ui.page.keyboard.press('ArrowDown');
    await expect.poll(() => ui.page.url()).toMatch(/[?&]event=\w+/);
    expect(await ui.page.getByRole('region', { name: /:/ }).first().textContent()).toMatch(/Date/);
    await expect.poll(() => ui.page.getByText(/^Selected: 1991-12-12, SUPPORT/).count()).toBe(1);
    const button = ui.page.getByRole('button', { name: RECOGNITION });
    await button.focus();
    await ui.page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await ui.page.getByRole('region', { name: /SUPPORT/ }).waitFor();
    expect(ui.errors).toEqual([]);
  });

  test('a pasted document is extracted and its events appear on the timeline', async () => {
    await open();
    await ui.page.getByText('Add a document').click();
    await ui.page
      .getByRole('textbox', { name: 'Document text' })
      .fill(
        'Tokyo, 2 June 2019. Japan and India signed an agreement on defence cooperation on 14 March 2019. ' +
          'Japan pledged aid to India in 2018.',
      );
    await ui.page.getByRole('textbox', { name: 'Title (optional)' }).fill('Japan India note');
    await ui.page.getByRole('button', { name: 'Add document' }).click();
    await expect
      .poll(() => ui.page.getByRole('status').filter({ hasText: /Added/ }).textContent())
      .toMatch(/Added “Japan India note”: [1-9]\d* events? found/);
    await expect
      .poll(() => events().allTextContents())
      .toContainEqual(expect.stringMatching(/Japan|India/));
    expect(ui.page.url()).toMatch(/[?&]doc=[0-9a-f]{64}/);
    await ui.page.getByRole('region', { name: 'Japan India note' }).waitFor();
    expect(ui.errors).toEqual([]);
  });

  test('a Markdown file dropped on the page is added with its date', async () => {
    await open();
    const md =
      '# Turkey and Azerbaijan\n\nOn 3 March 2010, Turkey and Azerbaijan signed a strategic partnership agreement in Ankara.\n';
    await dropFile(ui.page, 'turkey-azerbaijan.md', md, 'text/markdown');
    await expect
      .poll(() =>
        ui.page
          .getByRole('status')
          .filter({ hasText: /Ready to add/ })
          .count(),
      )
      .toBe(1);
    await ui.page.getByLabel('Published on (optional)').fill('2010-06-01');
    await ui.page.getByRole('button', { name: 'Add document' }).click();
    await expect
      .poll(() => ui.page.getByRole('status').filter({ hasText: /Added/ }).textContent())
      .toMatch(/Added “Turkey and Azerbaijan”: [1-9]\d* events? found/);
    // The title comes from the file's own heading.
    const doc = ui.page.getByRole('region', { name: 'Turkey and Azerbaijan' });
    await expect.poll(() => doc.textContent()).toContain('Dated 1 June 2010 · md');
    await expect
      .poll(() => events().allTextContents())
      .toContainEqual(expect.stringMatching(/^2010-03-03 \w+ (Turkey|Türkiye)/));
    expect(ui.errors).toEqual([]);
  });

  test('errors of the add form are said in words', async () => {
    await open();
    await ui.page.getByText('Add a document').click();
    await ui.page.getByRole('button', { name: 'Add document' }).click();
    await expect
      .poll(() => ui.page.getByRole('alert').filter({ hasText: 'Paste some text' }).count())
      .toBe(1);
    await ui.page.getByLabel(/choose a file/).setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4'),
    });
    await expect
      .poll(() => ui.page.getByRole('alert').textContent())
      .toMatch(/not a \.txt, \.md or \.html file/);
    // Bytes that are not text: the server refuses them and the page says why.
    await ui.page.getByLabel(/choose a file/).setInputFiles({
      name: 'bin.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]),
    });
    await ui.page.getByRole('button', { name: 'Add document' }).click();
    await expect
      .poll(() => ui.page.getByRole('alert').textContent())
      .toMatch(/^The document was not added\. \S/);
    // The refused upload is the only error the console may show.
    expect(ui.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });

  test('a document carrying script and onerror markup stays inert', async () => {
    await open();
    await ui.page.evaluate(() => ((window as unknown as { __pwned: number }).__pwned = 0));
    const text =
      'Pakistan and Azerbaijan signed a trade agreement in Baku on 5 May 2020. <script>window.__pwned = 1</script>' +
      ' <img src="x" onerror="window.__pwned = 2"> <b onmouseover="window.__pwned = 3">bold</b>';
    await ui.page.getByText('Add a document').click();
    await ui.page.getByRole('textbox', { name: 'Document text' }).fill(text);
    await ui.page
      .getByRole('textbox', { name: 'Title (optional)' })
      .fill('<img src=y onerror="window.__pwned=4">');
    await ui.page.getByRole('button', { name: 'Add document' }).click();
    const doc = ui.page.getByRole('region', { name: '<img src=y onerror="window.__pwned=4">' });
    await doc.waitFor();
    await expect
      .poll(() => doc.locator('.doc-text').textContent())
      .toContain('<script>window.__pwned = 1</script>');
    expect(
      await ui.page
        .locator('.doc-panel img, .doc-panel script, .doc-panel b, .card-panel img')
        .count(),
    ).toBe(0);
    await ui.page.locator('.doc-text').hover();
    expect(await ui.page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(
      0,
    );
    expect(ui.errors).toEqual([]);
  });

  test('the page fits a phone width', async () => {
    await ui.reopen({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    await open();
    await ui.page.getByRole('button', { name: RECOGNITION }).waitFor();
    const overflow = await ui.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await ui.page.screenshot({ path: join(RESULTS, 'explorer-phone.png'), fullPage: true });
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
    await ui.page.getByText('No events for this selection yet.').waitFor();
    const text = ui.page.getByRole('textbox', { name: 'Document text' });
    expect(await text.isVisible()).toBe(true);
    await text.fill('On 12 May 2015, Chile and Peru signed a trade agreement in Lima.');
    await ui.page.getByRole('button', { name: 'Add document' }).click();
    // The first post starts the server's extraction thread: on a busy machine that takes seconds.
    await expect
      .poll(() => ui.page.getByRole('combobox', { name: 'Country' }).inputValue(), {
        timeout: 20_000,
      })
      .toMatch(/^(CHL|PER)$/);
    await expect
      .poll(() => events().allTextContents())
      .toContainEqual(expect.stringMatching(/^2015-05-12 AGREE (Chile|Peru)/));
    expect(ui.errors).toEqual([]);
  });
});

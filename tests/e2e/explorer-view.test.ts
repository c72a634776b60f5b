// What the explorer says beyond its marks, in a real headless Chromium against the real app over
// corpus/: labels on the timeline, panels and exports that follow the filters, the highlighted
// sentence in view, Markdown read as text, the compact timeline and its 304, a phone's pickers.
import { describe, expect, test } from 'vitest';
import { openView, ready } from './explorer-harness.ts';
import { ingestCorpus, useExplorer } from './explorer-session.ts';

const ui = useExplorer(ingestCorpus);

async function open(path = '/?a=PAK&b=AZE'): Promise<void> {
  await openView(ui.page, new URL(path, ui.app.url).href);
}

const events = () =>
  ui.page
    .getByRole('region', { name: /^Events/ })
    .getByRole('listitem')
    .getByRole('button');
const heading = (name: RegExp) => ui.page.getByRole('heading', { name });

/** Rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** The visible timeline labels: their text and box. */
async function labels(): Promise<
  { text: string; left: number; right: number; top: number; bottom: number }[]
> {
  return ui.page.locator('.timeline-label:not([hidden])').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        text: el.textContent ?? '',
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
      };
    }),
  );
}

describe('the explorer explains its view', () => {
  test('one line says what ties is and where the data came from; types and classes are explained', async () => {
    await open();
    const about = ui.page.getByText(/^Sourced timelines of the relations between countries/);
    await expect
      .poll(() => about.textContent())
      .toMatch(/This store: \d+ events from 2 documents: “.+” and “.+”\.$/);
    // Each count says what it counts, so the store's, an actor's and the pair's do not clash.
    expect(
      await ui.page
        .getByRole('region', { name: /^Events/ })
        .getByRole('heading')
        .textContent(),
    ).toMatch(/^Events between Pakistan and Azerbaijan \(\d+\)$/);
    expect(
      await ui.page
        .getByRole('combobox', { name: 'Country' })
        .locator('option:checked')
        .textContent(),
    ).toMatch(/^Pakistan · \d+ events$/);
    expect(
      await ui.page.getByText('With the events involving each, with any partner.').count(),
    ).toBe(1);
    // Hover titles on the filters and the legend, and the same words in a glossary.
    expect(
      await ui.page
        .locator('label', { has: ui.page.getByRole('checkbox', { name: /^SUPPORT/ }) })
        .getAttribute('title'),
    ).toMatch(/recognise a state/);
    expect(
      await ui.page
        .getByRole('list', { name: 'Legend' })
        .getByText('Verbal conflict')
        .getAttribute('title'),
    ).toMatch(/^Hostile words/);
    await ui.page.getByText('What the classes and types mean').click();
    await expect
      .poll(() =>
        ui.page
          .getByRole('definition')
          .filter({ hasText: /^Consultations and meetings/ })
          .count(),
      )
      .toBe(1);
    expect(ui.errors).toEqual([]);
  });

  test('the timeline labels the events in view where there is room, and labels never overlap', async () => {
    await open();
    const first = await labels();
    expect(first.length).toBeGreaterThanOrEqual(3);
    const texts = await ui.page.locator('.event-row .ev-text').allTextContents();
    const stage = (await ui.page.locator('.timeline-stage').boundingBox())!;
    const check = (ls: Awaited<ReturnType<typeof labels>>) => {
      for (const [i, a] of ls.entries()) {
        expect(a.left).toBeGreaterThanOrEqual(stage.x);
        expect(a.right).toBeLessThanOrEqual(stage.x + stage.width + 0.5);
        for (const b of ls.slice(i + 1)) {
          const apart =
            a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, `${a.text} / ${b.text}`).toBe(true);
        }
      }
    };
    check(first);
    // A label is the start of its event's sentence (without the date the axis gives).
    for (const l of first)
      expect(
        texts.some((t) =>
          t.toLowerCase().includes(l.text.replace(/…$/, '').toLowerCase().slice(0, 12)),
        ),
      ).toBe(true);
    // Zoomed in, there is room for more of them, and they still do not overlap.
    await ui.page.getByRole('group', { name: /^Timeline/ }).focus();
    await ui.page.keyboard.press('+');
    await ui.page.keyboard.press('+');
    await ui.page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
    const zoomed = await labels();
    expect(zoomed.length).toBeGreaterThan(0);
    check(zoomed);
    expect(ui.errors).toEqual([]);
  });

  test('the disagreements and plans panels follow the filters and the search', async () => {
    await open();
    const conflicts = heading(/^Where the sources disagree/);
    const plans = heading(/^Plans, proposals and hopes/);
    await expect
      .poll(() => conflicts.textContent())
      .toMatch(/^Where the sources disagree \((\d+)\)$/);
    await expect
      .poll(() => plans.textContent())
      .toMatch(/^Plans, proposals and hopes \(\d+ open of \d+\)$/);
    const allPlans = Number(/of (\d+)\)/.exec((await plans.textContent())!)![1]);
    expect(allPlans).toBeGreaterThan(0);

    // A type with no disputed event and no plan: both panels say so.
    await ui.page.getByRole('checkbox', { name: /^AID/ }).check();
    await expect
      .poll(() => conflicts.textContent())
      .toMatch(/^Where the sources disagree \(0 of \d+\)$/);
    await expect
      .poll(() => plans.textContent())
      .toBe(`Plans, proposals and hopes (0 open of 0; ${allPlans} in all)`);
    await ui.page.getByRole('checkbox', { name: /^AID/ }).uncheck();
    await expect
      .poll(() => conflicts.textContent())
      .toMatch(/^Where the sources disagree \(\d+\)$/);

    // The search: the disputed recognition stays, and only the plans whose sentence has the words.
    await ui.page.getByRole('searchbox', { name: 'Search events and documents' }).fill('recognise');
    await expect.poll(() => ui.page.url()).toMatch(/[?&]q=recognise/);
    await expect
      .poll(() => conflicts.textContent())
      .toMatch(/^Where the sources disagree \(\d+\)$/);
    const region = ui.page.getByRole('region', { name: /^Plans, proposals and hopes/ });
    await expect.poll(() => plans.textContent()).toMatch(new RegExp(`; ${allPlans} in all\\)$`));
    for (const t of await region.getByRole('listitem').allTextContents())
      expect(t.toLowerCase()).toContain('recognise');
    // Every event the list shows is one the search matched.
    for (const t of await events().allTextContents()) expect(t).toMatch(/\S/);
    expect(ui.errors).toEqual([]);
  });

  test('the export links carry the filters, and the exported file holds the events the list shows', async () => {
    await open('/?a=PAK&b=AZE&type=SUPPORT,CONSULT&from=1995');
    const rows = await events().allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    const link = ui.page.getByRole('link', { name: 'JSON' });
    const href = new URL((await link.getAttribute('href'))!, ui.app.url);
    expect(Object.fromEntries(href.searchParams)).toEqual({
      format: 'json',
      a: 'PAK',
      b: 'AZE',
      type: 'SUPPORT,CONSULT',
      from: '1995',
    });
    expect(await ui.page.getByText(/^Export the filtered view:/).count()).toBe(1);
    const csv = new URL(
      (await ui.page.getByRole('link', { name: 'CSV' }).getAttribute('href'))!,
      ui.app.url,
    );
    expect(csv.searchParams.get('type')).toBe('SUPPORT,CONSULT');
    // Parsed back: the download holds the same events as the list (the server applies the filters).
    const res = await fetch(csv);
    expect(res.status).toBe(200);
    const [header, ...lines] = parseCsv(await res.text());
    const id = header!.indexOf('id');
    const type = header!.indexOf('type');
    const listed = await events().evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id));
    expect(lines.map((l) => l[id]).sort()).toEqual(listed.sort());
    for (const l of lines) expect(['SUPPORT', 'CONSULT']).toContain(l[type]);

    // With words and a class: the server's matches for the words, the class applied in the ui.page.
    await open('/?a=PAK&b=AZE&q=Islamabad&quad=verbal-cooperation');
    const found = await events().evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id));
    expect(found.length).toBeGreaterThan(0);
    const words = new URL(
      (await ui.page.getByRole('link', { name: 'CSV' }).getAttribute('href'))!,
      ui.app.url,
    );
    expect([words.searchParams.get('q'), words.searchParams.get('quad')]).toEqual([
      'Islamabad',
      'verbal-cooperation',
    ]);
    const [head, ...matched] = parseCsv(await (await fetch(words)).text());
    expect(matched.map((l) => l[head!.indexOf('id')]).sort()).toEqual(found.sort());
    expect(ui.errors).toEqual([]);
  });

  test('on a desktop screen the highlighted sentence is scrolled into view', async () => {
    await ui.reopen({ viewport: { width: 1440, height: 800 } });
    await open();
    // A late event, so its sentence is far down the essay, from a list scrolled down the page.
    const late = events()
      .filter({ hasText: /^20(1|2)\d/ })
      .last();
    // click scrolls it into view, and finds the row again if the list is redrawn meanwhile (a
    // later answer, such as the conflict counts, can redraw it; scrollIntoViewIfNeeded would fail).
    await late.click();
    const mark = ui.page.locator('.doc-panel mark');
    await mark.waitFor();
    await expect
      .poll(() =>
        mark.evaluate((m) => {
          const r = m.getBoundingClientRect();
          const box = m.closest('.doc-text')!.getBoundingClientRect();
          return (
            r.top >= Math.max(0, box.top) && r.bottom <= Math.min(window.innerHeight, box.bottom)
          );
        }),
      )
      .toBe(true);
  });

  test('a Markdown document reads as headings and paragraphs, not markup', async () => {
    await open();
    await ui.page
      .getByRole('region', { name: /^Documents/ })
      .getByRole('button', { name: /Azerbaijan–Pakistan relations/ })
      .click();
    const doc = ui.page.getByRole('region', { name: /^Azerbaijan–Pakistan relations/ });
    await expect.poll(() => doc.textContent()).toMatch(/· md ·/);
    const text = doc.locator('.doc-text');
    expect(await text.getByRole('heading').count()).toBeGreaterThan(0);
    expect(await text.locator('p').count()).toBeGreaterThan(1);
    const shown = (await text.textContent())!;
    expect(shown).not.toMatch(/^#|\n#|\*\*|\]\(/);
    // Its events' sentences are still marked and open their events.
    const span = text.locator('.ev-span').first();
    await span.click();
    await expect.poll(() => ui.page.url()).toMatch(/[?&]event=\d+/);
    expect(ui.errors).toEqual([]);
  });

  test('the timeline comes compact, details on demand, and a reload revalidates it with a 304', async () => {
    const compact: boolean[] = [];
    const details: string[] = [];
    ui.page.on('response', async (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/timeline')
        compact.push(Array.isArray(((await r.json()) as { events: { id: unknown } }).events.id));
      if (/^\/api\/events\/\d+$/.test(url.pathname)) details.push(url.pathname);
    });
    await open();
    await expect.poll(() => compact).toEqual([true]);
    await events().first().click();
    await ui.page.getByRole('region', { name: /:/ }).first().waitFor();
    expect(details.length).toBe(1);
    // The store is unchanged: the browser revalidates with the ETag and the server answers 304,
    // which the page's fetch sees as the cached 200. Resource timing tells them apart: only the
    // headers came over the wire. (The first visit's disagreements are computed and stored on
    // first read, a write; the second reload is the one with nothing new.)
    const revalidated = () =>
      ui.page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.name.includes('/api/timeline'))
          .map((r) => r.transferSize > 0 && r.transferSize < r.encodedBodySize),
      );
    for (let i = 0; i < 2; i++) {
      await ui.page.reload();
      await ready(ui.page);
      await heading(/^Where the sources disagree/).waitFor();
    }
    expect(await revalidated()).toEqual([true]);
    expect(await events().count()).toBeGreaterThan(0);
    expect(ui.errors).toEqual([]);
  });

  test('at phone width both country pickers fit the screen', async () => {
    await ui.reopen({
      viewport: { width: 375, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    await open();
    for (const name of ['Country', 'and']) {
      const box = (await ui.page.getByRole('combobox', { name }).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      // Wide enough for "Azerbaijan · 40 events".
      expect(box.width).toBeGreaterThanOrEqual(200);
    }
    expect(
      await ui.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });

  // Last: it adds a document to the store the other tests read.
  test('a document added about the pair in view shows its events at once, and the ETag moves', async () => {
    await open();
    const before = await events().count();
    await ui.page.getByText('Add a document').click();
    await ui.page
      .getByRole('textbox', { name: 'Document text' })
      .fill('On 7 July 2011, Pakistan and Azerbaijan signed a trade agreement in Baku.');
    await ui.page.getByRole('button', { name: 'Add document' }).click();
    await expect
      .poll(() => events().allTextContents(), { timeout: 20_000 })
      .toContainEqual(expect.stringMatching(/^2011-07-07 AGREE (Pakistan|Azerbaijan)/));
    // Narrowed to the new document; without that filter the pair has one event more.
    await ui.page.getByRole('combobox', { name: 'Document' }).selectOption('');
    await expect.poll(() => events().count()).toBe(before + 1);
    expect(ui.errors).toEqual([]);
  });
});

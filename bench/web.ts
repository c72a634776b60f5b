// First render of the explorer's default view, measured in Debian's headless Chromium: the
// time from navigation start to the timeline and list drawn (`ties:first-render` mark), with a
// store of 10,000 events next to the same page with 100. The events are generated (news-like
// sentences, one event each) and stored through the real persist service, so the API answers
// with real rows, mentions and evidence; the extractor is not involved (bench/store.ts times it).
import type { Browser } from 'playwright-core';
import { PLOVER_TYPES, type ExtractedEvent, type PloverType } from '../src/extract/types.ts';
import { documentId, storeDocument } from '../src/services/persist.service.ts';
import type { Db } from '../src/store/db.ts';
import { countEvents } from '../src/store/events.repo.ts';
import { type Benchmark, MONTHS, rng } from './benchmark.ts';

const PHRASE: Record<PloverType, [string, string]> = {
  AGREE: ['signed an agreement with', '057'],
  CONSULT: ['held talks with', '040'],
  SUPPORT: ['voiced support for', '051'],
  CONCEDE: ['eased restrictions on', '080'],
  COOPERATE: ['launched a joint project with', '061'],
  AID: ['sent humanitarian aid to', '070'],
  RETREAT: ['withdrew troops from the border with', '087'],
  REQUEST: ['asked for talks with', '020'],
  ACCUSE: ['accused', '112'],
  REJECT: ['rejected a proposal by', '120'],
  THREATEN: ['threatened sanctions against', '130'],
  SANCTION: ['imposed sanctions on', '163'],
  PROTEST: ['protested against', '140'],
  MOBILIZE: ['put troops on alert near', '150'],
  COERCE: ['expelled diplomats of', '170'],
  ASSAULT: ['shelled positions of', '190'],
};
const PAIR: [string, string][] = [
  ['PAK', 'Pakistan'],
  ['AZE', 'Azerbaijan'],
];
const OTHERS: [string, string][] = [
  ['TUR', 'Turkey'],
  ['ARM', 'Armenia'],
  ['IRN', 'Iran'],
  ['CHN', 'China'],
];

/**
 * Stores generated one-event sentences in documents of up to 50 until the default pair has `n`
 * events (mentions of the same event merge, as in real text); one sentence in ten is about
 * another pair, so the store holds more.
 */
export function fillWithEvents(db: Db, n: number, seed = 1): number {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let stored = 0;
  let i = 0;
  for (let d = 0; stored < n; d++) {
    let text = `Relations digest ${d + 1}\n\n`;
    const events: ExtractedEvent[] = [];
    const sentences: { start: number; end: number }[] = [];
    for (const end = i + Math.max(1, Math.min(50, Math.ceil((n - stored) * 1.1))); i < end; i++) {
      const type = pick(PLOVER_TYPES);
      const [src, tgt] =
        rand() < 0.9
          ? rand() < 0.5
            ? [PAIR[0]!, PAIR[1]!]
            : [PAIR[1]!, PAIR[0]!]
          : [pick(PAIR), pick(OTHERS)];
      const year = 1950 + Math.floor(rand() * 75);
      const month = Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      const r = rand();
      // Mixed precision as real text has it: days, months, years, and some undated.
      const [when, date] =
        r < 0.55
          ? [
              `On ${MONTHS[month]} ${day}, ${year}`,
              `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            ]
          : r < 0.75
            ? [`In ${MONTHS[month]} ${year}`, `${year}-${String(month + 1).padStart(2, '0')}`]
            : r < 0.95
              ? [`In ${year}`, String(year)]
              : ['Once again', null];
      const sentence = `${when}, ${src[1]} ${PHRASE[type][0]} ${tgt[1]} (report ${i}).`;
      const start = text.length;
      text += `${sentence} `;
      const evidence = { start, end: start + sentence.length, text: sentence };
      sentences.push({ start, end: evidence.end });
      events.push({
        id: `e${i}`,
        type,
        mode: null,
        cameo: PHRASE[type][1],
        date,
        source: { code: src[0], text: src[1] },
        target: { code: tgt[0], text: tgt[1] },
        actors: [src[0], tgt[0]],
        evidence,
        confidence: 0.8,
      });
    }
    const doc = {
      id: documentId(text),
      title: `Relations digest ${d + 1}`,
      date: '2024-06-01',
      format: 'txt' as const,
      path: null,
      url: null,
      kind: 'text' as const,
      length: text.length,
      text,
      addedAt: new Date().toISOString(),
    };
    storeDocument(
      db,
      doc,
      {
        document: { title: doc.title, date: doc.date, length: text.length },
        events,
        prospects: [],
        figures: [],
        stances: [],
        diagnostics: [],
      },
      sentences,
    );
    stored = countEvents(db, { a: PAIR[0]![0], b: PAIR[1]![0] });
  }
  return stored;
}

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds the timeline's redraw takes inside a frame, over zoom steps by keyboard. */
async function zoomFrames(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  const times = await page.evaluate(async () => {
    const stage = document.querySelector('.timeline-stage')!;
    const out: number[] = [];
    for (let i = 0; i < 30; i++) {
      stage.dispatchEvent(
        new KeyboardEvent('keydown', { key: i % 6 < 3 ? '+' : '-', bubbles: true }),
      );
      // The timeline's frame callback was queued first, so this one runs right after its redraw.
      out.push(
        await new Promise<number>((r) =>
          requestAnimationFrame((frameStart) => r(performance.now() - frameStart)),
        ),
      );
    }
    return out;
  });
  await context.close();
  return times;
}

/** Bytes of every page of the default view's timeline as the page asks for it, and a revalidation of its first page. */
async function timelineBytes(
  base: string,
): Promise<{ bytes: number; pages: number; notModified: string }> {
  let bytes = 0;
  let pages = 0;
  let cursor = '';
  let etag = '';
  for (;;) {
    const res = await fetch(
      new URL(`/api/timeline?a=PAK&b=AZE&limit=10000${cursor ? `&cursor=${cursor}` : ''}`, base),
    );
    const body = await res.text();
    if (!pages) etag = res.headers.get('etag') ?? '';
    bytes += body.length;
    pages++;
    const next = (JSON.parse(body) as { next: string | null }).next;
    if (!next) break;
    cursor = next;
  }
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const res = await fetch(new URL('/api/timeline?a=PAK&b=AZE&limit=10000', base), {
      headers: { 'if-none-match': etag },
    });
    await res.arrayBuffer();
    times.push(performance.now() - t);
    status = res.status;
  }
  return {
    bytes,
    pages,
    notModified: `${status}, median ${median(times).toFixed(1)} ms (5 requests)`,
  };
}

/**
 * The server's cost of the whole pair in the full form (every event with its sources, what
 * /api/timeline sent before it was compact; `ties timeline --json` still prints it) against the
 * compact one, both with JSON.stringify, in this process: the same load for both.
 */
async function serverForm(db: Db, n: number): Promise<string> {
  const { compactTimeline, timeline } = await import('../src/services/events.service.ts');
  const run = (f: () => unknown) => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      bytes = JSON.stringify(f()).length;
      times.push(performance.now() - t);
    }
    return { ms: median(times), mb: bytes / 1048576 };
  };
  const full = run(() => timeline(db, { a: 'PAK', b: 'AZE' }));
  const compact = run(() => compactTimeline(db, { a: 'PAK', b: 'AZE' }, 10_000, null));
  return (
    `server side, ${n.toLocaleString('en')} events: full form ${full.ms.toFixed(0)} ms (${full.mb.toFixed(2)} MB), ` +
    `compact ${compact.ms.toFixed(0)} ms (${compact.mb.toFixed(2)} MB), median of 5 in one process`
  );
}

interface Run {
  /** Navigation start to the `ties:first-render` mark. */
  render: number;
  /** Request start to last byte of /api/timeline, as the browser saw it. */
  api: number;
  /** Last byte of /api/timeline to the mark: JSON parsing, filtering, list and canvas. */
  page: number;
}

async function firstRenders(
  browser: Browser,
  url: string,
  runs: number,
): Promise<{ runs: Run[]; events: number }> {
  const out: Run[] = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    // A fresh context per run: no HTTP cache, as a first visit.
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    out.push(
      await page.evaluate(() => {
        const render = performance.getEntriesByName('ties:first-render')[0]!.startTime;
        // The timeline's pages (10,000 events each, as the page asks), first request to last byte.
        const pages = performance
          .getEntriesByType('resource')
          .filter((r) => r.name.includes('/api/timeline')) as PerformanceResourceTiming[];
        const end = Math.max(...pages.map((t) => t.responseEnd));
        return {
          render,
          api: end - Math.min(...pages.map((t) => t.startTime)),
          page: render - end,
        };
      }),
    );
    events = await page.evaluate(() => {
      const m = /\((?:\d+ of )?(\d+)\)/.exec(
        document.getElementById('events-heading')?.textContent ?? '',
      );
      return Number(m?.[1] ?? 0);
    });
    await context.close();
  }
  return { runs: out, events };
}

/** `npm run bench web`. */
export const webBenchmark: Benchmark = {
  name: 'web',
  async run() {
    // Imported here so `npm run bench other` does not load the HTTP app and Vite.
    const { launchChromium, startExplorer } = await import('../tests/e2e/explorer-harness.ts');
    const lines: string[] = [];
    const browser = await launchChromium();
    try {
      const serverForms: string[] = [];
      const results: {
        n: number;
        runs: Run[];
        events: number;
        bytes: number;
        pages: number;
        notModified: string;
        frames: number[];
      }[] = [];
      for (const n of [100, 10_000]) {
        const app = await startExplorer((db) => fillWithEvents(db, n));
        try {
          const { bytes, pages, notModified } = await timelineBytes(app.url);
          serverForms.push(await serverForm(app.db, n));
          // One warm-up visit so both sizes pay Chromium's and the server's start-up the same.
          await firstRenders(browser, app.url, 1);
          const r = await firstRenders(browser, app.url, RUNS);
          results.push({
            n,
            ...r,
            bytes,
            pages,
            notModified,
            frames: await zoomFrames(browser, app.url),
          });
        } finally {
          await app.close();
        }
      }
      const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
      lines.push(...serverForms);
      for (const r of results) {
        const render = r.runs.map((x) => x.render);
        lines.push(
          `first render with ${r.events.toLocaleString('en')} events in the default view: median ${ms(render)} (min ${Math.min(...render).toFixed(0)}, max ${Math.max(...render).toFixed(0)}, ${RUNS} runs); ` +
            `of which /api/timeline ${ms(r.runs.map((x) => x.api))} (${(r.bytes / 1048576).toFixed(2)} MB in ${r.pages} ${r.pages === 1 ? 'page' : 'pages'}), page work after it ${ms(r.runs.map((x) => x.page))}`,
        );
        lines.push(
          `/api/timeline with ${r.events.toLocaleString('en')} events revalidated with its ETag (store unchanged): ${r.notModified}`,
        );
        const sorted = [...r.frames].sort((a, b) => a - b);
        lines.push(
          `zoom redraw with ${r.events.toLocaleString('en')} events: median ${median(r.frames).toFixed(1)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(1)} ms a frame (30 keyboard zoom steps; a 60 Hz frame is 16.7 ms)`,
        );
      }
      const [small, big] = results;
      if (small && big) {
        const m = median(big.runs.map((x) => x.render));
        lines.push(
          `10,000 vs 100 events: ${(m / median(small.runs.map((x) => x.render))).toFixed(1)}× the time (page work ${(median(big.runs.map((x) => x.page)) / median(small.runs.map((x) => x.page))).toFixed(1)}×); target < 1000 ms: ${m < 1000 ? 'met' : 'NOT met'}`,
        );
      }
    } finally {
      await browser.close();
    }
    return lines;
  },
};

// The store's costs, each next to a baseline from the same run: ingest throughput against the
// extractor alone (the store's share of ingest time), database size per event, and the pair
// timeline's latency at 1,000,000 events against a full scan.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PLOVER_TYPES } from '../src/extract/types.ts';
import { quadClass } from '../src/codes/plover.ts';
import { extract } from '../src/extract/index.ts';
import { ingestDocument, ingestPaths } from '../src/services/ingest.service.ts';
import { ExtractPool, extractForStore } from '../src/services/workers/extract-pool.ts';
import { toTimelineEvents } from '../src/services/events.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';
import {
  bulkInsertEvents,
  countEvents,
  queryEvents,
  sortedPair,
  type EventFields,
} from '../src/store/events.repo.ts';
import { type Benchmark, MONTHS } from './benchmark.ts';

const DOCS = 10_000;
const DENSE_DOCS = 3_000;
const EVENTS = 1_000_000;
const QUERIES = 500;

// A deterministic generator, so runs compare.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names the generator writes (the extractor has to find them); codes for the synthetic events.
const COUNTRIES = [
  'Azerbaijan',
  'Pakistan',
  'Turkey',
  'India',
  'China',
  'Russia',
  'Iran',
  'Armenia',
  'Georgia',
  'Germany',
  'France',
  'Japan',
  'Brazil',
  'Egypt',
  'Nigeria',
  'Kenya',
  'Mexico',
  'Canada',
  'Italy',
  'Spain',
  'Poland',
  'Ukraine',
  'Kazakhstan',
  'Uzbekistan',
  'Saudi Arabia',
  'Israel',
  'Jordan',
  'Indonesia',
  'Vietnam',
  'Australia',
];
export const CODES = [
  'AZE',
  'PAK',
  'TUR',
  'IND',
  'CHN',
  'RUS',
  'IRN',
  'ARM',
  'GEO',
  'DEU',
  'FRA',
  'JPN',
  'BRA',
  'EGY',
  'NGA',
  'KEN',
  'MEX',
  'CAN',
  'ITA',
  'ESP',
  'POL',
  'UKR',
  'KAZ',
  'UZB',
  'SAU',
  'ISR',
  'JOR',
  'IDN',
  'VNM',
  'AUS',
  'ARG',
  'CHL',
  'PER',
  'COL',
  'VEN',
  'ZAF',
  'ETH',
  'MAR',
  'DZA',
  'TUN',
  'GRC',
  'BGR',
  'ROU',
  'HUN',
  'SRB',
  'HRV',
  'SWE',
  'NOR',
  'FIN',
  'DNK',
  'NLD',
  'BEL',
  'PRT',
  'IRL',
  'GBR',
  'USA',
  'KOR',
  'PRK',
  'THA',
  'MYS',
  'PHL',
  'SGP',
  'BGD',
  'LKA',
  'NPL',
  'AFG',
  'IRQ',
  'SYR',
  'LBN',
  'QAT',
  'ARE',
  'KWT',
  'OMN',
  'YEM',
  'SDN',
  'UN',
  'EU',
  'NATO',
  'OIC',
  'SCO',
];
const SENTENCES = [
  '{A} and {B} signed an agreement on energy cooperation on {D}.',
  'The foreign minister of {A} visited {B} in {M}.',
  '{A} accused {B} of violating the ceasefire on {D}.',
  '{A} recognized the independence of {B} in {Y}.',
  'Officials from {A} met their counterparts from {B} in {M} to discuss trade.',
  '{A} imposed sanctions on {B} in {Y}.',
  'Troops of {A} and {B} held a joint military exercise in {M}.',
  '{A} sent humanitarian aid to {B} after the earthquake on {D}.',
  '{A} condemned the attack and demanded that {B} withdraw its forces.',
  'Trade between {A} and {B} grew by 12 percent in {Y}.',
];
// Background a news story carries between its facts; no events in them.
const CONTEXT = [
  'Analysts said the move reflected a broader shift in the region.',
  'The statement was published on the ministry website late in the evening.',
  'Officials did not say how long the talks would last.',
  'Markets in the capital were calm after the announcement.',
  'The relationship has been the subject of debate among scholars for many years.',
  'Local newspapers gave the story prominent coverage the next morning.',
  'A spokesperson declined to comment further on the details.',
  'Observers noted that the wording of the communique was unusually warm.',
];

/**
 * `n` news-like documents from templates with random countries, dates and verbs
 * (deterministic); `context` background sentences follow each event sentence (0: dense).
 */
export function generateDocuments(n: number, context = 2): { text: string; date: string }[] {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const docs: { text: string; date: string }[] = [];
  for (let i = 0; i < n; i++) {
    const lines: string[] = [`Relations report ${i}`, ''];
    const count = 3 + Math.floor(r() * 4);
    for (let j = 0; j < count; j++) {
      const a = pick(COUNTRIES);
      let b = pick(COUNTRIES);
      while (b === a) b = pick(COUNTRIES);
      const y = 1950 + Math.floor(r() * 74);
      const m = pick(MONTHS);
      lines.push(
        pick(SENTENCES)
          .replace('{A}', a)
          .replace('{B}', b)
          .replace('{D}', `${m} ${1 + Math.floor(r() * 28)}, ${y}`)
          .replace('{M}', `${m} ${y}`)
          .replace('{Y}', String(y)),
      );
      for (let k = 0; k < context; k++) lines[lines.length - 1] += ` ${pick(CONTEXT)}`;
      if (context) lines.push('');
    }
    docs.push({ text: lines.join('\n'), date: '2024-05-01' });
  }
  return docs;
}

/** `n` synthetic events between random actors with dates at mixed precision (deterministic). */
export function syntheticEvents(n: number): Iterable<EventFields> {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < n; i++) {
        const source = pick(CODES);
        let target = pick(CODES);
        while (target === source) target = pick(CODES);
        const type = pick(PLOVER_TYPES);
        const y = 1950 + Math.floor(r() * 75);
        const p = r();
        let date: string | null = null;
        let first: string | null = null;
        let last: string | null = null;
        const mm = String(1 + Math.floor(r() * 12)).padStart(2, '0');
        const dd = String(1 + Math.floor(r() * 28)).padStart(2, '0');
        if (p < 0.5)
          [date, first, last] = [`${y}-${mm}-${dd}`, `${y}-${mm}-${dd}`, `${y}-${mm}-${dd}`];
        else if (p < 0.75) [date, first, last] = [`${y}-${mm}`, `${y}-${mm}-01`, `${y}-${mm}-28`];
        else if (p < 0.95) [date, first, last] = [String(y), `${y}-01-01`, `${y}-12-31`];
        yield {
          type,
          mode: null,
          cameo: '010',
          quad: quadClass(type),
          date,
          dateFirst: first,
          dateLast: last,
          source,
          sourceText: source,
          target,
          targetText: target,
          actors: [source, target],
          negated: false,
          confidence: 0.8,
        };
      }
    },
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

function fileSize(db: Db, file: string): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(file).size;
}

async function ingestBench(dir: string, n: number, context: number): Promise<string[]> {
  const docs = generateDocuments(n, context);
  const DOCS = n;
  const mb = docs.reduce((n, d) => n + d.text.length, 0) / 1e6;

  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let t = performance.now();
  let c = cpu();
  let found = 0;
  for (const d of docs) found += extract({ text: d.text, date: d.date }).events.length;
  const extractMs = performance.now() - t;
  const extractCpu = cpu() - c;
  // What ingest's extraction does for the store, in a thread (--jobs 1) or here (--jobs 0): the
  // extractor, the claims, and the wording of each event's clause, which the store writes.
  t = performance.now();
  c = cpu();
  for (const d of docs) extractForStore({ text: d.text, title: null, date: d.date });
  const forStoreMs = performance.now() - t;
  const forStoreCpu = cpu() - c;

  // CPU time as well as wall time: on a shared machine the wall clock also counts other work.
  const share = (total: number, base: number) =>
    `${((Math.max(0, total - base) / total) * 100).toFixed(1)}%`;
  const lines = [
    `${context ? `news-like (${context} background sentences per event sentence)` : 'event-dense (every sentence an event)'}: generated ${DOCS} documents (${mb.toFixed(1)} MB), ${found} event mentions extracted`,
    `extractor alone (baseline): ${(DOCS / (extractMs / 1000)).toFixed(0)} documents/s (${ms(extractMs)} wall, ${ms(extractCpu)} CPU)`,
    `extraction for the store (extractor, claims, clause wording: what an extraction thread runs): ${(DOCS / (forStoreMs / 1000)).toFixed(0)} documents/s (${ms(forStoreMs)} wall, ${ms(forStoreCpu)} CPU)`,
  ];
  // One transaction per document is what POST /api/documents does; `ties ingest` reads files and
  // stores many per transaction (ingestPaths), extracting in this thread (--jobs 0) or in a worker
  // thread beside it (--jobs 1, the default on a 2-core machine).
  const folder = join(dir, `docs-${context}`);
  mkdirSync(folder);
  docs.forEach((d, i) =>
    writeFileSync(join(folder, `doc-${String(i).padStart(5, '0')}.txt`), d.text),
  );
  // The baseline of --jobs 1: the same reading and extraction in a worker thread, storing nothing.
  t = performance.now();
  c = cpu();
  const extracted = await readAndExtract(folder);
  const pipelineMs = performance.now() - t;
  const pipelineCpu = cpu() - c;
  if (extracted !== DOCS) throw new Error(`the pipeline extracted ${extracted} of ${DOCS}`);
  for (const how of ['single', 'jobs 0', 'jobs 1'] as const) {
    const file = join(dir, `ingest-${context}-${how.replace(' ', '')}.db`);
    const db = openDatabase(file);
    t = performance.now();
    c = cpu();
    let stored = 0;
    if (how === 'single') {
      for (const d of docs) stored += ingestDocument(db, { text: d.text, date: d.date }).events;
    } else {
      const summary = await ingestPaths(db, [folder], {
        date: '2024-05-01',
        workers: how === 'jobs 0' ? 0 : 1,
      });
      if (summary.failed.length || summary.added !== DOCS)
        throw new Error(`ingest stored ${summary.added} of ${DOCS}: ${summary.failed[0]?.reason}`);
      stored = summary.events;
    }
    const ingestMs = performance.now() - t;
    const ingestCpu = cpu() - c;
    const events = countEvents(db);
    const size = fileSize(db, file);
    db.close();
    const rate = `${(DOCS / (ingestMs / 1000)).toFixed(0)} documents/s (${ms(ingestMs)} wall, ${ms(ingestCpu)} CPU)`;
    if (how === 'single') {
      lines.push(
        `ingest one transaction per document (POST /api/documents): ${rate}`,
        `  store share of ingest: ${share(ingestMs, extractMs)} wall, ${share(ingestCpu, extractCpu)} CPU`,
      );
    } else if (how === 'jobs 0') {
      lines.push(
        `ties ingest FOLDER --jobs 0 (read, extract and store in one thread, up to 512 documents per transaction): ${rate}`,
        `  store share of ingest (the rest of ingest once the extractor's time is taken out; includes reading, hashing and the merge decision): ${share(ingestMs, extractMs)} wall, ${share(ingestCpu, extractCpu)} CPU (target < 20%)`,
        `  the same once the extraction for the store is taken out (as the --jobs 1 baseline does): ${share(ingestMs, forStoreMs)} wall, ${share(ingestCpu, forStoreCpu)} CPU`,
        `database: ${(size / 1e6).toFixed(1)} MB for ${DOCS} documents, ${stored} mentions, ${events} merged events: ${events ? (size / events).toFixed(0) : '-'} bytes per event (text and FTS included)`,
      );
    } else {
      lines.push(
        `baseline of --jobs 1: read files and extract them in a worker thread, store nothing: ${(DOCS / (pipelineMs / 1000)).toFixed(0)} documents/s (${ms(pipelineMs)} wall, ${ms(pipelineCpu)} CPU)`,
        `ties ingest FOLDER --jobs 1 (extraction in a worker thread while this one reads and stores): ${rate}`,
        `  store share of ingest wall time (what storing adds to the same pipeline): ${share(ingestMs, pipelineMs)} (target < 20%); ${(ingestMs / extractMs).toFixed(2)}× the extractor alone in one thread`,
      );
    }
  }
  return lines;
}

/** Reads every file of `folder` and extracts it in one worker thread, as `ties ingest --jobs 1` does, storing nothing; returns how many. */
async function readAndExtract(folder: string): Promise<number> {
  const pool = new ExtractPool(1);
  try {
    // As ingestPaths: a bounded window of documents ahead, taken in file order.
    const ahead: Promise<unknown>[] = [];
    let done = 0;
    for (const name of readdirSync(folder).sort()) {
      ahead.push(
        pool.run({
          text: readFileSync(join(folder, name), 'utf8'),
          title: null,
          date: '2024-05-01',
        }),
      );
      while (ahead.length >= 1024) {
        await ahead.shift();
        done++;
      }
    }
    for (const a of ahead) {
      await a;
      done++;
    }
    return done;
  } finally {
    await pool.close();
  }
}

function timelineBench(dir: string): string[] {
  const file = join(dir, 'timeline.db');
  const db = openDatabase(file);
  let t = performance.now();
  bulkInsertEvents(db, syntheticEvents(EVENTS));
  const insertMs = performance.now() - t;
  const size = fileSize(db, file);
  db.pragma('optimize');

  const r = rng(99);
  const pairs: [string, string][] = [];
  for (let i = 0; i < QUERIES; i++) {
    const a = CODES[Math.floor(r() * CODES.length)] as string;
    let b = CODES[Math.floor(r() * CODES.length)] as string;
    while (b === a) b = CODES[Math.floor(r() * CODES.length)] as string;
    pairs.push(sortedPair(a, b) as [string, string]);
  }
  // Warm the page cache the way a running server would be.
  for (const [a, b] of pairs.slice(0, 20)) queryEvents(db, { a, b });

  const query: number[] = [];
  const service: number[] = [];
  let rows = 0;
  for (const [a, b] of pairs) {
    t = performance.now();
    const found = queryEvents(db, { a, b });
    query.push(performance.now() - t);
    rows += found.length;
    t = performance.now();
    toTimelineEvents(db, queryEvents(db, { a, b }));
    service.push(performance.now() - t);
  }
  const scan: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    db.prepare('SELECT count(*) FROM events').pluck().get();
    scan.push(performance.now() - t);
  }
  const fullScan: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    db.prepare('SELECT count(*) FROM events WHERE confidence > 0').pluck().get();
    fullScan.push(performance.now() - t);
  }
  db.close();
  return [
    `bulk insert of ${EVENTS} synthetic events (${CODES.length} actors): ${ms(insertMs)} (${((EVENTS / insertMs) * 1000).toFixed(0)} events/s), ${(size / EVENTS).toFixed(0)} bytes per event`,
    `pair timeline at ${EVENTS} events (${QUERIES} random pairs, ${(rows / QUERIES).toFixed(0)} events each): p50 ${ms(quantile(query, 0.5))}, p95 ${ms(quantile(query, 0.95))} (target p95 < 5 ms)`,
    `  with sources and names (the API's TimelineEvent): p50 ${ms(quantile(service, 0.5))}, p95 ${ms(quantile(service, 0.95))}`,
    `baseline SELECT count(*) FROM events: p50 ${ms(quantile(scan, 0.5))}; a real row scan (WHERE confidence > 0): ${ms(quantile(fullScan, 0.5))}`,
  ];
}

/** `npm run bench store`. */
export const storeBenchmark: Benchmark = {
  name: 'store',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'ties-bench-'));
    try {
      const started = performance.now();
      const lines = [
        ...timelineBench(dir),
        ...(await ingestBench(dir, DOCS, 2)),
        ...(await ingestBench(dir, DENSE_DOCS, 0)),
      ];
      lines.push(`whole benchmark: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return lines;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

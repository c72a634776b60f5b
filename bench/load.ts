// The server under load (issue 15): `ties serve` in its own process on loopback over a store of
// 10,000 generated documents; autocannon (in its own process) sends /api/timeline, the compact
// first page of the pair the page opens, on 500 connections for 20 s, while this process times
// /api/health and one POST. Then /api/conflicts' first page is timed after POSTs. The documents
// are stored through the real persist service with generated extractions (bench/store.ts times
// the extractor); each is stored whole, conflicts included, as ingest stores it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  PLOVER_TYPES,
  type Extraction,
  type ExtractedEvent,
  type PloverType,
} from '../src/extract/types.ts';
import {
  documentId,
  storeDocuments,
  type DocumentToStore,
} from '../src/services/persist.service.ts';
import { openDatabase } from '../src/store/db.ts';
import { type Benchmark, MONTHS, rng } from './benchmark.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DOCUMENTS = 10_000;
const CONNECTIONS = 500;
const SECONDS = 20;

const COUNTRIES: [string, string][] = [
  ['AZE', 'Azerbaijan'],
  ['PAK', 'Pakistan'],
  ['TUR', 'Turkey'],
  ['ARM', 'Armenia'],
  ['IRN', 'Iran'],
  ['CHN', 'China'],
  ['IND', 'India'],
  ['RUS', 'Russia'],
];
const VERB: Partial<Record<PloverType, string>> = {
  AGREE: 'signed an agreement with',
  CONSULT: 'held talks with',
  SUPPORT: 'voiced support for',
  COOPERATE: 'launched a joint project with',
  AID: 'sent humanitarian aid to',
  ACCUSE: 'accused',
  SANCTION: 'imposed sanctions on',
  PROTEST: 'protested against',
};
const TYPES = PLOVER_TYPES.filter((t) => VERB[t]);

interface Fact {
  type: PloverType;
  a: [string, string];
  b: [string, string];
  year: number;
  month: number;
  day: number;
}

/**
 * `n` documents of three dated one-event sentences; a third are about Azerbaijan and Pakistan
 * (the page's default pair). One document in twenty restates an earlier event a day later: the
 * merge keeps one event, and its sources disagree on the date (a conflict).
 */
export function generateForLoad(n: number): DocumentToStore[] {
  const rand = rng(15);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const facts: Fact[] = [];
  const out: DocumentToStore[] = [];
  for (let d = 0; d < n; d++) {
    const chosen: Fact[] = [];
    for (let s = 0; s < 3; s++) {
      if (d % 20 === 19 && s === 0 && facts.length) {
        const f = pick(facts);
        chosen.push({ ...f, day: f.day === 28 ? 27 : f.day + 1 });
        continue;
      }
      const main = rand() < 0.33;
      const a = main ? COUNTRIES[0]! : pick(COUNTRIES);
      let b = main ? COUNTRIES[1]! : pick(COUNTRIES);
      while (b === a) b = pick(COUNTRIES);
      const f: Fact = {
        type: pick(TYPES),
        a,
        b,
        year: 1991 + Math.floor(rand() * 34),
        month: Math.floor(rand() * 12),
        day: 1 + Math.floor(rand() * 28),
      };
      facts.push(f);
      chosen.push(f);
    }
    let text = `Report ${d}.\n\n`;
    const events: ExtractedEvent[] = chosen.map((f, i) => {
      const sentence = `On ${f.day} ${MONTHS[f.month]} ${f.year}, ${f.a[1]} ${VERB[f.type]} ${f.b[1]}.`;
      const start = text.length;
      text += `${sentence} `;
      const date = `${f.year}-${String(f.month + 1).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
      return {
        id: `e${i + 1}`,
        type: f.type,
        mode: null,
        cameo: '0',
        date,
        source: { code: f.a[0], text: f.a[1] },
        target: { code: f.b[0], text: f.b[1] },
        actors: [f.a[0], f.b[0]],
        evidence: { start, end: start + sentence.length, text: sentence },
        confidence: 0.8,
      };
    });
    text = text.trimEnd();
    const extraction: Extraction = {
      document: { title: `Report ${d}`, date: null, length: text.length },
      events,
      prospects: [],
      figures: [],
      stances: [],
      diagnostics: [],
    };
    out.push({
      doc: {
        id: documentId(text),
        title: `Report ${d}`,
        date: null,
        format: 'txt',
        path: null,
        url: null,
        kind: 'text',
        length: text.length,
        text,
        addedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, d)).toISOString(),
      },
      extraction,
      sentences: [
        { start: 0, end: `Report ${d}.`.length },
        ...events.map((e) => ({ start: e.evidence.start, end: e.evidence.end })),
      ],
      claims: { ordinals: [], durations: [], periodStarts: [], subjects: [] },
    });
  }
  return out;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timed(
  url: string,
  init?: RequestInit,
): Promise<{ ms: number; status: number; body: string }> {
  const t = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { ms: performance.now() - t, status: res.status, body };
}

function startServe(db: string, loopFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(ROOT, 'bench', 'loop-delay.mjs')).href,
      join(ROOT, 'bin', 'ties.js'),
      'serve',
      '--db',
      db,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TIES_BENCH_LOOP_DELAY: loopFile },
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`ties serve did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`ties serve exited ${code}: ${out}`)));
  });
}

// autocannon in its own process, so that its 500 connections do not share an event loop with
// the probes; its JSON summary is read from stdout.
/** What this bench reads of autocannon's JSON summary. */
interface LoadResult {
  requests: { total: number; average: number };
  latency: Record<string, number>;
  errors: number;
  timeouts: number;
  non2xx: number;
}

function autocannon(url: string): Promise<LoadResult> {
  const bin = join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  const child = spawn(
    process.execPath,
    [bin, '-c', String(CONNECTIONS), '-d', String(SECONDS), '-t', '10', '-j', url],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', () =>
      out
        ? resolve(JSON.parse(out) as LoadResult)
        : reject(new Error('autocannon printed nothing')),
    ),
  );
}

/** The event loop's delay in the server since the last call (bench/loop-delay.mjs). */
async function loopDelay(
  child: ChildProcess,
  file: string,
): Promise<{ p50: number; p99: number; max: number }> {
  const lines = () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0);
  const before = lines();
  child.kill('SIGUSR2');
  for (let i = 0; i < 200 && lines() === before; i++) await new Promise((r) => setTimeout(r, 25));
  const last = readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)!;
  return JSON.parse(last) as { p50: number; p99: number; max: number };
}

// CPU time of a process (all its threads) in ms, from /proc.
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/**
 * Resolves once the process has used under 4% of a core for a quarter of a second (at most 30
 * s): a server that has finished starting, its extraction thread warm.
 */
async function settled(pid: number): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, 250));
    if (cpuMs(pid) - before < 10) return;
  }
}

const peakRss = (pid: number) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? `${Math.round(Number(m[1]) / 1024)} MB` : 'unknown';
};

const postJson = (url: string, text: string) =>
  timed(`${url}api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, date: '2025-01-01' }),
  });

/** The load section of `npm run bench` (`npm run bench load`). */
export const loadBenchmark: Benchmark = {
  name: 'load',
  async run() {
    const lines: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'ties-load-'));
    const file = join(dir, 'ties.db');
    let child: ChildProcess | null = null;
    try {
      const docs = generateForLoad(DOCUMENTS);
      const db = openDatabase(file);
      const t = performance.now();
      for (let i = 0; i < docs.length; i += 250) storeDocuments(db, docs.slice(i, i + 250));
      const fill = performance.now() - t;
      const counts = db
        .prepare(
          `SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM events) e, (SELECT count(*) FROM conflicts) c`,
        )
        .get() as { d: number; e: number; c: number };
      db.close();
      lines.push(
        `store: ${counts.d} documents, ${counts.e} events, ${counts.c} conflicts, stored with conflicts in ${(fill / 1000).toFixed(1)} s (${(fill / counts.d).toFixed(2)} ms a document)`,
      );

      const loopFile = join(dir, 'loop-delay.jsonl');
      const served = await startServe(file, loopFile);
      child = served.child;
      const url = served.url;
      const timelineUrl = `${url}api/timeline?a=AZE&b=PAK`;
      const page = await timed(timelineUrl);
      lines.push(
        `/api/timeline?a=AZE&b=PAK first page: ${page.status}, ${(page.body.length / 1024).toFixed(0)} KB, ${ms(page.ms)} alone`,
      );
      await settled(child.pid!);
      const idle: number[] = [];
      for (let i = 0; i < 50; i++) idle.push((await timed(`${url}api/health`)).ms);

      // The load, and beside it: /api/health every 50 ms, one POST after 10 s.
      await loopDelay(child, loopFile);
      const cpuBefore = cpuMs(child.pid!);
      const load = autocannon(timelineUrl);
      const health: number[] = [];
      let healthFailed = 0;
      let loading = true;
      const probe = (async () => {
        while (loading) {
          const r = await timed(`${url}api/health`).catch(() => null);
          if (r && r.status === 200) health.push(r.ms);
          else healthFailed++;
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      await new Promise((r) => setTimeout(r, (SECONDS / 2) * 1000));
      const posted = await postJson(
        url,
        'On 3 March 2015, Azerbaijan and Pakistan signed a defence agreement in Baku during the load test.',
      );
      const id = (JSON.parse(posted.body) as { document?: { id: string } }).document?.id;
      const stored = id ? (await timed(`${url}api/documents/${id}`)).status === 200 : false;
      const result = await load;
      const cpu = cpuMs(child.pid!) - cpuBefore;
      const loop = await loopDelay(child, loopFile);
      loading = false;
      await probe;
      const l = result.latency;
      lines.push(
        `/api/timeline at ${CONNECTIONS} connections for ${SECONDS} s: ${result.requests.total} requests (${Math.round(result.requests.average)}/s), ` +
          `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx; latency p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms (target: 0 errors, 0 timeouts, p99 < 500 ms)`,
      );
      lines.push(
        `/api/health during the load: ${health.length} answers, ${healthFailed} failed; p50 ${ms(quantile(health, 0.5))}, p99 ${ms(quantile(health, 0.99))} (target p99 < 50 ms; idle p99 ${ms(quantile(idle, 0.99))})`,
      );
      lines.push(
        `the server's event loop during the load: delay p50 ${ms(loop.p50)}, p99 ${ms(loop.p99)}, max ${ms(loop.max)}; ` +
          `server CPU ${Math.round((cpu * 1000) / result.requests.total)} µs a timeline request (all its threads, the POST included)`,
      );
      lines.push(
        `a POST during the load: ${posted.status} in ${ms(posted.ms)}, ${stored ? 'stored' : 'NOT stored'} (target: stored within 2 s)`,
      );

      // Conflicts' first page after POSTs: each POST restates a stored event with another date.
      const afterPost: number[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await postJson(
          url,
          `On ${1 + (i % 27)} June ${1995 + i}, Azerbaijan signed an agreement with Pakistan. Note ${i}.`,
        );
        if (r.status !== 201) lines.push(`POST ${i}: ${r.status} ${r.body.slice(0, 200)}`);
        afterPost.push((await timed(`${url}api/conflicts?a=AZE&b=PAK&limit=50`)).ms);
      }
      const repeated: number[] = [];
      for (let i = 0; i < 200; i++) repeated.push((await timed(`${url}api/conflicts?limit=50`)).ms);
      const first = await timed(`${url}api/conflicts?limit=50`);
      const total = (JSON.parse(first.body) as { total: number }).total;
      lines.push(
        `/api/conflicts first page (50 of ${total}): p95 ${ms(quantile(afterPost, 0.95))} right after each of 20 POSTs, ` +
          `p95 ${ms(quantile(repeated, 0.95))} over 200 reads (target p95 < 50 ms), ${(first.body.length / 1024).toFixed(0)} KB`,
      );
      lines.push(`server peak RSS: ${peakRss(child.pid!)}`);
      return lines;
    } finally {
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child!.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

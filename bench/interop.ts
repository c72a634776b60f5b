// Interop costs on the real GDELT 2.0 export (repeated with fresh ids and URLs to a measurable
// size), each next to a baseline from the same run: plain line-and-tab splitting of the same bytes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { zipSync } from 'fflate';
import { parseGdelt } from '../src/interop/gdelt.ts';
import { exportView, EXPORT_FORMATS } from '../src/interop/export.service.ts';
import { importGdelt } from '../src/interop/import.service.ts';
import { readZip } from '../src/interop/zip.ts';
import { openDatabase } from '../src/store/db.ts';
import type { Benchmark } from './benchmark.ts';

const SOURCE = new URL('../../shared/data/gdelt/gdelt2_20150218230000.export.tsv', import.meta.url);
const COPIES = 10;

// Each copy gets new event ids and URLs, so its rows are new documents that merge into the
// events of earlier copies, as GDELT's next 15-minute file does.
function repeated(text: string, copies: number): string {
  const lines = text.split('\n').filter(Boolean);
  const out: string[] = [];
  for (let k = 0; k < copies; k++) {
    for (const line of lines) {
      const f = line.split('\t');
      f[0] = String(Number(f[0]) + k * 10_000_000);
      if (f[60]) f[60] = `${f[60]}#copy${k}`;
      out.push(f.join('\t'));
    }
  }
  return out.join('\n') + '\n';
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, time(fn)[1]);
  return min;
}

/** `npm run bench interop`. */
export const interopBenchmark: Benchmark = {
  name: 'interop',
  shared: 'data/gdelt/gdelt2_20150218230000.export.tsv',
  async run() {
    const text = repeated(readFileSync(SOURCE, 'utf8'), COPIES);
    const bytes = Buffer.from(text);
    const rows = text.split('\n').filter(Boolean).length;
    const rate = (ms: number) => `${Math.round((rows / ms) * 1000).toLocaleString('en')} rows/s`;
    const lines: string[] = [
      `input: the GDELT 2.0 export ×${COPIES} = ${rows} rows, ${(bytes.length / 1e6).toFixed(1)} MB`,
    ];

    const split = best(5, () => {
      let n = 0;
      for (const l of bytes.toString('utf8').split('\n')) if (l) n += l.split('\t').length;
      if (!n) throw new Error('nothing split');
    });
    lines.push(`baseline: decode + split lines and tabs ${split.toFixed(0)} ms (${rate(split)})`);
    const parse = best(5, () => parseGdelt(bytes.toString('utf8')));
    lines.push(
      `parse + map to PLOVER/ISO (no store) ${parse.toFixed(0)} ms (${rate(parse)}, ${(parse / split).toFixed(1)}× baseline)`,
    );

    const zip = zipSync({ 'export.CSV': bytes });
    const unzip = best(5, () => readZip(zip));
    lines.push(
      `ZIP read + inflate, fflate (${(zip.length / 1e6).toFixed(1)} MB zipped) ${unzip.toFixed(0)} ms`,
    );

    const dir = mkdtempSync(join(tmpdir(), 'ties-bench-interop-'));
    try {
      const db = openDatabase(join(dir, 'bench.db'));
      const [summary, ms] = time(() => importGdelt(db, bytes, 'bench.tsv'));
      lines.push(
        `import into SQLite (file, WAL) ${ms.toFixed(0)} ms (${rate(ms)}, ${(ms / split).toFixed(0)}× baseline): ` +
          `${summary.imported} mentions, ${summary.newEvents} events, ${summary.documents.added} documents; ` +
          `skipped ${summary.skipped['no-plover-type']} + ${summary.skipped['no-state-actor']}, malformed ${summary.malformed.length}`,
      );
      const [again, msAgain] = time(() => importGdelt(db, bytes, 'bench.tsv'));
      lines.push(
        `re-import (all documents already stored) ${msAgain.toFixed(0)} ms, ${again.imported} imported`,
      );
      for (const format of EXPORT_FORMATS) {
        const [file, msExport] = time(() => exportView(db, format, {}));
        lines.push(
          `export ${format} of all ${file.events} events ${msExport.toFixed(0)} ms (${Math.round((file.events / msExport) * 1000).toLocaleString('en')} events/s, ${(file.text.length / 1e6).toFixed(1)} MB)`,
        );
      }
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return lines;
  },
};

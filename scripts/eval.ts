// `npm run eval`: scores the extractor with the shared scorers, on the essay and on the PLOVER
// gold sentences, and prints their lines. Reads ../shared/eval and ../shared/data (dev data,
// not shipped). Runs the extractor in-process; the output is what `ties extract` prints.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { extract, readDocument } from '../src/extract/index.ts';

const shared = resolve(import.meta.dirname, '..', '..', 'shared');
const evalDir = join(shared, 'eval');
if (!existsSync(evalDir)) {
  console.error(`npm run eval: the shared evaluation data is not at ${evalDir}`);
  process.exit(2);
}
const tmp = mkdtempSync(join(tmpdir(), 'ties-eval-'));
const verbose = process.argv.includes('--verbose');

function score(script: string, args: string[]): string {
  return execFileSync(process.execPath, [join(evalDir, script), ...args, ...(verbose ? ['--verbose'] : [])], { encoding: 'utf8' }).trim();
}

// The essay, then ties' own annotated documents in other styles (eval/NAME.* with NAME.gold.jsonl).
const ownDir = resolve(import.meta.dirname, '..', 'eval');
const ownDates = JSON.parse(readFileSync(join(ownDir, 'dates.json'), 'utf8')) as Record<string, string>;
const docs: [string, string, string | null][] = [
  [join(evalDir, 'seed-azerbaijan-pakistan.txt'), join(evalDir, 'seed.gold.jsonl'), null],
  ...readdirSync(ownDir)
    .filter((f) => /\.(txt|md|html)$/.test(f) && existsSync(join(ownDir, f.replace(/\.[a-z]+$/, '.gold.jsonl'))))
    .map((f): [string, string, string | null] => [join(ownDir, f), join(ownDir, f.replace(/\.[a-z]+$/, '.gold.jsonl')), ownDates[f] ?? null]),
];
for (const [path, goldPath, date] of docs) {
  const doc = readDocument(readFileSync(path), { name: path });
  const x = extract({ text: doc.text, title: doc.title, date });
  const pred = join(tmp, `${basename(path)}.json`);
  writeFileSync(pred, JSON.stringify(x));
  console.log(`${basename(path)}: ${score('score.mjs', ['--gold', goldPath, '--doc', path, '--pred', pred])}`);
}

// The PLOVER gold sentences: one sentence a record, scored on event types.
const gold = join(shared, 'data', 'gold', 'PLOVER_GSR_dev.json');
const input = execFileSync(process.execPath, [join(evalDir, 'score-sentences.mjs'), '--gold', gold, '--input'], { encoding: 'utf8' });
const out: string[] = [];
for (const line of input.split('\n')) {
  if (!line.trim()) continue;
  const rec = JSON.parse(line) as { id: string; text: string; date: string | null };
  const x = extract({ text: rec.text, date: rec.date?.slice(0, 10) ?? null });
  out.push(JSON.stringify({ id: rec.id, events: x.events }));
}
const pred = join(tmp, 'plover.jsonl');
writeFileSync(pred, `${out.join('\n')}\n`);
console.log(`PLOVER_GSR_dev: ${score('score-sentences.mjs', ['--gold', gold, '--pred', pred])}`);

// `npm run eval`: scores the extractor with the shared scorers, on the essay and on the PLOVER
// gold sentences, and prints their lines. Reads ../shared/eval and ../shared/data (dev data,
// not shipped). Runs the extractor in-process; the output is what `ties extract` prints.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

// The essay, and any other annotated documents beside it (NAME.txt with NAME.gold.jsonl).
const docs = [['seed-azerbaijan-pakistan.txt', 'seed.gold.jsonl']];
for (const [docName, goldName] of docs) {
  const path = join(evalDir, docName!);
  const doc = readDocument(readFileSync(path), { name: path });
  const x = extract({ text: doc.text, title: doc.title });
  const pred = join(tmp, `${docName}.json`);
  writeFileSync(pred, JSON.stringify(x));
  console.log(`${docName}: ${score('score.mjs', ['--gold', join(evalDir, goldName!), '--doc', path, '--pred', pred])}`);
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

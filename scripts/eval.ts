// `npm run eval`: scores the extractor with the shared scorers and prints one line each: the dev
// news (v01–v29, the unseen check v30–v38, all 38), the essay, ties' own eval texts and the
// PLOVER gold sentences. Reads ../shared/eval and ../shared/data (dev data, not shipped). Runs
// the extractor in-process for the essay and the sentences; the news go through `ties extract
// --jsonl` by the shared corpus scorer, as a user would run it.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { extract, readDocument } from '../src/extract/index.ts';
import { readConllu } from '../src/extract/syntax/conllu.ts';
import { reparse } from '../src/extract/syntax/reparse.ts';
import { formatUd, scoreUd } from './ud-score.ts';

const root = resolve(import.meta.dirname, '..');
const sharedLink = resolve(root, '..', 'shared');
if (!existsSync(join(sharedLink, 'eval'))) {
  const where = join(sharedLink, 'eval');
  console.error(
    `npm run eval: needs the shared evaluation data in ../shared/eval (not at ${where})`,
  );
  process.exit(2);
}
// The scorers run their main only when started by their real path (they compare
// import.meta.url with argv[1]), so a symlinked ../shared must be resolved first.
const shared = realpathSync(sharedLink);
const evalDir = join(shared, 'eval');
const tmp = mkdtempSync(join(tmpdir(), 'ties-eval-'));
const verbose = process.argv.includes('--verbose');

function score(script: string, args: string[]): string {
  const argv = [join(evalDir, script), ...args, ...(verbose ? ['--verbose'] : [])];
  return execFileSync(process.execPath, argv, { encoding: 'utf8', cwd: root }).trim();
}

// The dev news: one batch through the CLI, then micro totals over each half. v30–v38 are the
// unseen check: only their totals are printed, never their misses.
interface DocRow {
  doc: string;
  tp: number;
  fp: number;
  fn: number;
}
const news = JSON.parse(
  execFileSync(process.execPath, [join(evalDir, 'score-corpus.mjs'), '--json'], {
    encoding: 'utf8',
    cwd: root,
    maxBuffer: 1 << 28,
  }),
) as { documents: DocRow[] };
const unseen = (d: DocRow) => Number(/^v(\d+)/.exec(d.doc)?.[1] ?? 0) >= 30;
const f3 = (x: number) => x.toFixed(3);
function total(label: string, rows: DocRow[]): string {
  const tp = rows.reduce((s, d) => s + d.tp, 0);
  const fp = rows.reduce((s, d) => s + d.fp, 0);
  const fn = rows.reduce((s, d) => s + d.fn, 0);
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return (
    `${label}: documents ${rows.length}; dated P ${f3(p)} R ${f3(r)} F1 ${f3(f1)} ` +
    `(tp ${tp} fp ${fp} fn ${fn})`
  );
}
console.log(
  total(
    'dev news v01-v29',
    news.documents.filter((d) => !unseen(d)),
  ),
);
console.log(total('dev news v30-v38', news.documents.filter(unseen)));
console.log(total('dev news all', news.documents));

// The essay, then ties' own annotated documents in other styles (eval/NAME.* with NAME.gold.jsonl).
const ownDir = join(root, 'eval');
/** The documents of a folder that have a gold file, with their dates from its dates.json. */
function annotated(dir: string): [string, string, string | null][] {
  const datesFile = join(dir, 'dates.json');
  const dates = existsSync(datesFile)
    ? (JSON.parse(readFileSync(datesFile, 'utf8')) as Record<string, string>)
    : {};
  const goldOf = (f: string) => join(dir, f.replace(/\.[a-z]+$/, '.gold.jsonl'));
  return readdirSync(dir)
    .filter((f) => /\.(txt|md|html)$/.test(f) && existsSync(goldOf(f)))
    .sort()
    .map((f): [string, string, string | null] => [join(dir, f), goldOf(f), dates[f] ?? null]);
}
/** Extracts one document in-process and scores it with the shared scorer's arguments `extra`. */
function scoreFile(path: string, goldPath: string, date: string | null, extra: string[]): string {
  const doc = readDocument(readFileSync(path), { name: path });
  const x = extract({ text: doc.text, title: doc.title, date });
  const pred = join(tmp, `${basename(path)}.json`);
  writeFileSync(pred, JSON.stringify(x));
  return score('score.mjs', ['--gold', goldPath, '--doc', path, '--pred', pred, ...extra]);
}
const essay: [string, string, string | null] = [
  join(evalDir, 'seed-azerbaijan-pakistan.txt'),
  join(evalDir, 'seed.gold.jsonl'),
  null,
];
for (const [path, goldPath, date] of [essay, ...annotated(ownDir)]) {
  console.log(`${basename(path)}: ${scoreFile(path, goldPath, date, [])}`);
}

// eval/held-out: documents in the genres the unseen evaluation has (press releases, wire
// stories, encyclopedia articles, analyses, a chronology, an op-ed), written and annotated after
// the rules and never used to write them. Like v30–v38, only their scores are printed.
const heldOut = annotated(join(ownDir, 'held-out')).map(([path, goldPath, date]) => {
  const s = JSON.parse(scoreFile(path, goldPath, date, ['--json']).replace(/^[^{]*/, ''));
  const { tp, fp, fn } = s.dated as { tp: number; fp: number; fn: number };
  return { doc: basename(path), tp, fp, fn };
});
for (const d of heldOut) console.log(`  held-out ${d.doc}: tp ${d.tp} fp ${d.fp} fn ${d.fn}`);
console.log(total('held-out genres (eval/held-out)', heldOut));

// The PLOVER gold sentences: one sentence a record, scored on event types.
const gold = join(shared, 'data', 'gold', 'PLOVER_GSR_dev.json');
const input = execFileSync(
  process.execPath,
  [join(evalDir, 'score-sentences.mjs'), '--gold', gold, '--input'],
  { encoding: 'utf8' },
);
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

// The token layer: UD English EWT's test file re-tagged and re-parsed from its gold words
// (predicted tags), scored as the CoNLL 2018 scorer does (scripts/ud-score.ts).
const udTest = join(shared, 'data', 'ud', 'en_ewt-ud-test.conllu');
if (existsSync(udTest)) {
  const gold = readConllu(readFileSync(udTest, 'utf8'));
  console.log(`en_ewt-ud-test (syntax): ${formatUd(scoreUd(gold, reparse(gold)))}`);
}

// Training is deterministic, and what it learns is real: on a tiny hand-written treebank
// (tests/fixtures/syntax/tiny.conllu), two runs give the same bytes, and the models trained on
// it reproduce its trees. Also: CoNLL-U reads and writes back unchanged.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConllu, writeConllu } from '../src/extract/syntax/conllu.ts';
import { loadModels } from '../src/extract/syntax/index.ts';
import { reparse } from '../src/extract/syntax/reparse.ts';
import { trainModels } from '../src/extract/syntax/train.ts';

const TINY = readFileSync(new URL('./fixtures/syntax/tiny.conllu', import.meta.url), 'utf8');
const options = {
  taggerEpochs: 20,
  parserEpochs: 20,
  labellerEpochs: 30,
  folds: 1,
  prune: 0,
  source: 'tiny',
};
const dir = mkdtempSync(join(tmpdir(), 'ties-syntax-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CoNLL-U', () => {
  it('writes back what it reads, multiword tokens and comments included', () => {
    expect(writeConllu(readConllu(TINY))).toBe(TINY);
  });

  it('skips empty nodes and keeps the words around them', () => {
    const text =
      '1\tA\ta\tDET\t_\t_\t2\tdet\t_\t_\n1.1\tx\tx\tX\t_\t_\t_\t_\t_\t_\n2\tb\tb\tNOUN\t_\t_\t0\troot\t_\t_\n\n';
    const [s] = readConllu(text);
    expect(s!.words.map((w) => [w.id, w.form, w.head])).toEqual([
      [1, 'A', 2],
      [2, 'b', 0],
    ]);
  });

  it('names the line of a malformed word', () => {
    expect(() => readConllu('# c\n1\tA\tDET\n')).toThrow(/line 2/);
  });
});

describe('training', () => {
  it('gives the same bytes on every run', () => {
    const a = trainModels(readConllu(TINY), options);
    const b = trainModels(readConllu(TINY), options);
    for (const name of Object.keys(a) as (keyof typeof a)[]) {
      expect(Buffer.from(b[name]).equals(Buffer.from(a[name])), name).toBe(true);
    }
  });

  it('learns the trees it was trained on', () => {
    const files = trainModels(readConllu(TINY), options);
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    const gold = readConllu(TINY);
    const pred = reparse(gold, loadModels(dir));
    const cols = (s: typeof gold) =>
      s.flatMap((x) => x.words.map((w) => `${w.form} ${w.upos} ${w.head}`));
    expect(cols(pred)).toEqual(cols(gold));
    // An averaged perceptron need not fit every training example: allow one relation in 47.
    const rels = (s: typeof gold) => s.flatMap((x) => x.words.map((w) => w.deprel));
    const wrong = rels(pred).filter((r, i) => r !== rels(gold)[i]);
    expect(wrong.length).toBeLessThanOrEqual(1);
  });

  it('loads models from a path relative to the working directory', () => {
    const files = trainModels(readConllu(TINY), options);
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    const gold = readConllu(TINY);
    const fromRelative = reparse(gold, loadModels(relative(process.cwd(), dir)));
    expect(writeConllu(fromRelative)).toBe(writeConllu(reparse(gold, loadModels(dir))));
  });
});

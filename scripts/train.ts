// `npm run train`: rebuilds data/models/ from UD English EWT (../shared/data/ud/). The same
// treebank gives the same bytes on every run (src/extract/syntax/train.ts).
// Options: --train FILE, --dev FILE (scored after training), --out DIR.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConllu } from '../src/extract/syntax/conllu.ts';
import { loadModels } from '../src/extract/syntax/index.ts';
import { reparse } from '../src/extract/syntax/reparse.ts';
import { trainModels } from '../src/extract/syntax/train.ts';
import { formatUd, scoreUd } from './ud-score.ts';

// Epochs, chosen on en_ewt-ud-dev.conllu.
const options = {
  taggerEpochs: 8,
  parserEpochs: 12,
  labellerEpochs: 8,
  folds: 4,
  prune: 0.05,
  labellerPrune: 0.02,
};

const root = resolve(import.meta.dirname, '..');
const ud = resolve(root, '..', 'shared', 'data', 'ud');
const { values } = parseArgs({
  options: {
    train: { type: 'string', default: join(ud, 'en_ewt-ud-train.conllu') },
    dev: { type: 'string' },
    out: { type: 'string', default: join(root, 'data', 'models') },
  },
});
if (!existsSync(values.train)) {
  console.error(`npm run train: no treebank at ${values.train}`);
  process.exit(2);
}
const t0 = performance.now();
const log = (s: string) => console.log(`${s} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
const files = trainModels(readConllu(readFileSync(values.train, 'utf8')), {
  ...options,
  source: 'UD English EWT v2.15 (CC BY-SA 4.0), by scripts/train.ts (npm run train)',
  log,
});
mkdirSync(values.out, { recursive: true });
let bytes = 0;
for (const [name, data] of Object.entries(files)) {
  writeFileSync(join(values.out, name), data);
  bytes += data.length;
}
log(`wrote ${(bytes / 1e6).toFixed(1)} MB to ${values.out}`);
if (values.dev) {
  const gold = readConllu(readFileSync(values.dev, 'utf8'));
  console.log(`dev: ${formatUd(scoreUd(gold, reparse(gold, loadModels(values.out))))}`);
}

// `ties parse`: the token layer (words, lemmas, UPOS, dependency tree) of a text, as CoNLL-U.
import { readFileSync } from 'node:fs';
import { TiesError } from '../../errors.ts';
import { defineCommand } from '../command.ts';

function readInput(path: string): Uint8Array {
  try {
    return path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TiesError('NOT_FOUND', `no such file: ${path}`);
    if (code === 'EISDIR') throw new TiesError('INVALID', `${path} is a folder, not a file`);
    throw new TiesError('IO', `cannot read ${path}: ${(e as Error).message}`);
  }
}

export default defineCommand({
  name: 'parse',
  summary: 'print the words, tags and dependency tree of a text as CoNLL-U',
  args: 'FILE|-',
  forms: ['ties parse --conllu FILE.conllu|-'],
  about:
    "Prints the token layer in CoNLL-U: each sentence's words with lemma, UPOS, head and\n" +
    "relation (Universal Dependencies), and each word's offsets in the text as\n" +
    'TokenRange=start:end. FILE is a .txt, .md or .html document; - reads standard input.\n' +
    'The tagger and parser are trained on UD English EWT (CC BY-SA 4.0); see\n' +
    'data/models/README.md.',
  flags: {
    conllu: {
      type: 'boolean',
      help: 'read a CoNLL-U treebank, keep its words, re-tag and re-parse them\n(for scoring with any CoNLL-U evaluator)',
    },
  },
  async run({ values, positionals }) {
    const [path, ...extra] = positionals;
    if (!path) throw new TiesError('INVALID', 'name a file to parse (or - for standard input)');
    if (extra.length) {
      throw new TiesError('INVALID', `one file at a time (got ${positionals.length})`);
    }
    const [{ readDocument }, { parseToConllu, reparseConllu }] = await Promise.all([
      import('../../extract/input/index.ts'),
      import('../../services/syntax.service.ts'),
    ]);
    const name = path === '-' ? 'standard input' : path;
    const bytes = readInput(path);
    if (values.conllu) {
      const doc = readDocument(bytes, { name, format: 'txt' });
      process.stdout.write(reparseConllu(doc.text, name));
      return 0;
    }
    const doc = readDocument(bytes, { name });
    process.stdout.write(parseToConllu(doc.text));
    return 0;
  },
});

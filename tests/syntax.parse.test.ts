// The token layer with the shipped models (data/models/): sentences written for these tests,
// whose subjects, objects, negation, passive agents, clauses and coordination a decent parser
// must attach right, and the layer's invariants (offsets, one root a sentence, heads inside the
// sentence).
import { describe, expect, it } from 'vitest';
import { annotate, type SyntaxToken } from '../src/extract/syntax/index.ts';

/** "dependent <relation head" for each word of the first sentence, e.g. "Pakistan nsubj signed". */
function arcs(text: string): string[] {
  const t = annotate(text);
  return t.map((w) => `${w.text} ${w.deprel} ${w.head < 0 ? 'ROOT' : t[w.head]!.text}`);
}

describe('annotate: attachments', () => {
  const rows: [string, string[]][] = [
    // "with Pakistan" may modify the verb or the noun (EWT has both); only its marker is fixed.
    [
      'Azerbaijan signed a trade agreement with Pakistan.',
      ['Azerbaijan nsubj signed', 'signed root ROOT', 'agreement obj signed', 'with case Pakistan'],
    ],
    [
      'Turkey recognised Azerbaijan in 1991.',
      ['Turkey nsubj recognised', 'Azerbaijan obj recognised', '1991 obl recognised'],
    ],
    [
      'The embassy was opened by Turkey.',
      [
        'embassy nsubj:pass opened',
        'was aux:pass opened',
        'Turkey obl:agent opened',
        'by case Turkey',
      ],
    ],
    [
      'Russia did not recognize the new government.',
      [
        'Russia nsubj recognize',
        'not advmod recognize',
        'did aux recognize',
        'government obj recognize',
      ],
    ],
    ["India didn't send troops.", ['India nsubj send', "n't advmod send", 'troops obj send']],
    [
      'The minister said that Iran would close the border.',
      [
        'minister nsubj said',
        'close ccomp said',
        'Iran nsubj close',
        'border obj close',
        'that mark close',
      ],
    ],
    [
      'Japan and Korea agreed to expand trade.',
      ['Japan nsubj agreed', 'Korea conj Japan', 'expand xcomp agreed', 'trade obj expand'],
    ],
    [
      "Pakistan's president visited Baku in 1995.",
      [
        'Pakistan nmod:poss president',
        'president nsubj visited',
        'Baku obj visited',
        '1995 obl visited',
      ],
    ],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(arcs(text)).toEqual(expect.arrayContaining(expected));
  });

  it('tags and lemmatizes the verbs and nouns', () => {
    const t = annotate('The countries were signing treaties and had agreed on studies.');
    const by = (w: string) => t.find((x) => x.text === w)!;
    expect([by('countries').upos, by('countries').lemma]).toEqual(['NOUN', 'country']);
    expect([by('signing').upos, by('signing').lemma]).toEqual(['VERB', 'sign']);
    expect([by('were').upos, by('were').lemma]).toEqual(['AUX', 'be']);
    expect([by('agreed').upos, by('agreed').lemma]).toEqual(['VERB', 'agree']);
    expect([by('studies').upos, by('studies').lemma]).toEqual(['NOUN', 'study']);
  });
});

describe('annotate: the layer', () => {
  const text =
    'Talks began in Baku.\n\nThe two sides didn’t agree, officials said. More talks follow!';
  const t: SyntaxToken[] = annotate(text);

  it('keeps offsets, keys and sentences', () => {
    for (const w of t) {
      expect(text.slice(w.start, w.end)).toBe(w.text);
      expect(w.key).toBe(w.text.toLowerCase().replace(/’/g, "'"));
    }
    expect([...new Set(t.map((w) => w.sentence))]).toEqual([0, 1, 2]);
  });

  it('gives each sentence one root and heads inside the sentence', () => {
    for (const s of [0, 1, 2]) {
      const words = t.filter((w) => w.sentence === s);
      expect(words.filter((w) => w.head < 0 && w.deprel === 'root')).toHaveLength(1);
      for (const w of words) if (w.head >= 0) expect(t[w.head]!.sentence).toBe(s);
    }
  });

  it('is empty for empty text', () => {
    expect(annotate('')).toEqual([]);
    expect(annotate('  \n ')).toEqual([]);
  });
});

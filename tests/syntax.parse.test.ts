// The token layer with the shipped models (data/models/): sentences written for these tests,
// whose subjects, objects, negation, passive agents, clauses and coordination a decent parser
// must attach right, and the layer's invariants (offsets, one root a sentence, heads inside the
// sentence).
import { describe, expect, it } from 'vitest';
import {
  analyzeSentences,
  analyzeWordsLazily,
  annotate,
  type SyntaxToken,
} from '../src/extract/syntax/index.ts';
import { tokenizeText } from '../src/extract/syntax/tokenizer.ts';

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

describe('analyzeWordsLazily: lemmas and relations worked out as they are read', () => {
  // Deep trees (a relation needs its head's), coordination, a passive, a content clause.
  const text =
    'The minister said that the agreement, which both sides had signed in Baku, would be ' +
    'ratified by parliament before the talks resumed. Officials from Ankara and Tbilisi ' +
    'met, argued and finally agreed on a plan to reopen the border crossing. Why not?';
  const raw = tokenizeText(text);
  const sentences = [...new Set(raw.map((w) => w.sentence))].map((s) =>
    raw.filter((w) => w.sentence === s).map((w) => w.text),
  );
  const whole = analyzeSentences(sentences);

  it.each([
    ['left to right', (n: number) => [...Array(n).keys()]],
    ['right to left', (n: number) => [...Array(n).keys()].reverse()],
    ['leaves first', (n: number) => [...Array(n).keys()].sort((a, b) => (a % 3) - (b % 3))],
  ])('gives the whole labelling read %s', (_, order) => {
    sentences.forEach((forms, i) => {
      const lazy = analyzeWordsLazily(forms);
      const n = forms.length;
      const got: string[] = [];
      for (const k of order(n)) got[k] = lazy.deprel(k);
      expect(got).toEqual(whole[i]!.deprel);
      expect([...lazy.head]).toEqual([...whole[i]!.head]);
      expect(lazy.upos).toEqual(whole[i]!.upos);
      expect(order(n).map((k) => lazy.lemma(k))).toEqual(order(n).map((k) => whole[i]!.lemma[k]));
    });
  });
});

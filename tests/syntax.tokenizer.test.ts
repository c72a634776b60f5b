// The tokenizer of the token layer: UD English EWT's conventions, and offsets that point into
// the original text (every token's text is exactly its slice).
import { describe, expect, it } from 'vitest';
import { tokenizeText } from '../src/extract/syntax/tokenizer.ts';

const words = (t: string) => tokenizeText(t).map((x) => x.text);

describe('tokenizeText', () => {
  const rows: [string, string[]][] = [
    ["They don't agree.", ['They', 'do', "n't", 'agree', '.']],
    ['Baku can’t and won’t wait.', ['Baku', 'ca', 'n’t', 'and', 'wo', 'n’t', 'wait', '.']],
    [
      "Pakistan's army and the countries' ties",
      ['Pakistan', "'s", 'army', 'and', 'the', 'countries', "'", 'ties'],
    ],
    [
      "We'll see; I'm sure they've left and you'd know.",
      [
        'We',
        "'ll",
        'see',
        ';',
        'I',
        "'m",
        'sure',
        'they',
        "'ve",
        'left',
        'and',
        'you',
        "'d",
        'know',
        '.',
      ],
    ],
    ['It cannot be.', ['It', 'can', 'not', 'be', '.']],
    [
      'Dr. Aliyev met Mr. Khan in the U.S. capital.',
      ['Dr.', 'Aliyev', 'met', 'Mr.', 'Khan', 'in', 'the', 'U.S.', 'capital', '.'],
    ],
    ['J. F. Kennedy spoke.', ['J.', 'F.', 'Kennedy', 'spoke', '.']],
    [
      'Trade grew 3.5 percent to 25,000 tons.',
      ['Trade', 'grew', '3.5', 'percent', 'to', '25,000', 'tons', '.'],
    ],
    [
      'Al-Zaman reported a non-stop flight by e-mail',
      ['Al', '-', 'Zaman', 'reported', 'a', 'non-stop', 'flight', 'by', 'e-mail'],
    ],
    ['Wait... what?!', ['Wait', '...', 'what', '?', '!']],
    [
      'See http://example.org/a?b=1. Or mail news@example.com (today).',
      [
        'See',
        'http://example.org/a?b=1',
        '.',
        'Or',
        'mail',
        'news@example.com',
        '(',
        'today',
        ')',
        '.',
      ],
    ],
    ['“We agree,” he said.', ['“', 'We', 'agree', ',', '”', 'he', 'said', '.']],
    ['I said no.', ['I', 'said', 'no', '.']],
    ['', []],
  ];
  it.each(rows)('%j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('gives each token its exact offsets and its sentence', () => {
    const text = "Talks began.\u00a0Turkey's envoy didn't come.";
    expect(tokenizeText(text).map((t) => [t.start, t.end, t.text, t.sentence])).toEqual([
      [0, 5, 'Talks', 0],
      [6, 11, 'began', 0],
      [11, 12, '.', 0],
      [13, 19, 'Turkey', 1],
      [19, 21, "'s", 1],
      [22, 27, 'envoy', 1],
      [28, 31, 'did', 1],
      [31, 34, "n't", 1],
      [35, 39, 'come', 1],
      [39, 40, '.', 1],
    ]);
  });

  it('gives each token its lower-cased key, apostrophes and quotes straightened', () => {
    const text = 'Pakistan’s envoy WON’T sign “the accord”.';
    expect(tokenizeText(text).map((t) => t.key)).toEqual([
      'pakistan',
      "'s",
      'envoy',
      'wo',
      "n't",
      'sign',
      '"',
      'the',
      'accord',
      '"',
      '.',
    ]);
  });

  it('keeps every token inside the text, in order, without overlaps', () => {
    const text = 'A line\nthat wraps — with “quotes”, 12.5% and 1990–1995.\n\nNew paragraph!!';
    let last = 0;
    for (const t of tokenizeText(text)) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.start).toBeGreaterThanOrEqual(last);
      last = t.end;
    }
  });
});

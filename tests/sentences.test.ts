import { describe, expect, it } from 'vitest';
import { sentenceAt, splitSentences } from '../src/extract/text/sentences.ts';

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  const rows: [string, string[]][] = [
    ['One. Two.', ['One.', 'Two.']],
    [
      'He visited Baku in 1995.Recently, the speaker went.',
      ['He visited Baku in 1995.', 'Recently, the speaker went.'],
    ],
    [
      'Ties are stronger .Azerbaijan and Turkey agree.',
      ['Ties are stronger .', 'Azerbaijan and Turkey agree.'],
    ],
    [
      'It was recognised on December 12,1991. Then more.',
      ['It was recognised on December 12,1991.', 'Then more.'],
    ],
    ['Trade grew 3.5 percent. Exports fell.', ['Trade grew 3.5 percent.', 'Exports fell.']],
    [
      'Mr. Sharif met Dr. Aliyev in the U.S. capital.',
      ['Mr. Sharif met Dr. Aliyev in the U.S. capital.'],
    ],
    ['J. F. Kennedy spoke.', ['J. F. Kennedy spoke.']],
    ['Relations\n\nThe two countries met.', ['Relations', 'The two countries met.']],
    ['A heading\nThe body starts here.', ['A heading', 'The body starts here.']],
    [
      'A line that wraps\nin the middle of a sentence.',
      ['A line that wraps\nin the middle of a sentence.'],
    ],
    ['“We agree.” The minister left.', ['“We agree.”', 'The minister left.']],
    ['Did they sign? Yes! They did.', ['Did they sign?', 'Yes!', 'They did.']],
    ['Talks, e.g. on trade, went on. Fine.', ['Talks, e.g. on trade, went on.', 'Fine.']],
    ['No full stop at the end', ['No full stop at the end']],
    ['', []],
    ['   \n\n  ', []],
  ];
  it.each(rows)('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('numbers paragraphs and keeps spans inside the text', () => {
    const t = 'First. Second.\n\nThird.\u00a0Fourth.';
    const ss = splitSentences(t);
    expect(ss.map((s) => s.paragraph)).toEqual([0, 0, 1, 1]);
    for (const s of ss) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(t.length);
      expect(t.slice(s.start, s.end).trim()).toBe(t.slice(s.start, s.end));
    }
    expect(sentenceAt(ss, t.indexOf('Third'))?.index).toBe(2);
    expect(sentenceAt(ss, t.indexOf('\n'))).toBeUndefined();
  });
});

describe('splitSentences on text that is not prose', () => {
  it('cuts an endless line into bounded spans that cover it', () => {
    const t = 'word '.repeat(5000).trim();
    const ss = splitSentences(t);
    expect(ss.length).toBeGreaterThan(1);
    for (const s of ss) expect(s.end - s.start).toBeLessThanOrEqual(2000);
    expect(ss[0]!.start).toBe(0);
    expect(ss[ss.length - 1]!.end).toBe(t.length);
  });
});

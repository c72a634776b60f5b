// The trigger lexicon: the rows generated from PETRARCH2's verb patterns, how they combine with the
// hand rows, and table tests of the acts they (and the hand rows for what they lack) find.
// Sentences are written for each class; a failing row prints the pipeline's trace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';
import { parseLexicon, triggerLexicon } from '../src/extract/events/lexicon.ts';

const GENERATED = new URL('../data/lexicon/triggers.petrarch.tsv', import.meta.url);

function run(text: string, date = '2024-03-15') {
  const lines: string[] = [];
  const x = extract({ text, date }, { trace: (l) => lines.push(l) });
  return { x, trace: lines.join('\n') };
}

describe('the generated PETRARCH lexicon', () => {
  const text = readFileSync(GENERATED, 'utf8');

  it('names its source and the command that made it', () => {
    const header = text
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .join('\n');
    expect(header).toMatch(/CAMEO\.2\.0\.txt/);
    expect(header).toMatch(/PETRARCH2/);
    expect(header).toMatch(/npm run lexicon/);
  });

  it('keeps each pattern as a verb with its required object, never a verb alone', () => {
    const rows = text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(500);
    for (const r of rows) expect(r[5]).toMatch(/^obj=\S+/);
    expect(() => parseLexicon(text)).not.toThrow();
  });

  it('adds rows only for words without hand rows: a hand row names all of a word’s senses', () => {
    const hand = 'V\tsign\tAGREE\t\t057\tobj=treaty\n';
    const gen = 'V\tsign\tCOOPERATE\t\t061\tobj=export*\nV\tratify\tAGREE\t\t057\tobj=treaty\n';
    const lex = parseLexicon(gen, parseLexicon(hand), true, 'gen.tsv');
    expect(lex.get('signed')!.map((e) => e.type)).toEqual(['AGREE']);
    expect(lex.get('ratified')!.map((e) => `${e.file}:${e.line}`)).toEqual(['gen.tsv:2']);
  });

  it('reads several cues joined by ";", among them the word that may not come next', () => {
    const lex = parseLexicon('V\tseek\tREQUEST\t\t100\tobj=help|aid;notnext=to\n');
    const [e] = lex.get('sought')!;
    expect(e!.obj!.test('aid')).toBe(true);
    expect(e!.notNext!.test('to')).toBe(true);
    expect(e!.notObj).toBeNull();
  });

  it('completes a cue word ending in "*" with word characters, hyphens and apostrophes only', () => {
    const lex = parseLexicon('V\tban\tSANCTION\t\t163\tobj=export*|oil.gas\n');
    const obj = lex.get('banned')![0]!.obj!;
    for (const w of ['export', 'exports', 'export-led', "exporters'"])
      expect(obj.test(w)).toBe(true);
    for (const w of ['exp', 'exports.', 'reexport', 'oilxgas']) expect(obj.test(w)).toBe(false);
    expect(obj.test('oil.gas')).toBe(true);
  });

  it('lets a hand phrase leave the generated rows of its first word in place', () => {
    const hand = 'V\texpress regret\tSUPPORT\t\t055\t\n';
    const gen = 'V\texpress\tACCUSE\tdisapprove\t111\tobj=outrage*\n';
    const lex = parseLexicon(gen, parseLexicon(hand), true, 'gen.tsv');
    expect(lex.get('expressed')!.map((e) => e.words)).toEqual(['express regret', 'express']);
  });

  it('reads irregular forms from the seventh column', () => {
    const lex = parseLexicon('V\tforesee\tAGREE\t\t030\tobj=treaty\tforesaw,foreseen\n');
    expect(lex.has('foresaw')).toBe(true);
    expect(lex.has('foreseen')).toBe(true);
  });

  it('is what the extractor loads', () => {
    expect(
      triggerLexicon()
        .get('presented')
        ?.some((e) => e.file === 'triggers.petrarch.tsv'),
    ).toBe(true);
  });
});

// Acts the extractor once had no trigger for: the PETRARCH patterns give some, hand rows the rest.
const acts: [string, string, string[], string][] = [
  [
    'The new Peruvian ambassador presented his credentials to the King of Spain on 8 May 2019.',
    'SUPPORT',
    ['ESP', 'PER'],
    '2019-05-08',
  ],
  [
    'On 2 June 2016 Uruguay presented credentials of its first envoy to Vietnam.',
    'SUPPORT',
    ['URY', 'VNM'],
    '2016-06-02',
  ],
  [
    'Mongolia appointed a new ambassador to Kazakhstan on 11 January 2012.',
    'SUPPORT',
    ['KAZ', 'MNG'],
    '2012-01-11',
  ],
  [
    'Kazakhstan and China inaugurated a crude oil pipeline on 15 December 2005.',
    'COOPERATE',
    ['CHN', 'KAZ'],
    '2005-12-15',
  ],
  [
    'Laos and China opened the cross-border railway on 3 December 2021.',
    'COOPERATE',
    ['CHN', 'LAO'],
    '2021-12-03',
  ],
  [
    'Pakistan and India opened the Kartarpur corridor on 9 November 2019.',
    'COOPERATE',
    ['IND', 'PAK'],
    '2019-11-09',
  ],
  [
    'Ecuador and Colombia established a joint commission on border security in March 2008.',
    'COOPERATE',
    ['COL', 'ECU'],
    '2008-03',
  ],
  [
    'On 4 April 2017 Belarus denied the allegations made by Lithuania.',
    'REJECT',
    ['BLR', 'LTU'],
    '2017-04-04',
  ],
  [
    'In September 1992 Honduras accepted the ruling on the Gulf of Fonseca that favoured El Salvador.',
    'CONCEDE',
    ['HND', 'SLV'],
    '1992-09',
  ],
  [
    'Bolivia renounced its claim to territory held by Chile in October 1904.',
    'CONCEDE',
    ['BOL', 'CHL'],
    '1904-10',
  ],
  [
    'Qatar and Bahrain restored relations on 12 April 2023.',
    'SUPPORT',
    ['BHR', 'QAT'],
    '2023-04-12',
  ],
  [
    'Jordan summoned the Dutch ambassador on 5 February 2018.',
    'ACCUSE',
    ['JOR', 'NLD'],
    '2018-02-05',
  ],
];

describe('acts between states, found by their verb and its object', () => {
  it.each(acts)('%s', (text, type, actors, date) => {
    const { x, trace } = run(text);
    const found = x.events.some(
      (e) => e.type === type && [...e.actors].sort().join() === actors.join() && e.date === date,
    );
    expect(
      found,
      `${JSON.stringify(x.events.map((e) => [e.type, e.actors, e.date]))}\n${trace}`,
    ).toBe(true);
  });
});

// Verbs whose PETRARCH patterns read other senses as acts: none of these is an event.
const notActs = [
  'The present government of Chile met no one in 2019.',
  'Officials in Kenya said on 3 May 2019 that Uganda remained in a difficult position.',
  'Prosecutors in Albania said on 2 May 2020 that the former minister was involved in corrupt acts.',
  'Norway presented a prize for literature on 4 May 2018.',
  'Malaysia opened a new shopping centre on 1 June 2015.',
];

describe('verbs that need their pattern stay silent without it', () => {
  it.each(notActs)('%s', (text) => {
    const { x, trace } = run(text);
    expect(
      x.events.filter((e) => e.actors.length > 1),
      trace,
    ).toEqual([]);
  });
});

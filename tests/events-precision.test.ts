// Table tests for acts that are no event between states (issue 12, GUIDELINES "Participants" and
// "Not events"): the document's pair filled in for an act done by or to a person or a private
// group. Sentences written for each class; a failing row prints the pipeline's trace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventLines } from './fixtures/event-lines.ts';

// A story about Chile and Peru: its first sentence makes them the document's pair.
const LEAD = 'Chile and Peru signed a fisheries accord in Lima on Monday. ';

describe("the document's pair is no party of an act done by or to a person or a group", () => {
  const rows: [string, string[]][] = [
    [`${LEAD}The smuggler was arrested in 2011. He was released in May 2017.`, []],
    [`${LEAD}The detained journalists were released in May 2017.`, []],
    [`${LEAD}She was freed in 2019 after a court ruling.`, []],
    [`${LEAD}A new fisheries treaty was signed in May 2017.`, ['AGREE CHL+PER 2017-05']],
    [`${LEAD}Relations were restored in 1883.`, ['SUPPORT CHL+PER 1883']],
  ];
  it.each(rows)('%s', (text, want) => {
    const { got, trace } = eventLines(text);
    expect(got.slice(1), trace).toEqual(want);
  });
});

describe('the generated private agent nouns', () => {
  const text = readFileSync(
    new URL('../data/gazetteer/agents-private.tsv', import.meta.url),
    'utf8',
  );
  it('name their source and command, and hold no state organ', () => {
    expect(text).toMatch(/Phoenix\.agents\.txt/);
    expect(text).toMatch(/npm run agents/);
    const rows = text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .slice(1)
      .map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(1000);
    const agents = new Set(rows.map(([a]) => a));
    for (const agent of ['journalist', 'rebels', 'investors', 'crime syndicate'])
      expect(agents.has(agent)).toBe(true);
    for (const organ of ['army', 'troops', 'police', 'spokesman', 'fighter jet', 'civilians'])
      expect(agents.has(organ)).toBe(false);
  });
});

describe('an act inside a relative clause is not dated after the clause closes', () => {
  it('the act of the relative clause takes no date from the main clause', () => {
    const { got, trace } = eventLines(
      'Peru, along with Bolivia, which remain parties to the accord, which Chile pulled out of, ' +
        'called a private meeting Wednesday of the U.N. Security Council.',
    );
    expect(
      got.filter((e) => e.startsWith('RETREAT')),
      trace,
    ).toEqual(['RETREAT CHL+UN null']);
  });

  it('a date inside the relative clause still dates its act', () => {
    const { got, trace } = eventLines('Peru, which Chile invaded in 1880, protested on Wednesday.');
    expect(got, trace).toContain('ASSAULT CHL+PER 1880');
  });
});

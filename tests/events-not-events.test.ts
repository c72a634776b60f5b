// Table tests for what is not an event (issue 12, GUIDELINES "Not events"): a reporting frame read
// as the act, the means of a possible act, and the other classes of words that state no act
// between states. Sentences written for each class; a failing row prints the pipeline's trace.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';

function run(text: string, date = '2024-03-15') {
  const lines: string[] = [];
  const x = extract({ text, date }, { trace: (l) => lines.push(l) });
  const got = x.events.map((e) => `${e.type} ${[...e.actors].sort().join('+')} ${e.date}`);
  return { got, trace: lines.join('\n') };
}

describe('a denial asked for, or quoted, does not negate the act that reports it', () => {
  const rows: [string, string][] = [
    [
      '"Chile expects Peru to deny shelter to the smugglers," the foreign ministry said in a ' +
        'statement on Wednesday, repeating a demand.',
      'REQUEST CHL+PER 2024-03-13',
    ],
    [
      'Chile said on Wednesday that Peru should deny shelter to smugglers, repeating a demand.',
      'REQUEST CHL+PER 2024-03-13',
    ],
  ];
  it.each(rows)('%s', (text, want) => {
    const { got, trace } = run(text);
    expect(got, trace).toEqual([want]);
  });

  it('a denial made still negates what it denies', () => {
    const { got, trace } = run(
      'The Kremlin denied on Tuesday a report that Russia planned to deploy missiles in Belarus.',
    );
    expect(got, trace).toEqual([]);
  });
});

describe('a gerund joined to the means of a possible act is possible too', () => {
  it.each([
    'Officials said on Tuesday that Iran could retaliate by seizing ships and attacking Israel.',
    'He may provoke the U.S. further by attempting to buy Russian jets and defying the U.S. in ' +
      'Syria, an analyst said on Wednesday.',
  ])('%s', (text) => {
    const { got, trace } = run(text);
    expect(got, trace).toEqual([]);
  });

  it('the same acts done are events', () => {
    const { got, trace } = run('On Tuesday Iran responded by seizing ships and attacking Israel.');
    expect(got, trace).toEqual(['COERCE IRN+ISR 2024-03-12', 'ASSAULT IRN+ISR 2024-03-12']);
  });
});

describe('an act named as the object of another is dated only by its own phrase', () => {
  const rows: [string, string[]][] = [
    [
      'On Friday, the Canadian foreign minister said all G7 ministers agree with the U.S. ' +
        'proposal of a ceasefire.',
      ['AGREE G7+USA 2024-03-15', 'REQUEST CAN+USA null'],
    ],
    [
      'In 2019, Trump praised his first summit with North Korean leader Kim Jong Un.',
      ['SUPPORT PRK+USA 2019', 'CONSULT PRK+USA null'],
    ],
    [
      'France on Tuesday condemned the attack by Russia on 2 March 2024.',
      ['ACCUSE FRA+RUS 2024-03-12', 'ASSAULT FRA+RUS 2024-03-02'],
    ],
  ];
  it.each(rows)('%s', (text, want) => {
    const { got, trace } = run(text);
    expect(got, trace).toEqual(want);
  });
});

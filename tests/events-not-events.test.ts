// Table tests for what is not an event (issue 12, GUIDELINES "Not events"): a reporting frame read
// as the act, the means of a possible act, and the other classes of words that state no act
// between states. Sentences written for each class; a failing row prints the pipeline's trace.
import { describe, expect, it } from 'vitest';
import { eventLines } from './fixtures/event-lines.ts';

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
    const { got, trace } = eventLines(text);
    expect(got, trace).toEqual([want]);
  });

  it('a denial made still negates what it denies', () => {
    const { got, trace } = eventLines(
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
    const { got, trace } = eventLines(text);
    expect(got, trace).toEqual([]);
  });

  it('the same acts done are events', () => {
    const { got, trace } = eventLines(
      'On Tuesday Iran responded by seizing ships and attacking Israel.',
    );
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
    const { got, trace } = eventLines(text);
    expect(got, trace).toEqual(want);
  });
});

describe('a bare verb after "and" shares the "to" of the content before it', () => {
  it.each([
    [
      '"We urge Chile to hold the smugglers, their financiers and their organizers accountable ' +
        'and cooperate with the government of Peru," the ministry said on Wednesday.',
      ['REQUEST CHL+PER 2024-03-13'],
    ],
    [
      'On 8 March 2024 Chile urged Bolivia to end the war on its border and sign a treaty with Peru.',
      ['REQUEST BOL+CHL 2024-03-08'],
    ],
  ])('%s', (text, want) => {
    const { got, trace } = eventLines(text);
    expect(got, trace).toEqual(want);
  });

  it('a finite verb after "and" is an act of its own', () => {
    const { got, trace } = eventLines(
      'On 6 March 2024 France urged Iran to free the detainees and praised Oman.',
    );
    expect(got, trace).toEqual(['REQUEST FRA+IRN 2024-03-06', 'SUPPORT FRA+OMN 2024-03-06']);
  });
});

describe('a gerund opening its clause shares the modal of the verb after its phrase', () => {
  it.each([
    '"Holding a summit with Japan in June would not be a provocative step," the Indian analyst ' +
      'said on Wednesday.',
    'Sending troops to Mali could anger Algeria, France said on 4 March 2024.',
  ])('%s', (text) => {
    const { got, trace } = eventLines(text);
    expect(got, trace).toEqual([]);
  });

  it('a gerund of a clause without a modal is the act done', () => {
    const { got, trace } = eventLines(
      'Holding talks with Japan on 4 March 2024, India signed a trade deal with Tokyo.',
    );
    expect(got, trace).toEqual(['CONSULT IND+JPN 2024-03-04', 'AGREE IND+JPN 2024-03-04']);
  });
});

describe('a gerund after "and" that parallels the content’s gerund is content too', () => {
  it.each([
    [
      'On 4 March 2024 Poland renewed its calls for rearming Europe and boosting aid for Ukraine.',
      ['REQUEST POL+UKR 2024-03-04'],
    ],
    [
      'On 4 March 2024 Poland called for rearming Europe and boosted aid for Ukraine.',
      ['REQUEST POL+UKR 2024-03-04', 'AID POL+UKR 2024-03-04'],
    ],
  ])('%s', (text, want) => {
    const { got, trace } = eventLines(text);
    expect(got, trace).toEqual(want);
  });
});

// Table tests for classes of news prose: refusals worded as "no intention of", an act's means
// under a modal, coordinated acts after a comma, and chronology entries in headline style.
// Sentences written for each class; a failing row prints the pipeline's trace.
import { describe, expect, it } from 'vitest';
import { eventLines } from './fixtures/event-lines.ts';

describe('a declared lack of intention is a refusal', () => {
  const rows: [string, string][] = [
    [
      'Spain said on 4 March 2024 it has no intention of lifting the ban on Moroccan imports.',
      'REJECT ESP+MAR 2024-03-04',
    ],
    [
      'On 5 March 2024 Ghana said it had no plans to withdraw its troops from Mali.',
      'REJECT GHA+MLI 2024-03-05',
    ],
  ];
  it.each(rows)('%s', (text, want) => {
    const { got, trace } = eventLines(text);
    expect(got, trace).toContain(want);
  });
});

describe('the means of a possible act is no event', () => {
  it.each([
    'Vietnam can take advantage by investing in Cambodia, the minister said on 4 March 2024.',
    'Peru could benefit by exporting more copper to China, officials said on 5 March 2024.',
  ])('%s', (text) => {
    const { got, trace } = eventLines(text);
    expect(got, trace).toEqual([]);
  });
});

describe('acts coordinated after a comma keep their subject and are not content', () => {
  const rows: [string, string[]][] = [
    [
      'On 6 March 2024 France urged Iran to free the detainees, warned Tehran of sanctions and praised Oman.',
      ['REQUEST FRA+IRN 2024-03-06', 'THREATEN FRA+IRN 2024-03-06', 'SUPPORT FRA+OMN 2024-03-06'],
    ],
    [
      'On 7 March 2024 Japan asked China to release the crew, accused Beijing of harassment.',
      ['REQUEST CHN+JPN 2024-03-07', 'ACCUSE CHN+JPN 2024-03-07'],
    ],
  ];
  it.each(rows)('%s', (text, want) => {
    const { got, trace } = eventLines(text);
    for (const w of want) expect(got, trace).toContain(w);
  });

  it('a bare verb after "to … and" stays the content', () => {
    const { got, trace } = eventLines(
      'On 8 March 2024 Chile urged Bolivia to withdraw its troops and return the prisoners.',
    );
    expect(got, trace).toEqual(['REQUEST BOL+CHL 2024-03-08']);
  });
});

describe('a chronology entry in headline style, with no one named, is the pair’s', () => {
  it('realises the noun by the participle closing the entry', () => {
    const text = [
      'Eritrea and Ethiopia: a chronology',
      '',
      'Eritrea and Ethiopia fought a border war from 1998.',
      '',
      '12 December 2000: Peace agreement signed.',
    ].join('\n');
    const { got, trace } = eventLines(text, '2020-01-01');
    expect(got, trace).toContain('AGREE ERI+ETH 2000-12-12');
  });
});

describe('an act answering an earlier act has that act’s parties as its other side', () => {
  const rows: [string, string][] = [
    [
      'Oman, Kuwait and Jordan sent ten demands to Yemen on 2 March 2024. On 9 March 2024 Yemen ' +
        'rejected the demands.',
      'REJECT JOR+KWT+OMN+YEM 2024-03-09',
    ],
    [
      'Ghana, Togo and Benin offered a truce to Niger on 1 March 2024. On 4 March 2024 Niger ' +
        'accepted the offer.',
      'AGREE BEN+GHA+NER+TGO 2024-03-04',
    ],
  ];
  it.each(rows)('%s', (text, want) => {
    const { got, trace } = eventLines(text);
    expect(got, trace).toContain(want);
  });

  it('no earlier act of that kind: the one party stays alone', () => {
    const { got, trace } = eventLines(
      'Oman hosted Kuwait on 2 March 2024. On 9 March 2024 Yemen rejected the demands.',
    );
    expect(
      got.filter((e) => e.startsWith('REJECT')),
      trace,
    ).toEqual([]);
  });
});

describe('a light verb before a named exercise or treaty realises it', () => {
  it('held the Named Joint Exercise with …: the subject of "held" takes part', () => {
    const { got, trace } = eventLines(
      'In February 2024, Chile held the Pacific Joint Naval Exercise with Peru and Ecuador.',
    );
    expect(got, trace).toContain('COOPERATE CHL+ECU+PER 2024-02');
  });
});

describe('a bloc’s meeting that gathers people of listed states has those states as parties', () => {
  it.each([
    [
      'The ASEAN summit in Hanoi on 4 March 2024 brought together leaders from Vietnam, Laos, ' +
        'Cambodia and Thailand.',
      'CONSULT KHM+LAO+THA+VNM 2024-03-04',
    ],
    [
      'The OAS talks on 4 March 2024 included ministers from Chile, Peru, Bolivia, Ecuador and ' +
        'Colombia.',
      'CONSULT BOL+CHL+COL+ECU+PER 2024-03-04',
    ],
  ])('%s', (text, want) => {
    const { got, trace } = eventLines(text);
    expect(got, trace).toContain(want);
  });

  it('people the meeting does not gather are not its members', () => {
    const { got, trace } = eventLines(
      'The NATO talks on 4 March 2024 angered officials from Russia, Belarus and Iran.',
    );
    expect(
      got.some((e) => e.includes('NATO')),
      trace,
    ).toBe(true);
  });
});

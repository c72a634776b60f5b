// Acts the event stage found no trigger for, or found and then dropped: sentences written for each
// class, with the events they must give and the refiner that decides.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';

function run(text: string, date: string | null = '2024-06-01') {
  const trace: string[] = [];
  const x = extract({ text, date }, { trace: (l) => trace.push(l) });
  const events = x.events.map((e) => `${e.type} ${[...e.actors].sort().join('+')} ${e.date}`);
  return { events, trace: trace.join('\n') };
}

describe('a past verb after "first" or "last" is a verb', () => {
  it.each([
    ['Chile at first imposed 10% tariffs on Peruvian copper on 2 May 2023.', 'SANCTION CHL+PER'],
    ['Ghana last recalled its ambassador from Togo on 9 June 2021.', 'SANCTION GHA+TGO'],
  ])('%s', (text, event) => {
    expect(run(text).events.map((e) => e.replace(/ \S+$/, ''))).toContain(event);
  });

  it('a participle after "the first" stays a modifier', () => {
    const { trace } = run('The first signed copy of the Chilean treaty reached Peru in May 2023.');
    expect(trace).not.toContain("AGREE 'signed'");
  });
});

describe('coordinated acts', () => {
  it('a verb the tree sets beside the governing one is an act of the same subject', () => {
    const { events, trace } = run(
      'Norway imposed tariffs on Swedish timber exports to Denmark on 3 May 2022, then exempted ' +
        'the duties on Swedish paper.',
    );
    expect(trace).toContain("[coordinated-acts] keep RETREAT 'exempted'");
    expect(events).toContain('SANCTION NOR+SWE 2022-05-03');
    expect(events).toContain('RETREAT NOR+SWE null');
  });

  it('an infinitive joined to a governed one stays governed', () => {
    const { events, trace } = run(
      'On 3 May 2022 Chile urged Peru to withdraw its troops and reopen the border.',
    );
    expect(trace).not.toContain('[coordinated-acts] keep');
    expect(events).toEqual(['REQUEST CHL+PER 2022-05-03']);
  });

  it('a subject shared past an adverb after the comma', () => {
    const { events, trace } = run(
      'Norway imposed tariffs on Swedish and Finnish timber on 3 May 2022, then suspended the ' +
        'tariffs.',
    );
    expect(trace).toMatch(/RETREAT 'suspended' \S+ @\d+ roles: subject shared/);
    expect(events).toContain('RETREAT FIN+NOR+SWE null');
  });
});

describe('the parties of an object acted on again', () => {
  it("one of the object's parties acting on it again acts on the others", () => {
    const { events, trace } = run(
      'Norway imposed tariffs on Swedish timber on 3 May 2022. Oslo later delayed the tariffs.',
    );
    expect(trace).toContain("[parties-from-context] roles of 'delayed' from the tariff before");
    expect(events).toContain('RETREAT NOR+SWE null');
  });

  it('a party of another act keeps its own', () => {
    const { events } = run(
      'Norway imposed tariffs on Swedish timber on 3 May 2022. Finland later delayed the tariffs.',
    );
    expect(events.some((e) => e.startsWith('RETREAT') && e.includes('NOR'))).toBe(false);
  });
});

describe('a date after "until" ends what the act set', () => {
  it.each([
    ['On 3 May 2022 Norway delayed the tariffs on Swedish timber until 1 July 2022.', '2022-05-03'],
    ['Norway delayed the tariffs on Swedish timber until 1 July 2022.', 'null'],
    [
      'On 4 May 2022 Chile suspended the tariffs on Peruvian fruit till 30 June 2022.',
      '2022-05-04',
    ],
  ])('%s', (text, date) => {
    const { events } = run(text);
    expect(events.length).toBe(1);
    expect(events[0]!.endsWith(` ${date}`)).toBe(true);
  });
});

describe('event nouns a possessor realises', () => {
  it.each([
    // A possessive written as one token with the name ("Chile's").
    ["In 2019 Chile's imposition of sanctions on Peru angered Lima.", 'SANCTION CHL+PER 2019'],
    [
      "In March 2020 Egypt's purchase of Russian fighter jets alarmed Washington.",
      'COOPERATE EGY+RUS 2020-03',
    ],
    [
      "In May 2021, Chile's call for new talks with Peru went unanswered.",
      'REQUEST CHL+PER 2021-05',
    ],
  ])('%s', (text, event) => {
    expect(run(text).events).toEqual([event]);
  });

  it('a noun nothing but its possessor realises is not dated by the story present', () => {
    const { events } = run(
      "On Monday, Chile recalled its envoy from Peru. Lima's purchase of Bolivian gas angered Santiago.",
    );
    expect(events).toContain('COOPERATE BOL+PER null');
  });
});

describe('legislation targeting a state', () => {
  it('passed legislation targeting a state is a sanction', () => {
    const { events } = run('The Chilean Senate passed legislation on 3 May 2021 targeting Peru.');
    expect(events).toEqual(['SANCTION CHL+PER 2021-05-03']);
  });

  it('legislation on anything else is no event', () => {
    expect(
      run('The Chilean Senate passed legislation on 3 May 2021 on fishing quotas.').events,
    ).toEqual([]);
  });
});

describe('"their" before a noun of meeting', () => {
  it.each([
    "Chile's president met Peru's president in June 2018. Their second summit was in February 2019.",
    'Chile and Peru signed a fishing accord in June 2018. Their second summit was in February 2019.',
  ])('%s', (text) => {
    expect(run(text).events).toContain('CONSULT CHL+PER 2019-02');
  });

  it('names no one when the act before had one party', () => {
    const { events } = run(
      'Chile closed its border in June 2018. Their second summit was in February 2019.',
    );
    expect(events.some((e) => e.startsWith('CONSULT'))).toBe(false);
  });
});

describe('multilateral acts keep every party', () => {
  it('a conjunct shares the whole list of its subject', () => {
    const { events } = run(
      'In late January 2025, Chile, Peru and Bolivia withdrew from the OAS and created a ' +
        'confederation.',
    );
    expect(events).toContain('COOPERATE BOL+CHL+PER 2025-01');
  });

  it('a passive first conjunct lends no list', () => {
    const { events } = run('On 3 May 2021 Chile was attacked by Peru and urged Bolivia to help.');
    expect(events).toContain('REQUEST BOL+CHL 2021-05-03');
  });

  it('the people "from" a list of states are every one of them', () => {
    const { events } = run(
      'On 4 May 2021, ministers from Britain, Canada, France and Japan met in London.',
    );
    expect(events).toEqual(['CONSULT CAN+FRA+GBR+JPN 2021-05-04']);
  });
});

describe('a plural noun after an adjective is no verb', () => {
  it('"medical supplies" is a noun phrase', () => {
    const { trace } = run(
      'Chile said Peruvian and Bolivian forces must let food and medical supplies reach the town.',
    );
    expect(trace).not.toContain("AID 'supplies'");
  });

  it('"the official visits" is still a verb', () => {
    const { trace } = run('On 4 May 2021 a Chilean official visits Peru.');
    expect(trace).toContain("CONSULT 'visits'");
  });
});

describe('a statement whose content blames a party is an accusation', () => {
  it.each([
    [
      'On 4 May 2022 the Chilean minister said that Peru was failing to police its border.',
      'ACCUSE CHL+PER 2022-05-04',
    ],
    [
      'In a speech on 4 May 2022, Ghana contended that Togo is "an aggressive and hostile neighbour."',
      'ACCUSE GHA+TGO 2022-05-04',
    ],
    [
      'On 4 May 2022 Norway said corruption in Latvia was hurting Baltic trade.',
      'ACCUSE LVA+NOR 2022-05-04',
    ],
    [
      "On 4 May 2022 the Kenyan president said Uganda's meddling had prolonged the crisis.",
      'ACCUSE KEN+UGA 2022-05-04',
    ],
  ])('%s', (text, event) => {
    const { events, trace } = run(text);
    expect(trace).toContain('[reported-accusation] add ACCUSE');
    expect(events).toContain(event);
  });

  it.each([
    // The content's own trigger says the act; the saying adds none.
    'On 4 May 2022 Chile said Peru had violated the ceasefire with illegal raids.',
    // A reason inside the content blames someone else.
    'On 4 May 2022 Chile said Peru closed the border because smugglers were lying about cargo.',
    // Nothing in the content is blamed on a party.
    'On 4 May 2022 Chile said the floods in Peru were a brutal reminder of the climate.',
    // The one told is no party blamed.
    'On 4 May 2022 Chile told Peru that the corruption cases were closed.',
  ])('no accusation: %s', (text) => {
    expect(run(text).trace).not.toContain('[reported-accusation] add');
  });
});

describe('a participle of a visit before a name is a visit of its own', () => {
  it.each([
    [
      'On 3 May 2022 the Chilean president assured visiting Peruvian Foreign Minister Ana Gervasi ' +
        'that Chile would reopen the border.',
      ['AGREE CHL+PER 2022-05-03', 'CONSULT CHL+PER 2022-05-03'],
    ],
    [
      'On 3 May 2022 Ghana thanked visiting Togolese President Faure Gnassingbe for his support.',
      ['SUPPORT GHA+TGO 2022-05-03', 'CONSULT GHA+TGO 2022-05-03'],
    ],
  ])('%s', (text, expected) => {
    const { events } = run(text);
    for (const e of expected) expect(events).toContain(e);
  });

  it('a participle before a common noun stays its object', () => {
    const { events } = run(
      'On 3 May 2022 Chile suspended visiting rights at the Peruvian embassy.',
    );
    expect(events.some((e) => e.startsWith('CONSULT'))).toBe(false);
  });
});

describe('a meeting where an act was done is a meeting of its parties', () => {
  it.each([
    [
      'On 3 May 2022 Chile and Peru agreed at a virtual summit to reopen the border.',
      'CONSULT CHL+PER 2022-05-03',
    ],
    [
      'On 3 May 2022 Ghana and Togo signed a pact at their annual meeting in Accra.',
      'CONSULT GHA+TGO 2022-05-03',
    ],
  ])('%s', (text, event) => {
    expect(run(text).events).toContain(event);
  });

  it('a party of what was agreed was not at the meeting', () => {
    const { events, trace } = run(
      'On 3 May 2022 Chile and Peru agreed at a summit to address the threat Bolivia poses.',
    );
    expect(trace).toContain("[parties-from-context] roles of 'summit' from the act done at it");
    expect(events).toContain('CONSULT CHL+PER 2022-05-03');
    expect(events.some((e) => e.startsWith('CONSULT') && e.includes('BOL'))).toBe(false);
  });

  it('an informal group of states meeting alone is a meeting of its members', () => {
    const text =
      'Japan and India signed a defence pact on 2 May 2022. Japan and India also agreed on ' +
      'trade. On 3 May 2022 Quad leaders agreed at a virtual summit to fund vaccines.';
    expect(run(text).events).toContain('CONSULT QUAD 2022-05-03');
  });
});

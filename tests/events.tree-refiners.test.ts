// The event stage's decisions on the dependency tree, end to end: sentences written for each
// class the clause heuristics miss, with the events they must give and the refiner that decides.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';

function run(text: string, date: string | null = '2019-06-01') {
  const trace: string[] = [];
  const x = extract({ text, date }, { trace: (l) => trace.push(l) });
  const events = x.events.map((e) => `${e.type} ${[...e.actors].sort().join('+')}`);
  return { events, trace: trace.join('\n') };
}

describe('events on the tree', () => {
  it('a fronted circumstance does not swallow the main act, nor lend it its parties', () => {
    const { events, trace } = run(
      "After Norway voiced support for the rebels on Monday, Sweden's envoy was summoned by " +
        'the Norwegian foreign ministry.',
    );
    expect(trace).toContain('[fronted-circumstance] keep');
    expect(trace).toContain(
      "[circumstance-roles] roles of 'voiced' kept to its circumstance clause",
    );
    expect(events).toContain('ACCUSE NOR+SWE');
  });

  it('a list extended past its "and" is every party', () => {
    const { events, trace } = run(
      'Japan and South Korea, along with the Philippines, held naval drills on Thursday.',
    );
    expect(trace).toContain('[roles-on-tree]');
    expect(events).toEqual(['COOPERATE JPN+KOR+PHL']);
  });

  it('a governing "no" negates the act: no intention of lifting is a refusal', () => {
    const { events, trace } = run(
      'Russia has no intention of lifting the restrictions on Georgian wine, the Kremlin said.',
    );
    expect(trace).toMatch(/negation/);
    expect(events).toEqual(['REJECT GEO+RUS']);
  });

  it('an act under a condition is no event', () => {
    const { events, trace } = run('If Togo attacks its border posts, Ghana will close the border.');
    expect(trace).toContain("[governed-on-tree] drop ASSAULT 'attacks': the condition");
    expect(events.some((e) => e.startsWith('ASSAULT'))).toBe(false);
  });

  it('the agent of a passive verb is its whole list', () => {
    const { events } = run(
      'The plan was criticised on Monday by French, German, Italian and Spanish diplomats.',
      null,
    );
    expect(events.some((e) => /ESP/.test(e) && /FRA/.test(e) && /DEU/.test(e))).toBe(true);
  });

  it('a word describing an office does not cut a list of officials', () => {
    const { events } = run(
      'Peruvian President Ana Rojas and outgoing Chilean President Luis Soto condemned Bolivia ' +
        'on Monday.',
    );
    expect(events).toEqual(['ACCUSE BOL+CHL+PER']);
  });

  it('a sentence with no cue for the tree is not parsed', () => {
    const { trace } = run('Chile condemned the strike on Tuesday and urged Peru to withdraw.');
    expect(trace).not.toMatch(/on the tree|from the tree/);
  });
});

describe("the document's pair as the other side, only for a party of the act", () => {
  // A story about Chile and Peru: an act of one of them with no one else named takes the other
  // as its other side only when the named party does or undergoes the act on the tree.
  const story = (body: string) => run(`Chile and Peru: a fishing dispute\n\n${body}`);

  it.each([
    [
      'a state where an attack took place',
      'A smuggler was killed in a shootout with police near Tacna in Peru on Monday.',
      'where it took place',
    ],
    [
      'a state that talks are about',
      'Officials held more meetings on Peru on Monday.',
      'what it is about',
    ],
    [
      "another clause's speaker of an act someone uncoded underwent",
      "Peru's president told reporters that 40 miners were rescued on Tuesday.",
      "no argument of the act's",
    ],
  ])('no other side for %s', (_, body, why) => {
    const { events, trace } = story(body);
    expect(trace).toContain(`with no other side: PER is ${why} on the tree`);
    expect(events).toEqual([]);
  });

  it.each([
    ['the subject of the act', 'Lima rejected its offer on Tuesday.', 'REJECT CHL+PER'],
    [
      'the speaker of a demand in a quotation',
      '“The government must release the fishermen,” the Chilean statement said on Monday.',
      'REQUEST CHL+PER',
    ],
    [
      'the place of a signing, one of the two',
      'A new fishing accord was signed on Monday in Lima.',
      'AGREE CHL+PER',
    ],
    [
      'the place of one of the two when the sentence names the other',
      "Prisoners rioted at a jail in Peru's capital Lima on Monday, joining hundreds of " +
        'protesters in demanding the return of boats seized by Chilean authorities.',
      'PROTEST CHL+PER',
    ],
  ])('the other side for %s', (_, body, event) => {
    const { events, trace } = story(body);
    expect(trace).toContain("the other side of the document's pair");
    expect(events).toContain(event);
  });

  it("an act's own subject stands for a party the clause heuristics took from elsewhere", () => {
    const { events, trace } = story(
      'Chile said on Monday that it would keep up the pressure, as Lima rejected its offer.',
    );
    expect(trace).toMatch(/roles of REJECT 'rejected' .* from its arguments on the tree: \[PER\]/);
    expect(events).toEqual(['REJECT CHL+PER']);
  });
});

describe("no pair's other side for an act done by or to someone the guidelines do not code", () => {
  // A story about Ghana and Togo: an act of one of them whose doer or undergoer on the tree is a
  // person or a private group is between that state and them, not the other state.
  const story = (body: string) => run(`Ghana and Togo: a border quarrel\n\n${body}`);

  it.each([
    ['a private group doing it', 'Bloggers accused Ghana of election fraud on Monday.', 'Bloggers'],
    [
      'an armed group doing it',
      'Militants attacked a Ghanaian border post on Monday.',
      'Militants',
    ],
    ['a person undergoing it', 'Ghana charged him with espionage on Monday.', "'him'"],
    ['a private group undergoing it', 'Ghana arrested ten journalists on Monday.', 'journalists'],
    ['a named person undergoing it', 'Ghana praised Kwesi Mensah on Monday.', 'Kwesi Mensah'],
    [
      'a named person in what the act is to do',
      'Ghana agreed on Monday to pay Kofi Boateng for the land.',
      'Kofi Boateng',
    ],
  ])('none for %s', (_, body, who) => {
    const { events, trace } = story(body);
    expect(trace).toMatch(new RegExp(`\\[other-side-from-pair\\] keep .*: done (to|by) .*${who}`));
    expect(events).toEqual([]);
  });

  it.each([
    // What an agreement signs, or talks are held at, is a thing with a name.
    [
      'a named agreement signed',
      'Ghana signed the Volta Basin Charter on Monday.',
      'AGREE GHA+TGO',
    ],
    // A name after "the" is a thing's, not a person's.
    ['a named place acted on', 'Ghana blocked the Aflao Bridge on Monday.', 'PROTEST GHA+TGO'],
    ['an object that is no one', 'Ghana condemned the raid on Monday.', 'ACCUSE GHA+TGO'],
    // What an attack or an occupation is done to may be a place's name.
    ['a named place attacked', 'Ghana occupied Kpoglu on Monday.', 'COERCE GHA+TGO'],
  ])('the other side still for %s', (_, body, event) => {
    const { events, trace } = story(body);
    expect(trace).toContain("the other side of the document's pair");
    expect(events.join(' ')).toContain(event);
  });
});

describe('what talks are about is no party of them', () => {
  it.each([
    [
      'Brazilian and Argentine ministers discussed Bolivia and its debts on Monday.',
      'CONSULT ARG+BRA',
      'BOL',
    ],
    ['Brazil and Argentina held talks on Bolivia on Monday.', 'CONSULT ARG+BRA', 'BOL'],
    ['The African Union held a meeting on Sudan on Tuesday.', 'CONSULT AU', 'SDN'],
  ])('%s', (text, event, topic) => {
    const { events, trace } = run(text, null);
    expect(trace).toContain(`[place-roles] drop ${topic} from CONSULT`);
    expect(events).toEqual([event]);
  });

  it.each([
    ['Brazil held talks with Argentina on Monday.', 'CONSULT ARG+BRA'],
    ['Brazil imposed sanctions on Bolivia on Monday.', 'SANCTION BOL+BRA'],
  ])('the other side stays: %s', (text, event) => {
    const { events, trace } = run(text, null);
    expect(trace).not.toContain('[place-roles]');
    expect(events).toEqual([event]);
  });
});

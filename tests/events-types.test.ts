// Table tests for event types in news prose: demands, conditional threats, denials, duties and
// their easing, promises, bodies founded, and the acts that deverbal nouns name. Sentences are
// written for each class; a failing row prints the pipeline's trace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventLines } from './fixtures/event-lines.ts';

function table(name: string, rows: [string, string][]) {
  describe(name, () => {
    it.each(rows)('%s', (text, want) => {
      const { got, trace } = eventLines(text);
      expect(got, trace).toContain(want);
    });
  });
}

table('what a party "needs to" do is demanded of it', [
  [
    'Chile said on 4 March 2024 that Peru needs to withdraw its troops from the border.',
    'REQUEST CHL+PER 2024-03-04',
  ],
  [
    'Officials in Oslo said on 5 March 2024 that Russia needs to either return or destroy the seized trawlers.',
    'REQUEST NOR+RUS 2024-03-05',
  ],
]);

table('a hostile act hanging on a condition is a threat', [
  [
    'Chile said on 4 March 2024 that sanctions could follow if Peru tested the missile.',
    'THREATEN CHL+PER 2024-03-04',
  ],
  [
    'Kenya warned on 6 March 2024 that it could expel Somali diplomats if the raids went on.',
    'THREATEN KEN+SOM 2024-03-06',
  ],
]);

table('dismissing a charge by what it is called, or denying being a threat, is a rejection', [
  ['Peru on 4 March 2024 dismissed the Chilean charges as baseless.', 'REJECT CHL+PER 2024-03-04'],
  [
    'On 5 March 2024 Ghana called the Togolese accusations "unfounded."',
    'REJECT GHA+TGO 2024-03-05',
  ],
  [
    'On 6 March 2024 Peru said its new missiles pose no threat to Chile.',
    'REJECT CHL+PER 2024-03-06',
  ],
]);

table('duties levied, answered in kind, or eased', [
  ['On 4 March 2024 Chile levied 20% tariffs on Peruvian copper.', 'SANCTION CHL+PER 2024-03-04'],
  ['On 5 March 2024 Peru retaliated with duties on Chilean wine.', 'SANCTION CHL+PER 2024-03-05'],
  [
    'On 6 March 2024 Chile exempted Peruvian fruit from the new duties.',
    'RETREAT CHL+PER 2024-03-06',
  ],
  [
    'On 7 March 2024 Chile delayed the tariffs on Peruvian goods for a month.',
    'RETREAT CHL+PER 2024-03-07',
  ],
]);

table('an assurance to a party is a promise', [
  [
    'On 4 March 2024 Chile assured Peru that it would protect its fishing fleet.',
    'AGREE CHL+PER 2024-03-04',
  ],
]);

table('founding a body of several states is cooperation', [
  [
    'On 4 March 2024 Chile, Peru and Bolivia created an alliance of Andean states.',
    'COOPERATE BOL+CHL+PER 2024-03-04',
  ],
  [
    'On 5 March 2024 Chile and Peru formed a joint task force on smuggling.',
    'COOPERATE CHL+PER 2024-03-05',
  ],
  [
    'On 6 March 2024 Chile and Peru set up a joint working group on water.',
    'COOPERATE CHL+PER 2024-03-06',
  ],
]);

table('a light verb’s noun realises the act it governs by "of"', [
  [
    'Talks stalled in 2018, after Chile’s imposition of sanctions on Peru.',
    'SANCTION CHL+PER 2018',
  ],
  [
    'Chile’s defence minister announced the activation of a rapid reaction force with Peru on 4 March 2024.',
    'MOBILIZE CHL+PER 2024-03-04',
  ],
]);

table('a light verb reaches its noun across "under"', [
  [
    'On 4 March 2024 Chile put two Peruvian diplomats under investigation for spying.',
    'ACCUSE CHL+PER 2024-03-04',
  ],
  [
    'A Peruvian official has been put under investigation in Chile for spying during a summit last month.',
    'ACCUSE CHL+PER 2024-02',
  ],
]);

describe('the goods a duty falls on are no trade event', () => {
  it('keeps the sanction only', () => {
    const { got, trace } = eventLines(
      'On 4 March 2024 Chile imposed tariffs on Peruvian copper exports.',
    );
    expect(got, trace).toEqual(['SANCTION CHL+PER 2024-03-04']);
  });
});

describe('reaffirming a commitment is support, not a threat', () => {
  it('codes the pattern that asks nothing beyond its object', () => {
    const { got, trace } = eventLines(
      'On 4 March 2024 Chile and Peru reaffirmed their commitment to the border treaty.',
    );
    expect(got, trace).toEqual(['SUPPORT CHL+PER 2024-03-04']);
  });
});

describe('the generated lexicon', () => {
  const rows = readFileSync(
    new URL('../data/lexicon/triggers.petrarch.tsv', import.meta.url),
    'utf8',
  )
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));

  it('keeps no object too general to carry a pattern ("state" of "United States", "town")', () => {
    for (const r of rows) {
      const objs = r[5]!.slice(4).split('|');
      for (const w of ['state*', 'states', 'town', 'area', 'action*', 'world*', 'together*'])
        expect(objs, r.join(' ')).not.toContain(w);
    }
  });

  it('never reads a spaced spelling by its last word ("CEASE_FIRE" as "fire")', () => {
    const ceasefire = rows.filter((r) => r[5]!.includes('armistice'));
    expect(ceasefire.length).toBeGreaterThan(5);
    for (const r of ceasefire) expect(r[5]!.slice(4).split('|')).not.toContain('fire');
  });
});

table('concern voiced about a party is criticism; names called are accusations', [
  [
    'On 4 March 2024 Chile expressed concern over Peru’s missile tests.',
    'ACCUSE CHL+PER 2024-03-04',
  ],
  [
    'Chile remains “deeply concerned” about Peru’s naval build-up, its ministry said on 5 March 2024.',
    'ACCUSE CHL+PER 2024-03-05',
  ],
  ['On 6 March 2024 Chile called the Peruvian leader a dictator.', 'ACCUSE CHL+PER 2024-03-06'],
  ['On 7 March 2024 Chile expressed outrage at Peru’s decision.', 'ACCUSE CHL+PER 2024-03-07'],
]);

describe('concern voiced with its preposition leaves a later act its own', () => {
  it('keeps the call made alongside', () => {
    const { got, trace } = eventLines(
      'Chile voiced concern over the violence in Peru on 4 March 2024, with its foreign minister speaking by phone with his Peruvian counterpart.',
    );
    expect(got, trace).toContain('ACCUSE CHL+PER 2024-03-04');
    expect(got, trace).toContain('CONSULT CHL+PER 2024-03-04');
  });
});

describe('the topic of an attitude is a reference, not an act', () => {
  it('drops "critical of the agreement"', () => {
    const { got, trace } = eventLines(
      'Chile and Peru are neighbours. In the 1990s many fishermen were critical of the agreement.',
    );
    expect(got, trace).toEqual([]);
  });
});

table('duties kept in force are a sanction', [
  [
    'Chile is keeping its tariffs on Peruvian copper in place, officials said on 4 March 2024.',
    'SANCTION CHL+PER 2024-03-04',
  ],
]);

table('leaving a body of states cuts a relation; a clash of leaders is one of words', [
  [
    'On 4 March 2024 Chile, Peru and Bolivia withdrew from the Andean Community.',
    'SANCTION BOL+CHL+PER 2024-03-04',
  ],
  [
    'Ties soured after the Santiago clash between Chilean President Ana Soto and Peruvian President Luis Vega on 5 March 2024.',
    'ACCUSE CHL+PER 2024-03-05',
  ],
  [
    'Chilean and Peruvian troops clashed on the border on 6 March 2024.',
    'ASSAULT CHL+PER 2024-03-06',
  ],
]);

table('an honour conferred and credit given are praise', [
  [
    'On 4 March 2024 Peru conferred its highest civilian honour on the Chilean president.',
    'SUPPORT CHL+PER 2024-03-04',
  ],
  [
    'On 5 March 2024 Chile credited Peru for playing a constructive role in the talks.',
    'SUPPORT CHL+PER 2024-03-05',
  ],
  ['Chile conferred with Peru on 6 March 2024.', 'CONSULT CHL+PER 2024-03-06'],
]);

table('saying another party poses a threat accuses it', [
  [
    'Chile said on 4 March 2024 that Peru’s missiles pose a threat to its cities.',
    'ACCUSE CHL+PER 2024-03-04',
  ],
]);

table('expecting another party to act demands it', [
  [
    'Chile expects Peru to hand over the suspects, the ministry said on 4 March 2024.',
    'REQUEST CHL+PER 2024-03-04',
  ],
]);

describe('a forecast is no demand', () => {
  it('reads "is expected to" as a future, not as an expectation of another party', () => {
    const { got, trace } = eventLines(
      'Chile is expected to sign the deal with Peru on 4 March 2024.',
    );
    expect(
      got.filter((g) => g.startsWith('REQUEST')),
      trace,
    ).toEqual([]);
  });
});

describe('an act demanded to stop is not reported as done', () => {
  it('drops the possessed noun that "stop" governs', () => {
    const { got, trace } = eventLines(
      'It is time to stop Peru’s heinous and cruel attacks, the Chilean minister tweeted on 4 March 2024.',
    );
    expect(got, trace).toEqual([]);
  });
  it('keeps the possessed noun otherwise', () => {
    const { got, trace } = eventLines(
      'Peru’s brutal attacks on Chilean towns on 4 March 2024 killed 12.',
    );
    expect(got, trace).toContain('ASSAULT CHL+PER 2024-03-04');
  });
});

describe('words that only look like acts', () => {
  it.each([
    'Chile is seeking to finalize a fishing deal with Peru, officials said on 4 March 2024.',
    'Chile has sought to finalize the agreement with Peru since 4 March 2024.',
    'On 4 March 2024 a banking crisis in Peru caused supply chain disruptions in Chile.',
    'The minister said on 4 March 2024 that Chile and Peru must demonstrate the value of their pact.',
    'Chile and Peru are not “marching in” step, the envoy said on 4 March 2024.',
    'On 4 March 2024 the Chilean plan met with opposition from Peru.',
    'Smugglers on a passenger train from Peru were caught in Chile on 4 March 2024.',
    'Rebels got orders from handlers in Peru via satellite phone, Chile said on 4 March 2024.',
    'Chile said on 4 March 2024 that Peru’s ex-leader was guilty of misuse of public funds.',
    'On 4 March 2024 Chile expressed concern for the safety of its citizens in Peru.',
    'Asked by a reporter on 4 March 2024 whether Chile would talk to Peru, the minister smiled.',
    'We continue to see growing threats in the region, the Chilean minister said in Peru on 4 March 2024.',
  ])('%s', (text) => {
    const { got, trace } = eventLines(text);
    expect(got, trace).toEqual([]);
  });

  it('keeps the verb whose past is its base form ("the kingdom cut ties")', () => {
    const { got, trace } = eventLines(
      'Saudi Arabia and Iran are rivals. In 2016 the kingdom cut ties with Tehran.',
    );
    expect(got, trace).toEqual(['SANCTION IRN+SAU 2016']);
  });
});

table('an official arriving in a capital or a country is a visit; troops arriving are not', [
  ['The Ghanaian president arrived in Lomé on 2 March 2024.', 'CONSULT GHA+TGO 2024-03-02'],
  [
    'Chile’s foreign minister arrived in Lima on 3 March 2024 for talks on the border.',
    'CONSULT CHL+PER 2024-03-03',
  ],
]);

table('attending a ceremony of another state is a meeting', [
  [
    'The Peruvian president attended the inauguration of the Chilean president on 11 March 2024.',
    'CONSULT CHL+PER 2024-03-11',
  ],
  [
    'On 6 March 2024 Kenya’s prime minister attended the funeral of Ethiopia’s foreign minister.',
    'CONSULT ETH+KEN 2024-03-06',
  ],
]);

describe('troops arriving are no visit', () => {
  it.each([
    'Chilean troops arrived in Peru on 2 March 2024 for a joint exercise.',
    'A shipment of weapons arrived in Lomé from Ghana on 2 March 2024.',
  ])('%s', (text) => {
    expect(eventLines(text).got.filter((g) => g.startsWith('CONSULT'))).toEqual([]);
  });
});

table('declaring a diplomat persona non grata is an expulsion', [
  [
    'On 4 March 2024 Chile declared two Peruvian diplomats persona non grata.',
    'SANCTION CHL+PER 2024-03-04',
  ],
  [
    'Peru answered on 5 March 2024 by declaring the Chilean consul persona non grata.',
    'SANCTION CHL+PER 2024-03-05',
  ],
]);

table('returning a visit is a visit', [
  [
    'The Chilean president visited Lima in January 2024, and the Peruvian president returned the visit on 4 March 2024.',
    'CONSULT CHL+PER 2024-03-04',
  ],
]);

table('a possessor names the party of an act however its noun phrase runs on', [
  [
    'Chile’s new fishing deal with Peru, signed on 4 March 2024, angered Bolivia.',
    'AGREE CHL+PER 2024-03-04',
  ],
  [
    'Ghana’s long-awaited security pact with Togo was signed on 5 March 2024.',
    'AGREE GHA+TGO 2024-03-05',
  ],
]);

table('relations established in the passive, their parties named inside the subject', [
  [
    'Diplomatic relations between Chile and Peru were established on 4 March 2024.',
    'SUPPORT CHL+PER 2024-03-04',
  ],
  [
    'Full diplomatic ties between Ghana and Togo were restored on 5 March 2024.',
    'SUPPORT GHA+TGO 2024-03-05',
  ],
]);

table('an act in a clause of "during which" after a visit is an act of its own', [
  [
    'The Chilean president visited Lima on 4 March 2024, during which the two sides signed a fishing agreement.',
    'AGREE CHL+PER 2024-03-04',
  ],
]);

table("regretting a party's act is disapproval", [
  [
    "On 4 March 2024 Chile regretted Peru's decision to close the border.",
    'ACCUSE CHL+PER 2024-03-04',
  ],
  [
    'Ghana on 5 March 2024 regretted the expulsion of its diplomats by Togo.',
    'ACCUSE GHA+TGO 2024-03-05',
  ],
]);

table('calling off talks or a visit reduces relations', [
  ['On 4 March 2024 Chile called off the border talks with Peru.', 'SANCTION CHL+PER 2024-03-04'],
  ['Ghana called off a planned visit to Togo on 5 March 2024.', 'SANCTION GHA+TGO 2024-03-05'],
]);

table('punitive measures are sanctions', [
  ["In 2023 Chile's punitive measures against Peru hit fruit exports.", 'SANCTION CHL+PER 2023'],
  ['Ghana imposed punitive measures on Togo in June 2023.', 'SANCTION GHA+TGO 2023-06'],
]);

describe('regret words that only apologise or mourn', () => {
  it('regretting an offence is an apology', () => {
    const { got } = eventLines('On 4 March 2024 Chile regretted the offence caused to Peru.');
    expect(got.some((e) => e.startsWith('ACCUSE'))).toBe(false);
  });
});

table('a noun under a verb with a modal takes its modal: a stated future act is a pledge', [
  [
    'Ghana announced on 4 March 2024 that it will resume trade with Togo.',
    'AGREE GHA+TGO 2024-03-04',
  ],
  [
    'Kenya said on 4 March 2024 that it will keep military exercises with Uganda going.',
    'AGREE KEN+UGA 2024-03-04',
  ],
]);

describe('a noun under a verb of possibility is no act done', () => {
  it('could start joint patrols', () => {
    const { got, trace } = eventLines(
      'Norway said on 4 March 2024 that it could start joint patrols with Sweden.',
    );
    expect(got, trace).toEqual([]);
  });
});

table("a light verb's phrase holds across its noun's determiner and adjectives", [
  ['Germany expressed its support for Poland on 4 March 2024.', 'SUPPORT DEU+POL 2024-03-04'],
  [
    'Japan expressed its deep concern over the North Korean missile launch on 4 March 2024.',
    'ACCUSE JPN+PRK 2024-03-04',
  ],
  ['Spain lodged its strongest protest with Morocco on 4 March 2024.', 'ACCUSE ESP+MAR 2024-03-04'],
]);

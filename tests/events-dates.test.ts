// Table tests for how an event takes its date in news prose: which date of the sentence is the
// act's, and which belongs to something else. Sentences written for each class; the document
// date is Friday 15 March 2024 unless a row says otherwise. A failing row prints the trace.
import { describe, expect, it } from 'vitest';
import { eventLines } from './fixtures/event-lines.ts';

type Row = [text: string, want: string[]];

function check([text, want]: Row) {
  const { got, trace } = eventLines(text);
  for (const w of want) expect(got, trace).toContain(w);
}

describe('a date in the genitive dates its own noun, not the act around it', () => {
  const rows: Row[] = [
    // The date qualifies the raid inside the claim: the rejection is undated.
    [
      "Kenya rejected Uganda's claim that Tuesday's border raid had been planned from Kenyan soil.",
      ['REJECT KEN+UGA null'],
    ],
    [
      "Ghana denied Togo's accusation that last week's cross-border raid was launched from its territory.",
      ['REJECT GHA+TGO null'],
    ],
    // Its own noun takes it.
    [
      "Wednesday's shelling of Armenian villages by Azerbaijan drew a protest from France.",
      ['ASSAULT ARM+AZE 2024-03-13'],
    ],
    // A verb whose object it opens answers the dated act: no earlier than that day.
    [
      "Chile welcomed Monday's announcement that Peru would reopen its border.",
      ['SUPPORT CHL+PER 2024-03-11'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('a date closing the phrase before a comma is that phrase’s, not the next act’s', () => {
  const rows: Row[] = [
    [
      'Kenya changed its constitution in 2010, received Chinese loans for a railway in 2014.',
      ['AID CHN+KEN 2014'],
    ],
    [
      'Ghana held elections in 2020, welcomed a Nigerian trade mission in 2022.',
      ['SUPPORT GHA+NGA 2022'],
    ],
    [
      'Chile announced a new doctrine in 2016, accepted $2 billion in Bolivian funding in 2019.',
      ['AID BOL+CHL 2019'],
    ],
    // A date heading the sentence still dates the act after its comma.
    ['In 2016, Japan signed a loan deal with India first drafted in 2012.', ['AGREE IND+JPN 2016']],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('a count before a clause dates the act of that clause', () => {
  const rows: Row[] = [
    [
      'Brazil on Friday condemned Argentina. Its statement came two days after Argentina expelled Brazilian diplomats.',
      ['ACCUSE ARG+BRA 2024-03-15', 'SANCTION ARG+BRA 2024-03-13'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));

  // A date before the count is the main clause's: it neither dates the clause the count opens
  // nor makes a second event of it, as a list of dates would.
  const only: Row[] = [
    [
      'Ghana and Togo reopened the border in June 2022, two years after Accra expelled Togolese diplomats.',
      ['SANCTION GHA+TGO 2020'],
    ],
    [
      'Ghana and Togo reopened the border in June 2022, a decade after Accra expelled Togolese diplomats.',
      ['SANCTION GHA+TGO 2012'],
    ],
  ];
  it.each(only)('%s (one date only)', (text, want) => {
    const { got, trace } = eventLines(text);
    expect(
      got.filter((g) => g.startsWith('SANCTION')),
      trace,
    ).toEqual(want);
  });
});

describe('a saying’s date dates the act it reports only when the act has none', () => {
  const rows: Row[] = [
    [
      'Chad said on Friday that Sudan had shelled its border town of Adre on Wednesday.',
      ['ASSAULT SDN+TCD 2024-03-13'],
    ],
    [
      'Ukraine said on Sunday that Russia had attacked its power grid on Saturday.',
      ['ASSAULT RUS+UKR 2024-03-09'],
    ],
    [
      'Chad said on Friday that Sudan had shelled its border town of Adre.',
      ['ASSAULT SDN+TCD 2024-03-15'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('a clause of the same moment after the act dates it', () => {
  const rows: Row[] = [
    [
      'France condemned the crackdown in Mali, as six protesters were killed Thursday in Bamako.',
      ['ACCUSE FRA+MLI 2024-03-14'],
    ],
    [
      'Greece protested to Turkey, while Turkish jets flew over its islands on Tuesday.',
      ['ACCUSE GRC+TUR 2024-03-12'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('the acts of a dated visit just after it are its acts', () => {
  const visit =
    'The announcement came during a two-day visit by Japanese Prime Minister Fumio Kishida to ' +
    'India. Following talks with Indian Prime Minister Narendra Modi, both leaders reaffirmed ' +
    'their commitment to a free Indo-Pacific. Kishida announced that Japan would lend India $5 ' +
    'billion for railways. In 2019, China signed a trade deal with India. Both leaders praised ' +
    'the deal.';
  it('takes the visit’s days, a promise made there included', () =>
    check([
      visit,
      [
        'CONSULT IND+JPN 2024-03-14/2024-03-15',
        'SUPPORT IND+JPN 2024-03-14/2024-03-15',
        'AGREE IND+JPN 2024-03-14/2024-03-15',
      ],
    ]));
  it('a date outside the visit ends it', () => {
    const { got, trace } = eventLines(visit);
    expect(got, trace).toContain('SUPPORT CHN+IND null');
  });
  it('an act of other parties is not the visit’s', () => {
    const { got, trace } = eventLines(
      'The pact came during a three-day visit by the Thai prime minister to Laos. ' +
        'Crowds lined the streets of Vientiane. Vietnam praised Cambodia. Thailand praised Laos.',
    );
    expect(got, trace).toContain('SUPPORT KHM+VNM null');
    expect(got, trace).toContain('SUPPORT LAO+THA 2024-03-13/2024-03-15');
  });
});

describe('the acts of a dated meeting just after it are its acts', () => {
  const rows: Row[] = [
    [
      'Japan and South Korea held their third summit in Hanoi in June 2023. Tokyo’s demand for a fishing quota and ' +
        'Seoul’s rejection of it ended the talks early.',
      ['REQUEST JPN+KOR 2023-06'],
    ],
    [
      'Kenyan and Ugandan ministers held talks in Kampala on Tuesday. Kenya accused Uganda of ' +
        'blocking its lorries at the border.',
      ['CONSULT KEN+UGA 2024-03-12', 'ACCUSE KEN+UGA 2024-03-12'],
    ],
    // Not past a date of its own, nor to other parties.
    [
      'Peru and Chile met in Lima in May 2022. In 2019, Peru had accused Chile of spying. ' +
        'Bolivia praised Ecuador.',
      ['ACCUSE CHL+PER 2019', 'SUPPORT BOL+ECU null'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('a visit or meeting the lede tells of dates its acts in later paragraphs', () => {
  const release =
    'Ghanaian Foreign Minister meets Senegalese Foreign Minister\n\n' +
    'On 4 March, Ghanaian Foreign Minister Samuel Ablakwa held a meeting with Senegalese ' +
    'Foreign Minister Yassine Fall, who is visiting Accra. The main points are as follows.\n\n' +
    '1. Minister Ablakwa welcomed Minister Fall and praised Senegal for its role in the region.' +
    '\n\n2. Minister Fall thanked Ghana and invited Minister Ablakwa to visit Dakar.\n\n';
  it('acts told in the simple past take the meeting’s day', () =>
    check([release, ['SUPPORT GHA+SEN 2024-03-04', 'REQUEST GHA+SEN 2024-03-04']]));
  it('a perfect after it is background, and a date outside it ends it', () => {
    const { got, trace } = eventLines(
      `${release}3. Ghana has long supported Senegal in the region.\n\n` +
        '4. In 2019, Senegal accused Ghana of dumping rice. Ghana rejected Senegal’s claim.',
    );
    expect(got, trace).toContain('SUPPORT GHA+SEN null');
    expect(got, trace).toContain('ACCUSE GHA+SEN 2019');
    expect(got, trace).not.toContain('REJECT GHA+SEN 2024-03-04');
  });
  it('a meeting further into a story lends its date to its own paragraph only', () => {
    const { got, trace } = eventLines(
      'Peru said on Friday that copper exports rose. Markets were calm. Prices fell.\n\n' +
        'Peruvian and Chilean ministers met in Lima on Tuesday.\n\nMarkets were calm. Prices ' +
        'fell.\n\nChile praised Peru.',
    );
    expect(got, trace).toContain('SUPPORT CHL+PER null');
  });
});

describe('"the statement said": the acts of a statement dated before take its day', () => {
  const opening =
    'France urged Iran on Thursday to free the detainees, in a statement. Officials said the ' +
    'talks went well.';
  it('a verbal act of the statement', () =>
    check([
      `${opening} The statement said France condemned Iran's missile tests.`,
      ['ACCUSE FRA+IRN 2024-03-14'],
    ]));
  it('not a deed the statement reports', () =>
    check([
      `${opening} The statement said Iran had attacked Iraqi villages.`,
      ['ASSAULT IRN+IRQ null'],
    ]));
  it('not across a paragraph break', () =>
    check([`${opening}\n\nThe statement said France condemned Iran.`, ['ACCUSE FRA+IRN null']]));
  it('and its day dates the acts of the next sentence', () =>
    check([
      'France praised Iran on Tuesday for freeing a reporter, in a statement. On Thursday, Iran ' +
        'released two French tourists. The statement said France condemned Iran’s missile ' +
        'tests. It called on Iran to halt enrichment.',
      ['ACCUSE FRA+IRN 2024-03-12', 'REQUEST FRA+IRN 2024-03-12'],
    ]));
});

describe('the story’s present is not carried to an act in the present perfect', () => {
  const rows: Row[] = [
    [
      'Ghana and Togo signed a border deal on Monday. Benin has since criticized Togo.',
      ['AGREE GHA+TGO 2024-03-11', 'ACCUSE BEN+TGO null'],
    ],
    [
      'Chile and Peru signed a trade pact on Tuesday. Bolivia has voiced concern over Peru’s tariffs.',
      ['ACCUSE BOL+PER null'],
    ],
    // The simple past still takes it.
    [
      'Ghana and Togo signed a border deal on Monday. Benin criticized Togo.',
      ['ACCUSE BEN+TGO 2024-03-11'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('the day of the sentence before dates its subject’s acts; a month or year does not', () => {
  const rows: Row[] = [
    [
      'Chile’s president on Tuesday spoke to reporters in Santiago. Chile criticized Peru’s tariffs.',
      ['ACCUSE CHL+PER 2024-03-12'],
    ],
    [
      'Ghana’s finance minister last week presented a budget. Ghana accused Togo of smuggling.',
      ['ACCUSE GHA+TGO 2024-03-03/2024-03-10'],
    ],
    // A month or a year is a stretch the story moves on within.
    [
      'Chile’s economy last year grew by three percent. Chile criticized Peru’s tariffs.',
      ['ACCUSE CHL+PER null'],
    ],
    [
      'Kenya’s parliament last month debated the budget. Kenya accused Uganda of smuggling.',
      ['ACCUSE KEN+UGA null'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('the year of a statement dates the act the statement makes', () => {
  const rows: Row[] = [
    ['A 2018 report by the OAS criticized Bolivia for its elections.', ['ACCUSE BOL+OAS 2018']],
    ['In a 2017 statement, Laos thanked Vietnam for its aid.', ['SUPPORT LAO+VNM 2017']],
    // Not an act done to the statement.
    ['Chile rejected a 2019 report by Peru.', ['REJECT CHL+PER null']],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('a date inside a relative clause dates that clause, not the act outside it', () => {
  const rows: Row[] = [
    [
      "Kenya's president, whose party lost elections in 2022, seldom criticized China.",
      ['ACCUSE CHN+KEN null'],
    ],
    [
      'Chile criticized Peru, whose congress changed the constitution in 2020.',
      ['ACCUSE CHL+PER null'],
    ],
    // With no comma to close it, the tree bounds the clause.
    ['Kenya protested the deal that Uganda signed with Sudan in 2015.', ['PROTEST KEN+UGA null']],
    [
      'Egypt thanked Jordan for the aid that Amman sent in February during the floods.',
      ['SUPPORT EGY+JOR null'],
    ],
    // The act of the relative clause keeps it, and so does the event noun it is about.
    [
      'The Srebrenica massacre, which was committed by Serbian forces against Bosnians in July 1995, is remembered each year.',
      ['ASSAULT BIH+SRB 1995-07'],
    ],
    [
      'Analysts noted that Ghana, which recognized Kosovo in 2012, keeps close ties with Serbia.',
      ['SUPPORT SRB+XKX 2012'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('a lede in the present perfect or progressive is news of the publication date', () => {
  const rows: Row[] = [
    [
      'Court Opens Hearing\n\nGhana has refused to attend a hearing on its maritime border with Togo.',
      ['REJECT GHA+TGO 2024-03-15'],
    ],
    [
      'Peru has expelled the Chilean ambassador over a trade row. Talks are stalled.',
      ['SANCTION CHL+PER 2024-03-15'],
    ],
    [
      'Ankara is threatening retaliation against Athens over the drilling.',
      ['THREATEN GRC+TUR 2024-03-15'],
    ],
    // A stretch of time, a date of its own, or a quotation is not the day's news.
    ['Peru has long criticized Chile over its water policy.', ['ACCUSE CHL+PER null']],
    ['Peru has criticized Chile in recent years over its water policy.', ['ACCUSE CHL+PER null']],
    ['"Peru has criticized Chile," the minister told reporters.', ['ACCUSE CHL+PER null']],
    ['Ankara was threatening retaliation against Athens.', ['THREATEN GRC+TUR null']],
    // Past the lede, a perfect is the story's background.
    [
      'Peru held elections. Lima has criticized Chile over its water policy.',
      ['ACCUSE CHL+PER null'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('a day the sentence before gave its subject dates that subject’s next acts', () => {
  const rows: Row[] = [
    // The dated sentence has no act of ours; the next one tells what its subject did that day.
    [
      'Brazil on Tuesday announced a string of trade measures. Brazil imposed tariffs on Argentina.',
      ['SANCTION ARG+BRA 2024-03-12'],
    ],
    // Another subject's act is not dated by it, nor is an act two sentences on.
    [
      'Brazil on Tuesday announced a string of trade measures. Argentina criticized Chile.',
      ['ACCUSE ARG+CHL null'],
    ],
    [
      'Brazil on Tuesday announced a string of trade measures. Markets fell. Brazil criticized Chile.',
      ['ACCUSE BRA+CHL null'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('a hostile act a saying foresees is a threat made on the story’s day', () => {
  const rows: Row[] = [
    [
      'France on Monday accused Iran of hiding its enrichment. The French minister added that France would impose sanctions on Iran if it refused inspections.',
      ['THREATEN FRA+IRN 2024-03-11'],
    ],
    // Without a saying it is a plan, not a statement: it stays undated.
    [
      'France on Monday accused Iran of hiding its enrichment. France would impose sanctions on Iran if it refused inspections.',
      ['THREATEN FRA+IRN null'],
    ],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

// Table tests of the event rules: sentences in, events (type, participants, date) out. Rows are
// in several styles and about many countries; a failing row prints the pipeline's trace.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';
import type { Extraction } from '../src/extract/types.ts';

const DOC_DATE = '2024-03-15';

function run(text: string, date: string | null = DOC_DATE): { x: Extraction; trace: string } {
  const lines: string[] = [];
  const x = extract({ text, date }, { trace: (l) => lines.push(l) });
  return { x, trace: lines.join('\n') };
}

interface Row {
  type: string;
  actors: string[];
  date?: string | null;
}

const summary = (x: Extraction) =>
  x.events.map((e) => `${e.type} ${[...e.actors].sort().join('+')} ${e.date}`);

const positive: [string, Row][] = [
  [
    'Pakistan was the first country to recognize Azerbaijan as an independent state on December 12,1991.',
    { type: 'SUPPORT', actors: ['AZE', 'PAK'], date: '1991-12-12' },
  ],
  [
    'Azerbaijan and Pakistan are close. The two countries signed a defense agreement in May of 2003.',
    { type: 'AGREE', actors: ['AZE', 'PAK'], date: '2003-05' },
  ],
  [
    'France and Germany signed the Elysée Treaty on 22 January 1963.',
    { type: 'AGREE', actors: ['DEU', 'FRA'], date: '1963-01-22' },
  ],
  [
    'Japanese Prime Minister Shinzo Abe visited India in January 2014.',
    { type: 'CONSULT', actors: ['IND', 'JPN'], date: '2014-01' },
  ],
  [
    'Russian troops invaded Ukraine in February 2022.',
    { type: 'ASSAULT', actors: ['RUS', 'UKR'], date: '2022-02' },
  ],
  [
    'Canada expelled two Indian diplomats in 2023.',
    { type: 'SANCTION', actors: ['CAN', 'IND'], date: '2023' },
  ],
  ['Brazil condemned the Israeli strikes on Gaza.', { type: 'ACCUSE', actors: ['BRA', 'ISR'] }],
  [
    'Turkey has offered to mediate between Ethiopia and Sudan.',
    { type: 'AGREE', actors: ['ETH', 'SDN', 'TUR'] },
  ],
  [
    'Kenya urged Somalia to release the detained aid workers.',
    { type: 'REQUEST', actors: ['KEN', 'SOM'] },
  ],
  [
    'China threatened to impose sanctions on Lithuania.',
    { type: 'THREATEN', actors: ['CHN', 'LTU'] },
  ],
  ['Egypt rejected an Ethiopian proposal on the dam.', { type: 'REJECT', actors: ['EGY', 'ETH'] }],
  [
    'Norway provided humanitarian aid to Yemen in 2019.',
    { type: 'AID', actors: ['NOR', 'YEM'], date: '2019' },
  ],
  [
    'Pakistan has not established diplomatic relations with Armenia.',
    { type: 'REJECT', actors: ['ARM', 'PAK'] },
  ],
  [
    'Indian and Japanese warships held a joint exercise in the Bay of Bengal in June 2018.',
    { type: 'COOPERATE', actors: ['IND', 'JPN'], date: '2018-06' },
  ],
  [
    'Azerbaijan is on Pakistan’s side on the Kashmir issue.',
    { type: 'SUPPORT', actors: ['AZE', 'PAK'] },
  ],
  [
    'Last month Chile and Peru resumed talks on their maritime border.',
    { type: 'CONSULT', actors: ['CHL', 'PER'], date: '2024-02' },
  ],
  [
    'The United States imposed sanctions on Iran in 2018.',
    { type: 'SANCTION', actors: ['IRN', 'USA'], date: '2018' },
  ],
  [
    'Vietnam will hold joint naval drills with India next year, the ministry said.',
    { type: 'AGREE', actors: ['IND', 'VNM'] },
  ],
  [
    'Germany invaded France in May 1940 and occupied Paris the following month.',
    { type: 'COERCE', actors: ['DEU', 'FRA'], date: '1940-06' },
  ],
  [
    'India and China are neighbours. The two countries fought a brief war in 1962.',
    { type: 'ASSAULT', actors: ['CHN', 'IND'], date: '1962' },
  ],
  [
    'India and China are neighbours. In 1993 they signed an agreement on the border.',
    { type: 'AGREE', actors: ['CHN', 'IND'], date: '1993' },
  ],
  [
    'Beijing condemned the ban and urged India to correct its mistake.',
    { type: 'REQUEST', actors: ['CHN', 'IND'] },
  ],
  [
    'Iran vowed to retaliate against Israel for the strike.',
    { type: 'THREATEN', actors: ['IRN', 'ISR'] },
  ],
  [
    'North Korea test-fired a ballistic missile into the sea on 3 May 2023.',
    { type: 'MOBILIZE', actors: ['PRK'], date: '2023-05-03' },
  ],
  [
    'Australia struck a deal with France on submarines in 2016.',
    { type: 'AGREE', actors: ['AUS', 'FRA'], date: '2016' },
  ],
  [
    'India and China signed a border agreement in Moscow in 2020.',
    { type: 'AGREE', actors: ['CHN', 'IND'], date: '2020' },
  ],
  [
    'Russia, China and Iran held joint naval drills in the Gulf of Oman in January 2022.',
    { type: 'COOPERATE', actors: ['CHN', 'IRN', 'RUS'], date: '2022-01' },
  ],
  [
    'Saudi Arabia and Iran agreed in March 2023 to restore relations. The two countries had cut ties in 2016.',
    { type: 'SANCTION', actors: ['IRN', 'SAU'], date: '2016' },
  ],
  [
    'The foreign ministers of Azerbaijan, Pakistan and Turkey met in Islamabad in January 2021. Special forces of the three countries held a joint exercise in Baku in September 2021.',
    { type: 'COOPERATE', actors: ['AZE', 'PAK', 'TUR'], date: '2021-09' },
  ],
  [
    'The foreign ministers of Azerbaijan, Pakistan and Turkey met in Islamabad in January 2021.',
    { type: 'CONSULT', actors: ['AZE', 'PAK', 'TUR'], date: '2021-01' },
  ],
  [
    'The United States and the Soviet Union signed the INF Treaty in December 1987.',
    { type: 'AGREE', actors: ['SUN', 'USA'], date: '1987-12' },
  ],
  [
    'In 2019 Tokyo imposed export controls on chemicals vital to South Korea.',
    { type: 'SANCTION', actors: ['JPN', 'KOR'], date: '2019' },
  ],
  [
    'South Korea removed Japan from its list of trusted partners, and it threatened to end a pact with Japan.',
    { type: 'THREATEN', actors: ['JPN', 'KOR'] },
  ],
  [
    'Japan and South Korea normalised relations in June 1965.',
    { type: 'SUPPORT', actors: ['JPN', 'KOR'], date: '1965-06' },
  ],
  [
    'Moscow denied the claims and accused Lithuania of provocations.',
    { type: 'ACCUSE', actors: ['LTU', 'RUS'] },
  ],
  [
    'Serbia lodged an official protest with Albania today.',
    { type: 'ACCUSE', actors: ['ALB', 'SRB'] },
  ],
  [
    'The European Community gave the Ivory Coast 5.1 million dollars of aid.',
    { type: 'AID', actors: ['CIV', 'EU'] },
  ],
  [
    'Lukashenko of Belarus met Vladimir Putin of Russia in Sochi. Later the two foreign ministers signed a visa agreement.',
    { type: 'AGREE', actors: ['BLR', 'RUS'] },
  ],
  [
    'Kazakhstan recognised Uzbekistan on 26 December 1991, and the two countries established diplomatic relations on 23 November 1992.',
    { type: 'SUPPORT', actors: ['KAZ', 'UZB'], date: '1992-11-23' },
  ],
  [
    'Kazakhstan and Uzbekistan are neighbours. In 2017, the Uzbek president paid a state visit to Kazakhstan, where the two presidents signed a partnership treaty.',
    { type: 'AGREE', actors: ['KAZ', 'UZB'], date: '2017' },
  ],
  [
    'Kazakhstan and Uzbekistan are neighbours. Bilateral trade exceeded $3 billion in 2019.',
    { type: 'COOPERATE', actors: ['KAZ', 'UZB'], date: '2019' },
  ],
  [
    'Sudan, which also shares the Nile, called for mediation by the United States.',
    { type: 'REQUEST', actors: ['SDN', 'USA'] },
  ],
  [
    'Pakistan, a key U.S. ally in the region, has refused to deploy troops in Yemen.',
    { type: 'REJECT', actors: ['PAK', 'YEM'] },
  ],
  [
    'The Turkish president spoke by telephone with his Russian counterpart on Monday.',
    { type: 'CONSULT', actors: ['RUS', 'TUR'], date: '2024-03-11' },
  ],
  [
    'Japan lodged a protest with China over the detention of a Japanese businessman.',
    { type: 'ACCUSE', actors: ['CHN', 'JPN'] },
  ],
  [
    'The United States and Vietnam upgraded their relations to a comprehensive strategic partnership in September 2023.',
    { type: 'SUPPORT', actors: ['USA', 'VNM'], date: '2023-09' },
  ],
  [
    'Kenya will send 1,000 police officers to Haiti to lead a multinational mission.',
    { type: 'AGREE', actors: ['HTI', 'KEN'] },
  ],
  [
    'Mali ordered the French ambassador to leave the country within 72 hours.',
    { type: 'SANCTION', actors: ['FRA', 'MLI'] },
  ],
  [
    'Serbia banned imports of Kosovo goods in retaliation.',
    { type: 'SANCTION', actors: ['SRB', 'XKX'] },
  ],
  [
    'In the late 1990s, Peru and Ecuador ended their border dispute.',
    { type: 'AGREE', actors: ['ECU', 'PER'], date: '1997/1999' },
  ],
  [
    'Guyana and Suriname resolved their maritime dispute in 2007.',
    { type: 'AGREE', actors: ['GUY', 'SUR'], date: '2007' },
  ],
  [
    'Pakistan put its air force on high alert in February 2019.',
    { type: 'MOBILIZE', actors: ['PAK'], date: '2019-02' },
  ],
  [
    'India moved troops to its border with China in 2020.',
    { type: 'MOBILIZE', actors: ['CHN', 'IND'], date: '2020' },
  ],
];

const negative: [string, string][] = [
  ['The two countries share a long border and a common language.', 'a state of affairs, no act'],
  ['As a part of the agreement, trade rose.', 'a noun that refers back to an agreement'],
  ['Azerbaijan would love to join the alliance.', 'a hope is a prospect, not an event'],
  ['Could Germany and Poland cooperate more closely?', 'a question of possibility'],
  [
    'The Kremlin denied a report that Russia planned to deploy nuclear missiles in Belarus.',
    'a denied plan',
  ],
  ['More than 600 people were killed in the fighting.', 'no participant to code'],
  ['The 1920s were a decade of change.', 'no trigger at all'],
];

// Exactly these events, no more: clause and compound boundaries, treaty names, reported endings.
const exact: [string, string[], string][] = [
  [
    'Eritrea and Ethiopia were allies. In July 1993 the two governments signed a friendship and cooperation agreement.',
    ['AGREE ERI+ETH 1993-07'],
    'a modifier of the signed noun is no event of its own',
  ],
  [
    'Eritrean troops occupied Badme on 6 May 1998, and Ethiopia declared war a week later.',
    ['COERCE ERI+ETH 1998-05-06', 'ASSAULT ERI+ETH 1998-05-13'],
    '", and <subject> <verb>" is a new clause: no target from it; the other side is the document\'s pair',
  ],
  [
    'Indian Foreign Minister Jaishankar spoke by telephone with his Chinese counterpart on Wednesday, and both sides agreed to cool the situation.',
    ['CONSULT CHN+IND 2024-03-13', 'AGREE CHN+IND 2024-03-13'],
    'a date still reaches across ", and"',
  ],
  [
    'Pakistan signed trade agreements with Turkey, Iran, and China in 2005.',
    ['AGREE CHN+IRN+PAK+TUR 2005'],
    'the "and" of a list joins no clause',
  ],
  [
    'India and Pakistan signed the Tashkent Declaration in January 1966.',
    ['AGREE IND+PAK 1966-01'],
    'a capital naming a treaty is not a party',
  ],
  [
    'Russia and Ukraine signed the Minsk Protocol in September 2014.',
    ['AGREE RUS+UKR 2014-09'],
    'a capital naming a treaty is not a party',
  ],
  [
    'Iran and Iraq signed a ceasefire in August 1988, ending the war.',
    ['AGREE IRN+IRQ 1988-08'],
    'a war that ends is not fought then',
  ],
  [
    'Japan and the United States signed a peace treaty in 1951, ending the war.',
    ['AGREE JPN+USA 1951'],
    'a war that ends is not fought then',
  ],
  [
    'India and China are neighbours. Their presidents spoke by telephone on 17 June 2020.',
    ['CONSULT CHN+IND 2020-06-17'],
    '"their" with officials stands for the two states named before',
  ],
  [
    'Rebels attacked the town of Beni. Their leaders fled to Uganda in 2019.',
    [],
    '"their" with no two states before stands for nobody',
  ],
  [
    'South Korea removed Japan from its list of trusted partners, and it threatened to end a pact with Japan.',
    ['THREATEN JPN+KOR null'],
    '", and it": the subject of the clause before',
  ],
  [
    'Seoul will compensate the victims through a foundation, rather than asking Japan to pay.',
    [],
    'an alternative not taken is no event',
  ],
  [
    'In 1930 Greek Prime Minister Venizelos visited Ankara and signed a friendship treaty with Turkey.',
    ['CONSULT GRC+TUR 1930', 'AGREE GRC+TUR 1930'],
    'a date before both verbs dates both',
  ],
  [
    'Germany invaded France in May 1940 and occupied Paris.',
    ['ASSAULT DEU+FRA 1940-05', 'COERCE DEU+FRA null'],
    "a date after the first verb is that verb's own",
  ],
  [
    'Saudi Arabia and Iran are rivals. In 2016 the kingdom cut ties with Tehran.',
    ['SANCTION IRN+SAU 2016'],
    '"the kingdom": the latest state whose official name has the word',
  ],
  [
    'The Kingdom of Spain signed a treaty with Morocco in 1991.',
    ['AGREE ESP+MAR 1991'],
    'a full official name is a name',
  ],
  [
    'Four days of talks in Beijing between Iranian and Saudi officials took place in March 2023.',
    ['CONSULT IRN+SAU 2023-03'],
    'after "between" the two sides, not the venue',
  ],
  [
    'Saudi Arabia and Iran agreed on 10 March 2023 to re-establish relations and reopen their embassies.',
    ['AGREE IRN+SAU 2023-03-10'],
    'a verb joined to an agreed infinitive is agreed too',
  ],
  [
    'Pakistan reopened its embassy in Kabul in 2002.',
    ['SUPPORT AFG+PAK 2002'],
    'reopening an embassy',
  ],
  [
    'Kazakhstan and China established diplomatic relations on 3 January 1992, shortly after the dissolution of the Soviet Union.',
    ['SUPPORT CHN+KAZ 1992-01-03'],
    'a state in a circumstance is not the other side',
  ],
  [
    'Somalia took Kenya to the International Court of Justice over the maritime boundary in 2014.',
    ['ACCUSE KEN+SOM 2014'],
    'taking a state to court',
  ],
  [
    'The talks took place in Geneva in 1985 between the United States and the Soviet Union.',
    ['CONSULT SUN+USA 1985'],
    'after "between" the two sides, however far',
  ],
  [
    'In October 2011 the Kenya Defence Forces crossed into southern Somalia to fight al-Shabaab.',
    ['ASSAULT KEN+SOM 2011-10'],
    'a state after "into southern" is no subject, but the side acted on',
  ],
  [
    'India and the United States signed a defence deal on 22 June 2023, as Prime Minister Modi held talks with President Biden.',
    ['AGREE IND+USA 2023-06-22', 'CONSULT IND+USA 2023-06-22'],
    '", as" opens a clause of the same moment',
  ],
  [
    'Egypt and Israel fought four wars. The peace treaty followed on 26 March 1979.',
    ['ASSAULT EGY+ISR null', 'AGREE EGY+ISR 1979-03-26'],
    "a dated act of cooperation naming no one is the document pair's",
  ],
  [
    'Armenia and Azerbaijan fought over Karabakh. A ceasefire was signed in May 1994.',
    ['ASSAULT ARM+AZE null', 'AGREE ARM+AZE 1994-05'],
    "a dated act of cooperation naming no one is the document pair's",
  ],
  [
    'Egypt and Israel fought four wars. Trade remained small in 1985.',
    ['ASSAULT EGY+ISR null'],
    'a noun nothing realises stays no event',
  ],
  [
    "Bhutan and Bangladesh are neighbours. Diplomatic relations were established in 1973, and the two countries opened embassies in each other's capitals in 1978.",
    ['SUPPORT BGD+BTN 1973', 'SUPPORT BGD+BTN 1978'],
    'a clause\'s own date before one across ", and"',
  ],
  [
    'Bangladesh has offered Bhutan the use of its Mongla port.',
    ['AGREE BGD+BTN 2024-03-15'],
    'offering the use of something (a lede in the present perfect: the publication date)',
  ],
  [
    'Ukraine received its first F-16 fighter jets from Denmark and the Netherlands in July 2024.',
    ['AID DNK+NLD+UKR 2024-07'],
    'the giver after "from" acts, the subject receives',
  ],
  [
    'Chinese coast guard vessels fired water cannon at a Philippine supply boat near the Second Thomas Shoal.',
    ['COERCE CHN+PHL null'],
    'water cannon is coercion; "a Philippine supply boat" is a noun phrase',
  ],
  [
    'In 1998, Washington imposed sanctions on India after it conducted nuclear tests; the sanctions were lifted in 2001.',
    ['SANCTION IND+USA 1998', 'RETREAT IND+USA 2001'],
    'an object with no one named is the same object as just before',
  ],
  [
    'Kenya and Somalia are neighbours. Mogadishu severed ties with Nairobi in December 2020; relations were restored in May 2021.',
    ['SANCTION KEN+SOM 2020-12', 'SUPPORT KEN+SOM 2021-05'],
    "relations with no one named are the document pair's",
  ],
  [
    'Instead of imposing sanctions on Venezuela, Brazil held talks with Venezuela in 2019.',
    ['CONSULT BRA+VEN 2019'],
    'an alternative not taken is no event; the act taken is',
  ],
  // The document date is Friday 2024-03-15.
  [
    'Norway said on Tuesday that it would send aid to Sudan.',
    ['AGREE NOR+SDN 2024-03-12'],
    'a promise reported is dated by its saying, not kept as a plan date',
  ],
  [
    'Peru accused Chile of spying, the foreign ministry said in a statement Wednesday.',
    ['ACCUSE CHL+PER 2024-03-13'],
    'a trailing attribution dates the act it reports',
  ],
  [
    'Ghana accused Togo of smuggling and said it would close the border, officials told reporters Monday.',
    ['ACCUSE GHA+TGO 2024-03-11'],
    'the saying reaches the first clause too',
  ],
  [
    'Mali warned Thursday that it will expel French diplomats.',
    ['THREATEN FRA+MLI 2024-03-14'],
    'a weekday on a past verb of saying is past though the content speaks of the future',
  ],
  [
    'Ghana signed a trade deal with Togo in 2016. In February, Ghana accused Togo of smuggling.',
    ['AGREE GHA+TGO 2016', 'ACCUSE GHA+TGO 2016-02'],
    'a yearless month takes the year of the sentence before',
  ],
  [
    'Ghana signed a trade deal with Togo in 2016. Traders welcomed it. Prices fell. In February, Ghana accused Togo of smuggling.',
    ['AGREE GHA+TGO 2016', 'ACCUSE GHA+TGO 2024-02'],
    'a yearless month far from any year is the latest one before the document date',
  ],
  [
    'Chile and Peru signed a fishing pact in 2024. Peru accused Chile of breaking it on 2 October.',
    ['AGREE CHL+PER 2024', 'ACCUSE CHL+PER null'],
    'an act reported as done is never dated after the document date',
  ],
  [
    'Ghana and Togo signed a trade pact in 2019. Benin protested the pact in 2020.',
    ['AGREE GHA+TGO 2019'],
    "in a story of two states, a third state's act with no one else named is no event of theirs",
  ],
  [
    'Ghana and Togo signed a trade pact in 2019. Togo expelled a Ghanaian diplomat in 2021.',
    ['AGREE GHA+TGO 2019', 'SANCTION GHA+TGO 2021'],
    'a hostile act of one of the pair, with no one else named, is on the other',
  ],
  [
    'Malian soldiers attacked a rebel camp in 2020.',
    ['ASSAULT MLI 2020'],
    'with no pair in view, a one-sided act is kept as PLOVER codes it',
  ],
  [
    'Egypt and Jordan held talks on Tuesday. Egypt also accused Israel of blocking aid.',
    ['CONSULT EGY+JOR 2024-03-12', 'ACCUSE EGY+ISR 2024-03-12'],
    'a news report goes on about the day it just named',
  ],
  [
    'Egypt and Jordan held talks on Tuesday. Trade fell. Prices rose. Egypt urged Israel to open the crossings, its foreign minister said.',
    ['CONSULT EGY+JOR 2024-03-12', 'REQUEST EGY+ISR 2024-03-12'],
    "a reported demand is the story's news, dated by its present",
  ],
  [
    'Egypt and Jordan held talks on Tuesday. Trade fell. Prices rose. Egypt accused Israel of blocking aid.',
    ['CONSULT EGY+JOR 2024-03-12', 'ACCUSE EGY+ISR null'],
    'but no further than the next sentence',
  ],
  [
    'Egypt and Jordan held talks in 2019. Egypt also accused Israel of blocking aid.',
    ['CONSULT EGY+JOR 2019', 'ACCUSE EGY+ISR null'],
    'a date the text gave is no news present to carry',
  ],
  [
    'Argentina and Chile signed a fishing accord on Monday. Argentina also met Brazil earlier in the day.',
    ['AGREE ARG+CHL 2024-03-11', 'CONSULT ARG+BRA 2024-03-11'],
    '"earlier in the day" is the reference day',
  ],
];

describe('events, exactly', () => {
  it.each(exact)('%s → %j (%s)', (text, want) => {
    const { x, trace } = run(text);
    expect(summary(x), trace).toEqual(want);
  });

  it.each([
    [
      'Ukraine received its first F-16 fighter jets from Denmark and the Netherlands in July 2024.',
      'DNK',
      'UKR',
    ],
    ['Pakistan received a $3 billion loan from Saudi Arabia in 2018.', 'SAU', 'PAK'],
    ['Denmark and the Netherlands sent fighter jets to Ukraine in 2024.', 'DNK', 'UKR'],
  ])('%s: %s acts on %s', (text, source, target) => {
    const { x, trace } = run(text);
    expect(
      x.events.map((e) => [e.source?.code, e.target?.code]),
      trace,
    ).toEqual([[source, target]]);
  });
});

describe('events', () => {
  it.each(positive)('%s', (text, want) => {
    const { x, trace } = run(text);
    const found = x.events.find(
      (e) =>
        e.type === want.type &&
        [...e.actors].sort().join('+') === [...want.actors].sort().join('+') &&
        (want.date === undefined || e.date === want.date),
    );
    expect(found, `got ${JSON.stringify(summary(x))}\n${trace}`).toBeDefined();
  });

  it.each(negative)('no event: %s (%s)', (text) => {
    const { x, trace } = run(text);
    expect(x.events, trace).toEqual([]);
  });

  it('dates a chronology line by its heading, not by a "since" inside it', () => {
    const { x } = run(
      '- Late 2018: Vietnam hosted the US aircraft carrier Carl Vinson in Da Nang, the first such visit since 1975.',
      null,
    );
    expect(summary(x)).toEqual(['CONSULT USA+VNM 2018']);
  });

  it('dates the lines of a chronology by the date heading each line', () => {
    const text =
      '- 1947: Turkey recognises Pakistan.\n- 12 March 2015 – Turkish President Erdoğan visits Islamabad.';
    const { x } = run(text, null);
    expect(summary(x)).toEqual(['SUPPORT PAK+TUR 1947', 'CONSULT PAK+TUR 2015-03-12']);
  });

  it('dates every sentence of a chronology entry by its heading, in the year before the document date', () => {
    // The second sentence of an entry takes its date; a line after it does not; a promise in an
    // entry is dated by the entry, not read as planned for next year.
    const text =
      'March 3 -- Ghana accuses Togo of smuggling. Togo rejects the charge.\n\nMay 9 -- Ghana says it will send aid to Togo.\nTogo protests the decision.';
    const { x, trace } = run(text, '2023-12-01');
    expect(summary(x), trace).toEqual([
      'ACCUSE GHA+TGO 2023-03-03',
      'REJECT GHA+TGO 2023-03-03',
      'AGREE GHA+TGO 2023-05-09',
      'PROTEST GHA+TGO null',
    ]);
  });

  it('codes the governing act only: participles joined to a governed one, and content after a list of nouns', () => {
    const a = run(
      'Egyptian police opened fire on protesters in Cairo, killing one person and arresting 12 Sudanese nationals.',
      null,
    );
    expect(a.x.events.map((e) => e.type)).toEqual(['ASSAULT']);
    const b = run(
      'The United States is providing photographs and other intelligence to Macedonia, which is preparing an offensive against Albania.',
      null,
    );
    expect(b.x.events.map((e) => e.type)).toEqual(['AID']);
  });

  it('does not let a later clause\'s date reach back across ", and", but lets an earlier one carry over', () => {
    const a = run(
      'Chile and Bolivia broke off relations in 1978. Two decades later, the two countries resumed talks, and in 2006 their presidents met in Santiago.',
      null,
    );
    expect(summary(a.x)).toEqual([
      'SANCTION BOL+CHL 1978',
      'CONSULT BOL+CHL 1998',
      'CONSULT BOL+CHL 2006',
    ]);
    const b = run(
      'India and China are neighbours. Their ministers spoke by telephone on 17 June 2020, and both sides agreed to cool the situation.',
      null,
    );
    expect(summary(b.x)).toEqual(['CONSULT CHN+IND 2020-06-17', 'AGREE CHN+IND 2020-06-17']);
  });

  it('does not make an event of a noun that only "bilateral" qualifies', () => {
    const { x } = run(
      'India and Japan are partners. The two prime ministers welcomed the progress in bilateral cooperation.',
      null,
    );
    expect(summary(x)).toEqual(['SUPPORT IND+JPN null']);
  });

  it('never dates an event by the publication day', () => {
    const { x } = run('Georgia and Armenia signed a trade agreement.', '2024-03-15');
    expect(x.events.map((e) => e.date)).toEqual([null]);
  });

  it('makes one event with two dates into two events ("in 2015 and 2016")', () => {
    const { x } = run(
      'The agreement between Azerbaijan and Pakistan was updated in 2015 and 2016.',
    );
    expect(x.events.filter((e) => e.type === 'AGREE').map((e) => e.date)).toEqual(['2015', '2016']);
  });

  it('merges a repeated mention of one event and keeps the dated one as evidence', () => {
    const text =
      'Pakistan was the first country to recognize Azerbaijan as an independent state. Trade grew. Pakistan was the first country to recognize Azerbaijan as an independent state on 12 December 1991.';
    const { x } = run(text, null);
    const rec = x.events.filter((e) => e.type === 'SUPPORT');
    expect(rec).toHaveLength(1);
    expect(rec[0]!.date).toBe('1991-12-12');
    expect(rec[0]!.mentions).toHaveLength(1);
  });

  it('keeps two different visits of one year apart', () => {
    const text =
      'In 2016 the Pakistani president visited Azerbaijan. In the same year around 40 mutual visits of officials from both sides took place.';
    const { x } = run(text, null);
    expect(x.events.filter((e) => e.type === 'CONSULT')).toHaveLength(2);
  });
});

describe('prospects', () => {
  const rows: [string, string, string][] = [
    ['Azerbaijan would love to join the corridor project with Pakistan.', 'hope', 'COOPERATE'],
    ['Azerbaijan has brought a proposal of direct flights to Pakistan.', 'proposal', 'COOPERATE'],
    ['Turkey and Greece will hold talks next month.', 'plan', 'CONSULT'],
    [
      'Ghana has expressed interest in importing Nigerian gas, but no formal deal has been reached yet.',
      'pending',
      'COOPERATE',
    ],
    ['Japan said it would lift export curbs on South Korea.', 'plan', 'CONCEDE'],
    ['Kazakhstan hopes to double trade with China by 2030.', 'hope', 'COOPERATE'],
  ];
  it.each(rows)('%s → %s', (text, kind, type) => {
    const { x, trace } = run(text);
    expect(
      x.prospects.some((p) => p.kind === kind && p.type === type),
      `${JSON.stringify(x.prospects.map((p) => [p.kind, p.type]))}\n${trace}`,
    ).toBe(true);
  });

  it('keeps the date of a plan as when it is to happen, not as when the promise was made', () => {
    const { x } = run(
      "Brazil's president will visit China next month, officials said.",
      '2023-05-10',
    );
    expect(x.events.map((e) => [e.type, e.date])).toEqual([['AGREE', null]]);
    expect(x.prospects.map((p) => [p.kind, p.type, p.date, p.planned])).toEqual([
      ['plan', 'CONSULT', null, '2023-06'],
    ]);
  });

  it('states one pending deal once, whichever of its words triggered it', () => {
    const { x } = run(
      'Azerbaijan has expressed interest in buying the JF-17 fighter jets from Pakistan.',
    );
    expect(x.prospects.map((p) => [p.kind, p.type])).toEqual([['pending', 'COOPERATE']]);
    expect(x.events.map((e) => e.type)).toEqual(['REQUEST']);
  });

  it('keeps what happened out of the prospects', () => {
    const { x } = run(
      'Azerbaijan eased the visa process for Pakistanis and signed a tourism agreement with Pakistan in 2019.',
    );
    expect(x.prospects).toEqual([]);
    expect(x.events.length).toBeGreaterThan(0);
  });
});

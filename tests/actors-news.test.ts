// Actor mentions in news prose: which words name a participant, and which name a person, a
// place or a group that is no state. Sentences written for each class.
import { describe, expect, it } from 'vitest';
import { findActors } from '../src/extract/actors/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

/** Every mention as "text=CODE" (references with all their codes), in text order. */
function mentions(text: string, date: string | null): string[] {
  return findActors(text, splitSentences(text), { documentDate: date }).map(
    (m) => `${m.text}=${m.codes.join('+')}`,
  );
}

describe('a de facto government is its state in the years it governs', () => {
  const rows: [string, string | null, string[]][] = [
    ['The Taliban barred the envoy from Kabul.', '2024-08-20', ['Taliban=AFG', 'Kabul=AFG']],
    ['The Taleban closed the border on 2 May 1998.', null, ['Taleban=AFG']],
    ['The Islamic Emirate protested to Iran.', '2023-01-05', ['Islamic Emirate=AFG', 'Iran=IRN']],
    [
      'A Taliban foreign ministry spokesman rejected the claim.',
      '2025-02-01',
      ['Taliban foreign ministry spokesman=AFG'],
    ],
    // Out of power: an insurgent group, not coded.
    ['The Taliban attacked a convoy near Kandahar.', '2009-06-01', []],
    ['In 2010 the Taliban attacked a convoy.', '2024-06-01', []],
    // Groups named after the state or the Taliban are neither.
    ['Tehreek-e-Taliban Pakistan claimed the attack.', '2024-06-01', []],
    ['The Pakistani Taliban claimed the attack.', '2024-06-01', []],
  ];
  it.each(rows)('%s (%s)', (text, date, expected) => {
    expect(mentions(text, date)).toEqual(expected);
  });
});

describe('a former office-holder acts for no one, nor does the state named with them', () => {
  const rows: [string, string[]][] = [
    ['Former NATO Secretary General Jens Halvorsen urged Serbia to act.', ['Serbia=SRB']],
    ["Peru's former president, Ana Quispe, praised Chile.", ['Chile=CHL']],
    ['The former Estonian foreign minister told Latvia to wait.', ['Latvia=LVA']],
    ['Ex-President Bush visited Iraq.', ['Iraq=IRQ']],
    // A former state is still a state; a serving official is coded.
    ['The former Soviet Union armed Cuba.', ['Soviet Union=SUN', 'Cuba=CUB']],
    [
      'Estonian Foreign Minister Kadri Tamm told Latvia to wait.',
      ['Estonian Foreign Minister Kadri Tamm=EST', 'Latvia=LVA'],
    ],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(mentions(text, '2021-05-01')).toEqual(expected);
  });
});

describe('an organ or an organisation called by its kind is the one named before', () => {
  const rows: [string, string[]][] = [
    [
      "Ghana's army reported a raid near the border with Togo. The military said ten were held.",
      ['Ghana=GHA', 'Togo=TGO', 'The military=GHA'],
    ],
    [
      'Peru recalled its envoy. Later, the military’s press office denied a coup in Peru.',
      ['Peru=PER', 'Peru=PER'],
    ],
    [
      'The Biden administration eased curbs on Cuba. The administration said more would follow.',
      ['Biden=USA', 'Cuba=CUB', 'The administration=USA'],
    ],
    [
      'Guyana asked the International Court of Justice to rule. The court rejected a request by Venezuela.',
      ['Guyana=GUY', 'International Court of Justice=ICJ', 'The court=ICJ', 'Venezuela=VEN'],
    ],
    [
      'Mali and Niger left ECOWAS in January. They accused the regional body of serving France.',
      [
        'Mali=MLI',
        'Niger=NER',
        'ECOWAS=ECOWAS',
        'They=MLI+NER',
        'the regional body=ECOWAS',
        'France=FRA',
      ],
    ],
    // An adjective before a noun, not an actor; no organisation of the kind named before.
    ['Djibouti leases land to France. The military base stays.', ['Djibouti=DJI', 'France=FRA']],
    ['Chile thanked Peru. The bloc said nothing.', ['Chile=CHL', 'Peru=PER']],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(mentions(text, '2021-05-01')).toEqual(expected);
  });
});

describe('a state called by its region is the last state of that region named', () => {
  const rows: [string, string[]][] = [
    [
      'Vietnam and China argued. On Monday the Southeast Asian nation filed a protest.',
      ['Vietnam=VNM', 'China=CHN', 'the Southeast Asian nation=VNM'],
    ],
    [
      'Kuwait hosted Iran and Iraq. The tiny Gulf state offered to mediate.',
      ['Kuwait=KWT', 'Iran=IRN', 'Iraq=IRQ', 'The tiny Gulf state=KWT'],
    ],
    // No state of the region named before: nobody.
    ['France met Japan. The African nation abstained.', ['France=FRA', 'Japan=JPN']],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(mentions(text, '2021-05-01')).toEqual(expected);
  });
});

describe('a place or a name, not a participant', () => {
  const rows: [string, string[]][] = [
    // A country after a place it holds says where.
    ['Kenya met Somalia in Mombasa, Kenya, on Monday.', ['Kenya=KEN', 'Somalia=SOM']],
    ['Envoys of Chile and Peru met near the town of Tacna, Peru.', ['Chile=CHL', 'Peru=PER']],
    // A capital before the comma is an actor itself, and so is what follows.
    ['In Kabul, Pakistan and Iran met.', ['Kabul=AFG', 'Pakistan=PAK', 'Iran=IRN']],
    // A weekday is no place: the demonym after it is an actor.
    ['They met in Lima Tuesday, Chilean officials said.', ['Lima=PER', 'Chilean=CHL']],
    // A name being introduced.
    [
      'Mali and Niger formed a bloc known as the Alliance of Sahel States.',
      ['Mali=MLI', 'Niger=NER'],
    ],
    [
      'The Alliance of Sahel States accused ECOWAS.',
      ['Alliance of Sahel States=AES', 'ECOWAS=ECOWAS'],
    ],
    ['Quad leaders met in March.', ['Quad=QUAD']],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(mentions(text, '2021-05-01')).toEqual(expected);
  });
});

describe('Europe acting is the EU; Europe as a place is nobody', () => {
  const rows: [string, string[]][] = [
    ['Europe quickly retaliated against Washington.', ['Europe=EU', 'Washington=USA']],
    ['Europe imposes duties on Chinese steel.', ['Europe=EU', 'Chinese=CHN']],
    ['Europe can’t afford to ignore Turkey.', ['Europe=EU', 'Turkey=TUR']],
    ['Troops from Europe reached Estonia.', ['Estonia=EST']],
    ['Gas prices in Europe rose.', []],
    ['Europe’s defense spending grew.', []],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(mentions(text, '2025-03-01')).toEqual(expected);
  });
});

describe('a group called by its size is the states named just before', () => {
  const rows: [string, string[]][] = [
    [
      'Ghana, Togo and Benin quit the pact. The three coastal nations accused Nigeria of meddling.',
      [
        'Ghana=GHA',
        'Togo=TGO',
        'Benin=BEN',
        'The three coastal nations=GHA+TGO+BEN',
        'Nigeria=NGA',
      ],
    ],
    // "the trio" stands for the group a reference before it stood for.
    [
      'Ghana, Togo and Benin quit the pact. The three states blamed Nigeria. ' +
        'Nigeria said it would keep trade with the trio.',
      [
        'Ghana=GHA',
        'Togo=TGO',
        'Benin=BEN',
        'The three states=GHA+TGO+BEN',
        'Nigeria=NGA',
        'Nigeria=NGA',
        'the trio=GHA+TGO+BEN',
      ],
    ],
    [
      'Estonia, Latvia, Lithuania and Finland met in Riga. All four Nordic and Baltic states ' +
        'asked Sweden for help.',
      ['Estonia=EST', 'Latvia=LVA', 'Lithuania=LTU', 'Finland=FIN', 'Riga=LVA', 'Sweden=SWE'],
    ],
    [
      'Peru and Chile signed a pact. The two Andean neighbours then met Bolivia.',
      ['Peru=PER', 'Chile=CHL', 'The two Andean neighbours=PER+CHL', 'Bolivia=BOL'],
    ],
    // Another number of states named before, or a group minus someone: nobody.
    [
      'Peru and Chile signed a pact. The three nations met Bolivia.',
      ['Peru=PER', 'Chile=CHL', 'Bolivia=BOL'],
    ],
    [
      'Ghana, Togo and Benin met. Ghana held drills with the other three countries.',
      ['Ghana=GHA', 'Togo=TGO', 'Benin=BEN', 'Ghana=GHA'],
    ],
    // A list of that many states among others named: the list.
    [
      'Oman, Qatar, Kuwait and Jordan cut ties with Yemen in May. The four countries blamed Sanaa.',
      [
        'Oman=OMN',
        'Qatar=QAT',
        'Kuwait=KWT',
        'Jordan=JOR',
        'Yemen=YEM',
        'The four countries=OMN+QAT+KWT+JOR',
        'Sanaa=YEM',
      ],
    ],
    [
      'Chile and Peru agreed with help from Brazil to reopen the border. The two countries ' +
        'also swapped envoys.',
      ['Chile=CHL', 'Peru=PER', 'Brazil=BRA', 'The two countries=CHL+PER'],
    ],
    // Further back, past sentences naming other states, a list of that many.
    [
      'Oman, Qatar, Kuwait and Jordan cut ties with Yemen in 2017. Iran sent food to Yemen. ' +
        'Egypt and Sudan tried to mediate. In 2021 the four countries restored ties with Yemen.',
      [
        'Oman=OMN',
        'Qatar=QAT',
        'Kuwait=KWT',
        'Jordan=JOR',
        'Yemen=YEM',
        'Iran=IRN',
        'Yemen=YEM',
        'Egypt=EGY',
        'Sudan=SDN',
        'the four countries=OMN+QAT+KWT+JOR',
        'Yemen=YEM',
      ],
    ],
    // A sentence naming fewer states does not stop the search for the quartet before it.
    [
      'Oman, Qatar, Kuwait and Jordan cut ties with Yemen. Yemen protested. The quartet then ' +
        'closed its ports.',
      [
        'Oman=OMN',
        'Qatar=QAT',
        'Kuwait=KWT',
        'Jordan=JOR',
        'Yemen=YEM',
        'Yemen=YEM',
        'The quartet=OMN+QAT+KWT+JOR',
      ],
    ],
    // A describing word before "quartet" may name one of the group.
    [
      'Oman, Qatar, Kuwait and Jordan cut ties with Yemen. The Omani-led quartet closed its ports.',
      [
        'Oman=OMN',
        'Qatar=QAT',
        'Kuwait=KWT',
        'Jordan=JOR',
        'Yemen=YEM',
        'The Omani-led quartet=OMN+QAT+KWT+JOR',
        'Omani=OMN',
      ],
    ],
    // "the other three": the group of four named before, less the state acting with them.
    [
      'The pact binds Chile, Peru, Colombia and Mexico. Chile held drills with the other three ' +
        'countries.',
      [
        'Chile=CHL',
        'Peru=PER',
        'Colombia=COL',
        'Mexico=MEX',
        'Chile=CHL',
        'the other three countries=PER+COL+MEX',
      ],
    ],
    // "they" after a list of states as the subject is the whole list.
    [
      'When Oman, Qatar and Kuwait cut ties with Yemen in 2017, they accused Sanaa of lying.',
      ['Oman=OMN', 'Qatar=QAT', 'Kuwait=KWT', 'Yemen=YEM', 'they=OMN+QAT+KWT', 'Sanaa=YEM'],
    ],
    // "They" after the group reference is the group.
    [
      'Ghana, Togo and Benin quit the pact. The three nations blamed Nigeria. They also left ECOWAS.',
      [
        'Ghana=GHA',
        'Togo=TGO',
        'Benin=BEN',
        'The three nations=GHA+TGO+BEN',
        'Nigeria=NGA',
        'They=GHA+TGO+BEN',
        'ECOWAS=ECOWAS',
      ],
    ],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(mentions(text, '2021-05-01')).toEqual(expected);
  });
});

describe('an office named without its state is the latest official of that office', () => {
  const rows: [string, string[]][] = [
    [
      'A Canadian foreign ministry spokesperson condemned the raid. Peru said nothing. ' +
        '"We are saddened," the spokesperson told reporters.',
      ['Canadian foreign ministry=CAN', 'Peru=PER', 'the spokesperson=CAN'],
    ],
    [
      'A senior State Department official briefed reporters on Iran. The official added more.',
      ['State Department=USA', 'Iran=IRN', 'The official=USA'],
    ],
    [
      'Kenyan Prime Minister Ali Musa visited Uganda. The prime minister thanked the hosts.',
      ['Kenyan Prime Minister Ali Musa=KEN', 'Uganda=UGA', 'The prime minister=KEN'],
    ],
    // A named state follows, or no such official was named: the rule stays out.
    [
      'Kenyan Prime Minister Ali Musa visited Uganda. The president of Uganda met him.',
      ['Kenyan Prime Minister Ali Musa=KEN', 'Uganda=UGA', 'president of Uganda=UGA'],
    ],
    ['Peru met Chile. The spokesperson said nothing.', ['Peru=PER', 'Chile=CHL']],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(mentions(text, '2021-05-01')).toEqual(expected);
  });
});

describe('a bloc’s people, and "they" after a bloc, are the bloc', () => {
  const rows: [string, string[]][] = [
    [
      'Foreign ministers of the Group of Seven urged Iran to stop. "We want talks," the ministers ' +
        'said in Rome.',
      ['Foreign ministers of the Group of Seven=G7', 'Iran=IRN', 'the ministers=G7', 'Rome=ITA'],
    ],
    [
      'ASEAN leaders met in Jakarta. The leaders agreed to press Myanmar.',
      ['ASEAN=ASEAN', 'Jakarta=IDN', 'The leaders=ASEAN', 'Myanmar=MMR'],
    ],
    [
      'The G7 statement said the group was concerned. They called on China to talk.',
      ['G7=G7', 'They=G7', 'China=CHN'],
    ],
    // Not a bloc's people: no antecedent.
    ['Chile hosted Peru. The ministers said nothing.', ['Chile=CHL', 'Peru=PER']],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(mentions(text, '2021-05-01')).toEqual(expected);
  });
});

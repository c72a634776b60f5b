// How alike two evidence texts are, and what in them tells two events apart: named people and
// domain words. Cheap token arithmetic on purpose: it runs for every merge candidate.
import { readFileSync } from 'node:fs';
import { stem } from '../extract/claims/stem.ts';

const dataFile = (name: string) =>
  readFileSync(new URL(`../../data/merge/${name}`, import.meta.url), 'utf8');

const rows = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

const TITLES = rows(dataFile('titles.txt')).sort((a, b) => b.length - a.length);
const TOPICS = rows(dataFile('topics.tsv'))
  .slice(1)
  .map((l) => l.split('\t') as [string, string]);

const TOPIC_PATTERNS = TOPICS.map(
  ([word, domain]) =>
    [new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), domain] as const,
);

const STOPWORDS = new Set(
  `a an the of in on at to for from by with and or but as is was were are be been being has have had
   that this these those which who whom whose it its their them they he she his her our we us
   than then also after before between both each either into over under about up out not no
   so such very more most other same there here when where while all any some one`.split(/\s+/),
);

const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;

/**
 * The content words of a text, stemmed. Dates (day and year numbers, month names) are left
 * out: the merge compares dates on their own, and a source's misdating must not make its
 * wording look different. Longer numbers and codes ("AMAN-2013" gives "aman") stay.
 */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0].toLowerCase();
    if (STOPWORDS.has(w) || MONTHS.test(w) || /^\d{1,4}(?:st|nd|rd|th)?$/.test(w)) continue;
    out.add(stem(w));
  }
  return out;
}

// The store compares each new mention with every mention of its candidate events: the same
// evidence texts come back again and again, so their words are computed once.
const CACHE_LIMIT = 20_000;
const wordCache = new Map<string, Set<string>>();
function cachedWords(text: string): Set<string> {
  let w = wordCache.get(text);
  if (!w) {
    if (wordCache.size >= CACHE_LIMIT) wordCache.clear();
    wordCache.set(text, (w = contentWords(text)));
  }
  return w;
}

/** Jaccard overlap of the content words of two texts, 0…1 (0 when either is empty). */
export function wordingSimilarity(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  const x = cachedWords(a);
  const y = cachedWords(b);
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / (x.size + y.size - both);
}

/** The domains a text talks about ("military", "economic"), from data/merge/topics.tsv. */
export function domains(text: string | null): Set<string> {
  const out = new Set<string>();
  if (!text) return out;
  const lower = text.toLowerCase();
  for (const [re, domain] of TOPIC_PATTERNS) if (re.test(lower)) out.add(domain);
  return out;
}

// Title words may start with a capital or not; the name itself must (so no `i` flag).
const TITLE_PATTERN = TITLES.map((t) =>
  t
    .split(/[-\s]+/)
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('[-\\s]+'),
).join('|');

const NAME = String.raw`[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+){0,2}`;

// Title words may be capitalised or not; the name after them must be.
const PEOPLE_BEFORE = new RegExp(
  `\\b(?:${TITLE_PATTERN})\\s+(?:of\\s+[A-Z][\\p{L}]+\\s+)?(${NAME})`,
  'gu',
);
const PEOPLE_AFTER = new RegExp(
  `(${NAME})\\s*[-–—,]\\s*(?:the\\s+)?(?:then\\s+|than\\s+|former\\s+|current\\s+)?(?:${TITLE_PATTERN})\\b`,
  'gu',
);

/**
 * Surnames of people a text names with a title ("President Farooq Leghari", "Nawaz Sharif, the
 * prime minister", "Farooq Leghari- the then president"): the last word of each name, lowercased.
 */
export function namedPeople(text: string | null): Set<string> {
  const out = new Set<string>();
  if (!text) return out;
  for (const re of [PEOPLE_BEFORE, PEOPLE_AFTER]) {
    for (const m of text.matchAll(re)) {
      const words = (m[1] ?? '').split(/\s+/);
      // A title's own capitalised words ("Prime Minister Nawaz Sharif") are not the name.
      const name = words.filter((w) => !TITLES.includes(w.toLowerCase()));
      const last = name.at(-1);
      if (last && /^[A-Z]/.test(last)) out.add(last.toLowerCase().replace(/[’'.]+$/, ''));
    }
  }
  return out;
}

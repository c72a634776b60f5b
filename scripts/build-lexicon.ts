// `npm run lexicon`: builds data/lexicon/triggers.petrarch.tsv from PETRARCH2's CAMEO verb-pattern
// dictionary (../shared/data/petrarch/CAMEO.2.0.txt, Open Event Data Alliance, MIT), mapping each
// CAMEO code to PLOVER through data/codes/cameo-plover.tsv.
//
// The dictionary groups verbs in blocks, each pattern naming the verb it was written for. A
// pattern "- * {DIPLOMATIC RELATIONS} [054] # ESTABLISH" becomes a row whose object cue is the
// pattern's head word ("relations"): the verb fires only with that object, which keeps the
// pattern's meaning instead of flattening the verb to one type. A verb alone makes no row: its
// PETRARCH default fires on every sense of it ("charge", "present"), and the hand lexicon says
// which verbs may stand alone. Patterns on an event noun ("ANNOUNCE + WITHDRAWAL") are left to
// the noun, and verbs of saying to the statement rules.
//
// Usage: node --import tsx scripts/build-lexicon.ts [--petrarch DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nounForms } from '../src/extract/events/inflect.ts';

const root = resolve(import.meta.dirname, '..');
const arg = process.argv.indexOf('--petrarch');
const dir = resolve(root, arg > 0 ? process.argv[arg + 1]! : '../shared/data/petrarch');
const dict = readFileSync(join(dir, 'CAMEO.2.0.txt'), 'latin1').split('\n');
const OUT = join(root, 'data', 'lexicon', 'triggers.petrarch.tsv');

// CAMEO → PLOVER. PLOVER drops CAMEO's roots 01 and 02 and files signing a formal agreement (057)
// under SUPPORT; the annotation guidelines read an appeal (02) as a REQUEST, a denial of
// responsibility (016) as a REJECT and a signed agreement as an AGREE, so those are read so.
const plover = new Map<string, { type: string; mode: string }>();
for (const line of readFileSync(join(root, 'data', 'codes', 'cameo-plover.tsv'), 'utf8').split(
  '\n',
)) {
  if (!line || line.startsWith('#') || line.startsWith('cameo\t')) continue;
  const [cameo, type, mode] = line.split('\t');
  if (cameo && type) plover.set(cameo, { type, mode: mode ?? '' });
}
function ploverOf(cameo: string): { type: string; mode: string } | null {
  if (cameo.startsWith('02')) return { type: 'REQUEST', mode: '' };
  if (cameo === '016') return { type: 'REJECT', mode: '' };
  if (cameo === '057') return { type: 'AGREE', mode: '' };
  return plover.get(cameo) ?? plover.get(cameo.slice(0, 3)) ?? null;
}

// Words that never carry a pattern's meaning on their own.
const FUNCTION = new Set([
  'to',
  'of',
  'in',
  'on',
  'with',
  'by',
  'for',
  'over',
  'against',
  'from',
  'at',
  'the',
  'a',
  'an',
  'and',
  'as',
  'into',
  'about',
  'before',
  'after',
  'up',
  'down',
  'out',
  'off',
  'its',
  'their',
  'it',
  'his',
  'her',
  'be',
  'been',
  'is',
  'was',
  'not',
  'no',
  'that',
  'this',
  'between',
  'under',
  'back',
]);

/** A dictionary word as the cue forms it matches: exact with a trailing "_", else stemmed. */
function cueForms(raw: string): string[] {
  const exact = raw.endsWith('_');
  const words = raw.replace(/_+$/, '').toLowerCase().split('_').filter(Boolean);
  const w = words[words.length - 1];
  if (!w || !/^[a-z][a-z'-]*$/.test(w) || FUNCTION.has(w)) return [];
  // PETRARCH matches an unmarked word as a stem; a short stem would match unrelated words
  // ("aid" → "aide"), so only stems of five letters or more stay prefixes.
  if (!exact && w.length >= 5) return [`${w}*`];
  return exact || w.endsWith('s') ? [w] : nounForms(w);
}

// Event nouns of the hand lexicon: a verb on an event noun ("announced the withdrawal", "approved
// the deal") reports the event that the noun already names, so a pattern on it would give the
// report the event's type; such objects are left to the noun.
const eventNouns = new Set<string>();
for (const line of readFileSync(join(root, 'data', 'lexicon', 'triggers.tsv'), 'utf8').split(
  '\n',
)) {
  const [kind, words] = line.split('\t');
  if ((kind === 'N' || kind === 'E') && words) for (const f of nounForms(words)) eventNouns.add(f);
}
// Objects too general to carry a pattern's meaning in news: words of any clause ("state" is in
// "United States", "action" in every pledge), places that a set of locations lends every verb of
// a block ("town", "area"), and particles a pattern spells as a word ("forward", "together").
const GENERIC = new Set(
  [
    'plan meeting document issue help state world act action measures town city area center',
    'part role party service way place front outside office leave position international',
    'aside toward together forward stand show',
  ]
    .join(' ')
    .split(' ')
    .flatMap((w) => [w, `${w}s`, w.replace(/y$/, 'ies')]),
);
function relationObject(cue: string): boolean {
  const w = cue.replace(/\*$/, '');
  if (w.length < 3 || GENERIC.has(w) || eventNouns.has(w)) return false;
  return ![...eventNouns].some(
    (n) => n.length >= 5 && w.length >= 5 && (n.startsWith(w) || w.startsWith(n)),
  );
}

// Verbs of saying report the act their object names ("said … support", "announced … boycott"):
// the extractor reads the statement itself (data/lexicon/cues.tsv, kind "report"). A few verbs
// of the dictionary are, in news, mostly adjectives ("corrupt acts", "open borders"), and a
// copula's pattern ("REMAIN + PRISON") reads a state of affairs as an act. Verbs that govern
// another act ("wants to strengthen ties", "plans to hold elections", "find a solution") name
// an aim, not a deed: the act they govern is read by its own trigger and the modality rules.
const NOT_TRIGGERS = new Set([
  'corrupt',
  'open',
  'free',
  'clear',
  'secure',
  'close',
  'cross',
  'hold',
  'remain',
  'stay',
  'become',
  'seem',
  'appear',
  'keep',
  'get',
  'want',
  'need',
  'plan',
  'expect',
  'intend',
  'wish',
  'hope',
  'try',
  'find',
  'make',
  'look',
]);
for (const line of readFileSync(join(root, 'data', 'lexicon', 'cues.tsv'), 'utf8').split('\n')) {
  const [kind, words] = line.split('\t');
  if (kind === 'report' && words && !words.includes(' ')) NOT_TRIGGERS.add(words);
}
for (const v of ['say', 'tell', 'announce', 'state', 'report', 'claim', 'declare'])
  NOT_TRIGGERS.add(v);

// Synonym sets: "&NAME" then "+MEMBER" lines, up to the verb patterns.
const sets = new Map<string, string[]>();
let i = 0;
for (let current: string[] | null = null; i < dict.length; i++) {
  if (dict[i]!.startsWith('####### VERB PATTERNS')) break;
  const line = dict[i]!.replace(/#.*/, '').trim();
  if (line.startsWith('&')) sets.set(line.split(/\s+/)[0]!, (current = []));
  else if (line.startsWith('+') && current) current.push(line.slice(1).split(/\s+/)[0]!);
}
// A spaced spelling of a member the set also lists closed or hyphenated ("CEASE_FIRE" beside
// "CEASEFIRE", "CEASE-FIRE") would be read by its last word alone ("fire"), which names
// something else: it is left out.
for (const [name, members] of sets) {
  const whole = new Set(members.map((m) => m.replace(/_+$/, '').replace(/-/g, '')));
  sets.set(
    name,
    members.filter((m) => {
      const words = m.replace(/_+$/, '').split('_');
      return words.length < 2 || !whole.has(words.join(''));
    }),
  );
}

/** How many content phrases a pattern asks for after its head ("COMMITMENT (AGAINST THREATS)": 1). */
function extraContent(post: string): number {
  const groups = post.match(/\{[^}]*\}|\([^)]*\)|[^\s(){}]+/g) ?? [];
  const content = groups.filter((g) =>
    g
      .replace(/[(){}]/g, ' ')
      .trim()
      .split(/\s+/)
      .some((w) => w && !/^[$+^%|]$/.test(w) && !FUNCTION.has(w.toLowerCase().replace(/_+$/, ''))),
  );
  return Math.max(0, content.length - 1);
}

/** The cue forms of a pattern's object: the head of its first content phrase, or null. */
function patternHead(post: string): string[] | null {
  // "{PEACE DEAL}" is a noun phrase whose last word is its head; "(ON &DEFENSE)" a phrase.
  const groups = post.match(/\{[^}]*\}|\([^)]*\)|[^\s(){}]+/g) ?? [];
  for (const g of groups) {
    const words = g
      .replace(/[(){}]/g, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    const content = words.filter(
      (w) => !/^[$+^%|]$/.test(w) && !FUNCTION.has(w.toLowerCase().replace(/_+$/, '')),
    );
    if (!content.length) continue;
    const head = g.startsWith('{') ? content[content.length - 1]! : content[0]!;
    const forms = head.startsWith('&') ? (sets.get(head) ?? []).flatMap(cueForms) : cueForms(head);
    return forms.length ? forms : null;
  }
  return null;
}

/** A CAMEO code in brackets ("[057]", "[0311:0311]", "[:190]"), or null for "[---]". */
function codeOf(s: string): string | null {
  const inside = /\[([^\]]*)\]/.exec(s)?.[1] ?? '';
  return (
    inside
      .split(':')
      .map((c) => c.trim())
      .find((c) => /^\d+$/.test(c)) ?? null
  );
}

interface Verb {
  words: string;
  forms: string[];
}
interface Pattern {
  head: string[];
  code: string;
  /** The verbs its comment names ("# CONFIRM , REAFFIRM"). */
  verbs: string[];
  /** Content phrases it asks for beyond the head, which the generated row cannot check. */
  extra: number;
}
interface Block {
  verbs: Verb[];
  patterns: Pattern[];
}
const blocks: Block[] = [];
for (; i < dict.length; i++) {
  const raw = dict[i]!;
  if (raw.startsWith('######## TRANSFORMATIONS')) break;
  if (/^---\s+\S+\s+\[/.test(raw)) {
    blocks.push({ verbs: [], patterns: [] });
    continue;
  }
  const block = blocks[blocks.length - 1];
  const line = raw.replace(/#.*/, '').trim();
  if (!block || !line) continue;
  if (line.startsWith('-')) {
    const m = /^-\s*(.*?)\*(.*?)(\[[^\]]*\])/.exec(line);
    // A pattern that constrains the subject ("- &MILITARY * …") is not kept: the extractor finds
    // the subject by itself.
    if (!m || /[A-Z&{]/.test(m[1]!)) continue;
    const head = patternHead(m[2]!);
    const code = codeOf(m[3]!);
    const verbs = (/#(.*)$/.exec(raw)?.[1] ?? '')
      .split(',')
      .map((w) => w.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean)
      .map((w) => w.toLowerCase().replace(/_+$/, '').replace(/_/g, ' '));
    if (head && code) block.patterns.push({ head, code, verbs, extra: extraContent(m[2]!) });
    continue;
  }
  const v = /^\+?([A-Z][A-Z_'-]*)\s*(?:\[[^\]]*\])?\s*(\{[^}]*\})?/.exec(line);
  if (!v) continue;
  const words = v[1]!.toLowerCase().replace(/_+$/, '').replace(/_/g, ' ');
  const forms = (v[2] ?? '')
    .replace(/[{}+]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((f) => f.toLowerCase().replace(/_+$/, '').split('_')[0]!);
  block.verbs.push({ words, forms });
}

interface Row {
  words: string;
  type: string;
  mode: string;
  cameo: string;
  obj: string[];
  forms: string[];
}
const rows = new Map<string, Row>();
for (const b of blocks) {
  for (const v of b.verbs) {
    if (NOT_TRIGGERS.has(v.words.split(' ')[0]!)) continue;
    // A pattern belongs to the verbs its comment names when one of them is in the block; its
    // synonyms share the block, not every collocation of one of them.
    const own = b.patterns.filter(
      (p) => p.verbs.includes(v.words) || !p.verbs.some((w) => b.verbs.some((x) => x.words === w)),
    );
    // An object word keeps the pattern that asks least beyond it: "REAFFIRM + COMMITMENT" is
    // support, "+ COMMITMENT (AGAINST THREATS)" a threat that the row could not tell apart.
    const least = new Map<string, number>();
    for (const p of own)
      for (const w of p.head) least.set(w, Math.min(least.get(w) ?? Infinity, p.extra));
    for (const p of own) {
      const to = ploverOf(p.code);
      const obj = p.head.filter((w) => relationObject(w) && least.get(w) === p.extra);
      if (!to || !obj.length) continue;
      const key = `${v.words}\t${to.type}\t${p.code}`;
      const row = rows.get(key) ?? {
        words: v.words,
        ...to,
        cameo: p.code,
        obj: [],
        forms: v.forms,
      };
      for (const w of obj) if (!row.obj.includes(w)) row.obj.push(w);
      rows.set(key, row);
    }
  }
}

const header = `# Event triggers generated from PETRARCH2's CAMEO verb-pattern dictionary, with its synonym sets.
# Source: CAMEO.2.0.txt (PETRARCH2, Open Event Data Alliance, MIT licence); CAMEO codes mapped to PLOVER
# 2.0 through data/codes/cameo-plover.tsv (CAMEO2PLOVER-2021), except that an appeal (02) is a REQUEST,
# a denial (016) a REJECT and a signed agreement (057) an AGREE, as the annotation guidelines read them.
# Generated by \`npm run lexicon\` (scripts/build-lexicon.ts): do not edit. Hand rows for what these
# lack go in triggers.tsv; a word with single-word hand rows takes its rows from there only.
# Columns as triggers.tsv, plus forms: irregular forms of the verb's first word, ","-separated.
`;
const body = [...rows.values()].map((r) =>
  ['V', r.words, r.type, r.mode, r.cameo, `obj=${r.obj.join('|')}`, r.forms.join(',')].join('\t'),
);
writeFileSync(OUT, `${header}${body.join('\n')}\n`);
console.log(`${OUT}: ${body.length} rows from ${blocks.length} verb blocks`);

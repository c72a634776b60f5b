// The Phoenix office-holders (data/gazetteer/officials-phoenix.tsv, about 17,700 people), read on
// first use into a compact index: their folded names sorted in one array, searched by binary
// search token by token, and their roles in typed arrays. As trie forms (a node and a Map per
// token) the same names cost about 22 MB of heap, more than an extraction thread may spend on
// its dictionaries; this index costs about 3 MB. A matched person becomes a Form on demand.
import { readFileSync } from 'node:fs';
import type { Form, Term } from './gazetteer.ts';
import { gapFits, words, type WordToken } from './matcher.ts';

const FILE = new URL('../../../data/gazetteer/officials-phoenix.tsv', import.meta.url);

// Open years in the typed arrays.
const OPEN_START = -32768;
const OPEN_END = 32767;
// No name in the file is longer (in tokens); a bound on the scan's look-ahead.
const MAX_TOKENS = 10;
// Bits of the first-word filter: 2^17 bits (16 KB) for about 12,000 first words.
const FIRST_BITS = 1 << 17;

/** FNV-1a of s[0..end), in FIRST_BITS. */
function hash(s: string, end: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (FIRST_BITS - 1);
}

/** A longest dictionary entry starting at a token. */
export interface NameMatch {
  last: number;
  forms: Form[];
}

/** A dictionary the matcher consults beside its trie. */
export interface NameDictionary {
  /** The longest entry whose tokens start at token `i`, or null. */
  longest(text: string, tokens: WordToken[], i: number): NameMatch | null;
}

/** The compact index over the office-holders file. */
export class OfficeHolders implements NameDictionary {
  /** Folded names (word keys joined by a space), sorted. */
  private readonly keys: string[];
  /** The person of each key. */
  private readonly owner: Int32Array;
  private readonly persons: string[];
  /** Person p's roles are roleCode/From/To[roleAt[p] .. roleAt[p + 1]). */
  private readonly roleAt: Int32Array;
  private readonly roleCode: Uint16Array;
  private readonly roleFrom: Int16Array;
  private readonly roleTo: Int16Array;
  private readonly codes: string[];
  private readonly forms = new Map<number, Form>();
  /** A bit for the hash of each name's first word: most capitalised words are no name's. */
  private readonly firstWords = new Uint8Array(FIRST_BITS >> 3);

  constructor(tsv: string) {
    const persons: string[] = [];
    const keyList: string[] = [];
    const keyOwner: number[] = [];
    const codeIndex = new Map<string, number>();
    const codes: string[] = [];
    const roleAt: number[] = [];
    const rc: number[] = [];
    const rf: number[] = [];
    const rt: number[] = [];
    let header = true;
    for (let at = 0; at < tsv.length; ) {
      let end = tsv.indexOf('\n', at);
      if (end < 0) end = tsv.length;
      const line = tsv.slice(at, end);
      at = end + 1;
      if (!line || line.startsWith('#')) continue;
      if (header) {
        header = false;
        continue;
      }
      const tab1 = line.indexOf('\t');
      const tab2 = line.indexOf('\t', tab1 + 1);
      if (tab1 < 1 || tab2 < 0) continue;
      const name = line.slice(0, tab1);
      const p = persons.length;
      persons.push(name);
      roleAt.push(rc.length);
      // "CODE START-END;…", either year possibly empty.
      for (const role of line.slice(tab2 + 1).split(';')) {
        const space = role.indexOf(' ');
        const dash = role.indexOf('-', space);
        if (space < 1 || dash < 0) continue;
        const code = role.slice(0, space);
        let c = codeIndex.get(code);
        if (c === undefined) {
          c = codes.length;
          codes.push(code);
          codeIndex.set(code, c);
        }
        rc.push(c);
        rf.push(dash > space + 1 ? Number(role.slice(space + 1, dash)) : OPEN_START);
        rt.push(dash < role.length - 1 ? Number(role.slice(dash + 1)) : OPEN_END);
      }
      let from = 0;
      const variants = line.slice(tab1 + 1, tab2);
      for (let form = name; ; ) {
        const key = keyOf(form);
        if (key.includes(' ')) {
          keyList.push(key);
          keyOwner.push(p);
        }
        if (from >= variants.length) break;
        let to = variants.indexOf(';', from);
        if (to < 0) to = variants.length;
        form = variants.slice(from, to);
        from = to + 1;
      }
    }
    roleAt.push(rc.length);
    const order = Array.from(keyList.keys()).sort((a, b) => {
      const x = keyList[a]!;
      const y = keyList[b]!;
      return x < y ? -1 : x > y ? 1 : keyOwner[a]! - keyOwner[b]!;
    });
    // One key, one person: a key on two lines names two namesakes and is dropped (-1).
    const keys: string[] = [];
    const owner: number[] = [];
    for (const k of order) {
      const key = keyList[k]!;
      const p = keyOwner[k]!;
      if (keys.length && keys[keys.length - 1] === key) {
        if (owner[owner.length - 1] !== p) owner[owner.length - 1] = -1;
        continue;
      }
      keys.push(key);
      owner.push(p);
      const h = hash(key, key.indexOf(' '));
      this.firstWords[h >> 3]! |= 1 << (h & 7);
    }
    this.keys = keys;
    this.owner = Int32Array.from(owner);
    this.persons = persons;
    this.roleAt = Int32Array.from(roleAt);
    this.roleCode = Uint16Array.from(rc);
    this.roleFrom = Int16Array.from(rf);
    this.roleTo = Int16Array.from(rt);
    this.codes = codes;
  }

  /** How many names (full names and variants) the index holds. */
  get size(): number {
    return this.keys.length;
  }

  /** Index of the first key not below `q`. */
  private lowerBound(q: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private continues(prefix: string): boolean {
    const p = `${prefix} `;
    return this.keys[this.lowerBound(p)]?.startsWith(p) ?? false;
  }

  longest(text: string, tokens: WordToken[], i: number): NameMatch | null {
    const first = tokens[i]!;
    if (!isUpper(first.text)) return null;
    const h = hash(first.key, first.key.length);
    if ((this.firstWords[h >> 3]! & (1 << (h & 7))) === 0) return null;
    let key = first.key;
    if (!this.continues(key)) return null;
    let best: { last: number; person: number } | null = null;
    for (let j = i + 1; j < tokens.length && j < i + MAX_TOKENS; j++) {
      const prev = tokens[j - 1]!;
      if (!gapFits(text, prev.end, tokens[j]!.start)) break;
      // A full stop inside a name only ends an initial ("George W. Bush"), never a sentence.
      if (prev.text.length > 1 && text.slice(prev.end, tokens[j]!.start).includes('.')) break;
      key = `${key} ${tokens[j]!.key}`;
      const at = this.lowerBound(key);
      if (this.keys[at] === key) best = { last: j, person: this.owner[at]! };
      if (!this.continues(key)) break;
    }
    if (!best || best.person < 0) return null;
    return { last: best.last, forms: [this.form(best.person)] };
  }

  /** The terms of person `p`, open years as ±Infinity. */
  terms(p: number): Term[] {
    const out: Term[] = [];
    for (let r = this.roleAt[p]!; r < this.roleAt[p + 1]!; r++) {
      const from = this.roleFrom[r]!;
      const to = this.roleTo[r]!;
      out.push({
        person: this.persons[p]!,
        code: this.codes[this.roleCode[r]!]!,
        office: 'official',
        start: from === OPEN_START ? -Infinity : from,
        end: to === OPEN_END ? Infinity : to,
      });
    }
    return out;
  }

  private form(p: number): Form {
    let f = this.forms.get(p);
    if (!f) {
      const terms = this.terms(p);
      f = {
        text: this.persons[p]!,
        role: 'official',
        code: terms[0]?.code ?? null,
        kind: 'state',
        exact: false,
        terms,
        needsTitle: false,
        dated: true,
      };
      this.forms.set(p, f);
    }
    return f;
  }
}

/** The matcher's word keys of a name, joined by spaces ("Ban Ki-Moon" → "ban ki moon"). */
function keyOf(name: string): string {
  // Plain ASCII names without dotted initials tokenise as runs of letters and digits.
  if (/^[A-Za-z0-9 '-]*$/.test(name))
    return name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .join(' ');
  return words(name)
    .map((t) => t.key)
    .join(' ');
}

function isUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = word[0]!;
  return ch !== ch.toLowerCase();
}

let loaded: OfficeHolders | null = null;

/** The office-holders index, read from its file on first use (once per thread). */
export function officeHolders(): OfficeHolders {
  loaded ??= new OfficeHolders(readFileSync(FILE, 'utf8'));
  return loaded;
}

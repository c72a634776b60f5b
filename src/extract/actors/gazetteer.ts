// Loads the gazetteer data files (data/gazetteer/) once, into flat lists of surface forms the
// matcher compiles. Precedence, low to high: generated countries.json, hand-written aliases,
// organisations, officials; a `skip` alias removes a generated form.
import { readFileSync } from 'node:fs';
import type { ActorKind } from '../types.ts';

const DATA = new URL('../../../data/gazetteer/', import.meta.url);

/** What a surface form is, as far as the matcher is concerned. */
export type FormRole =
  | 'name'
  | 'demonym'
  | 'capital'
  | 'organisation'
  | 'combining'
  | 'stop'
  | 'official'
  | 'title';

/** One term of office of an official. */
export interface Term {
  person: string;
  code: string;
  office: string;
  start: number;
  end: number;
}

/** A surface form with what it stands for. */
export interface Form {
  text: string;
  role: FormRole;
  /** Null for stop forms and titles. */
  code: string | null;
  kind: ActorKind;
  /** All-capital acronyms ("UN", "U.S.") match case-sensitively. */
  exact: boolean;
  /** Officials: the terms this form may name; surnames marked `t` need a title before them. */
  terms?: Term[];
  needsTitle?: boolean;
  /**
   * Officials of the generated office-holders, and de facto governments: resolved only for a
   * year one of their terms covers (a former office-holder is no one's official, an insurgent
   * group no state's), never across namesakes.
   */
  dated?: boolean;
  /** Titles: the office group (head, minister, official, military). */
  group?: string;
}

/** Everything the actor layer knows, loaded from the data files. */
export interface Gazetteer {
  forms: Form[];
  /** code → display name. */
  names: Map<string, string>;
  /** code → official name of an independent state ("Kingdom of Saudi Arabia"), for "the kingdom". */
  officialNames: Map<string, string>;
  kinds: Map<string, ActorKind>;
  /** ISO alpha-2 → alpha-3, for resolveActor only (as text, two letters collide with words). */
  alpha2: Map<string, string>;
  /** Forms that are also personal names ("Jordan") or US states ("Georgia"), lowercased. */
  personLike: Set<string>;
  usState: Set<string>;
  /** code → the region, subregion and code of a state, for "the Southeast Asian nation". */
  areas: Map<string, Set<string>>;
  /** Regional adjective ("Southeast Asian", "Gulf") → the areas it covers (regions.tsv). */
  regionWords: Map<string, Set<string>>;
  /** Agent nouns of no state's organ ("crime syndicate", "investors"), agents-private.tsv. */
  privateAgents: Set<string>;
  /**
   * The head nouns of the offices of people in titles.tsv ("chief" of "army chief", "head" of
   * "head of state", "minister"): the word before "of", "to" or "for", else the last.
   */
  officeHeads: Set<string>;
}

interface CountryRecord {
  code: string;
  cca2: string;
  name: string;
  official: string;
  altSpellings: string[];
  demonyms: string[];
  capitals: string[];
  variants: string[];
  independent: boolean;
  region?: string;
  subregion?: string;
}

function read(name: string): string {
  return readFileSync(new URL(name, DATA), 'utf8');
}

/** Data rows of a TSV file: comment lines (#) and the column header are dropped. */
function rows(name: string): string[][] {
  const lines = read(name)
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return lines.slice(1).map((l) => l.split('\t'));
}

/** Lowercase, no diacritics: the key the matcher compares. */
export function fold(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .replace(/[’‘`´]/g, "'")
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .toLowerCase();
}

function isAcronym(s: string): boolean {
  return /^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9+&-]{1,7}$/.test(s) && s.length <= 8;
}

/** English plural of a demonym that takes one ("Pakistani" → "Pakistanis"). */
function plural(demonym: string): string | null {
  if (/(?:ese|ish|ch|ss|s|x|z)$/i.test(demonym)) return null;
  return demonym + 's';
}

function load(): Gazetteer {
  const forms: Form[] = [];
  const names = new Map<string, string>();
  const officialNames = new Map<string, string>();
  const kinds = new Map<string, ActorKind>();
  const alpha2 = new Map<string, string>();
  const personLike = new Set<string>();
  const usState = new Set<string>();

  const countries = (JSON.parse(read('countries.json')) as { countries: CountryRecord[] })
    .countries;
  // A demonym two states share ("Dominican", "Congolese") stays only when one is independent.
  const generated = new Map<string, Form[]>();
  const add = (text: string, role: FormRole, code: string, independent: boolean): void => {
    const key = fold(text);
    const list = generated.get(key) ?? [];
    if (list.some((f) => f.code === code)) return;
    const form: Form = { text, role, code, kind: 'state', exact: isAcronym(text) };
    (form as Form & { independent: boolean }).independent = independent;
    list.push(form);
    generated.set(key, list);
  };
  const areas = new Map<string, Set<string>>();
  const primaryCapitals = new Map<string, string>();
  for (const c of countries) {
    areas.set(c.code, new Set([c.code, c.region, c.subregion].filter((a): a is string => !!a)));
    names.set(c.code, c.name);
    if (c.independent) officialNames.set(c.code, c.official);
    kinds.set(c.code, 'state');
    alpha2.set(c.cca2, c.code);
    for (const n of [c.name, c.official, ...c.altSpellings]) add(n, 'name', c.code, c.independent);
    for (const d of c.demonyms) {
      add(d, 'demonym', c.code, c.independent);
      const p = plural(d);
      if (p) add(p, 'demonym', c.code, c.independent);
    }
    // CountryInfo's first variants are often demonyms ("Armenian"): after the demonyms, so a
    // form already known keeps its role.
    for (const v of c.variants)
      add(v, /(?:an|ese|i|ish)$/.test(v) ? 'demonym' : 'name', c.code, c.independent);
    // Capitals stand for governments only for sovereign states: territories' capitals are
    // mostly small towns whose names recur elsewhere ("Hamilton", "Douglas").
    if (c.independent) for (const cap of c.capitals) add(cap, 'capital', c.code, true);
    if (c.independent && c.capitals[0]) primaryCapitals.set(fold(c.capitals[0]), c.code);
  }
  for (const [key, list] of generated) {
    let keep = list;
    if (list.length > 1) {
      const independent = list.filter((f) => (f as Form & { independent: boolean }).independent);
      keep = independent.length === 1 ? independent : [];
      // A capital two sovereign states list (CountryInfo gives Montenegro "Belgrade", the seat of
      // Serbia and Montenegro): the state that lists it first, world-countries' own, is its.
      const primary = primaryCapitals.get(key);
      if (keep.length === 0 && primary && independent.every((f) => f.role === 'capital'))
        keep = independent.filter((f) => f.code === primary);
    }
    if (keep.length === 1) generated.set(key, keep);
    else generated.delete(key);
  }

  const aliasForms: Form[] = [];
  for (const [text, code, how] of rows('country-aliases.tsv')) {
    if (!text || !code || !how) continue;
    const key = fold(text);
    if (how === 'skip') {
      generated.delete(key);
      continue;
    }
    if (how === 'person') {
      personLike.add(key);
      continue;
    }
    if (how === 'us-state') {
      usState.add(key);
      continue;
    }
    if (how === 'stop') {
      generated.delete(key);
      aliasForms.push({ text, role: 'stop', code: null, kind: 'state', exact: false });
      continue;
    }
    generated.delete(key);
    kinds.set(code, 'state');
    if (!names.has(code)) names.set(code, text);
    const role = how === 'org' ? 'organisation' : (how as FormRole);
    aliasForms.push({ text, role, code, kind: 'state', exact: isAcronym(text) });
  }

  const orgForms: Form[] = [];
  for (const [code, name, aliases] of rows('organisations.tsv')) {
    if (!code || !name) continue;
    names.set(code, name);
    kinds.set(code, 'organisation');
    for (const text of new Set([name, ...(aliases ?? '').split(';').filter(Boolean)])) {
      generated.delete(fold(text));
      orgForms.push({
        text,
        role: 'organisation',
        code,
        kind: 'organisation',
        exact: isAcronym(text),
      });
    }
  }

  // De facto governments: the group is its state in the years it governed, else nobody (a
  // non-state group); resolved by year like an official.
  const deFacto = new Map<string, Form>();
  for (const [name, aliases, code, start, end] of rows('de-facto.tsv')) {
    if (!name || !code) continue;
    const term: Term = {
      person: name,
      code,
      office: 'de facto government',
      start: start ? Number(start) : -Infinity,
      end: end ? Number(end) : Infinity,
    };
    for (const text of new Set([name, ...(aliases ?? '').split(';').filter(Boolean)])) {
      const key = fold(text);
      generated.delete(key);
      const known = deFacto.get(key);
      if (known) known.terms!.push(term);
      else
        deFacto.set(key, {
          text,
          role: 'organisation',
          code,
          kind: 'state',
          exact: isAcronym(text),
          terms: [term],
          dated: true,
        });
    }
  }

  // Officials: every full name and variant, and the surname; terms of the same form are merged.
  const officialForms = new Map<string, Form>();
  const addOfficial = (text: string, term: Term, needsTitle: boolean): void => {
    const key = fold(text);
    const existing = officialForms.get(key);
    if (existing) {
      existing.terms!.push(term);
      existing.needsTitle = existing.needsTitle! && needsTitle;
      return;
    }
    officialForms.set(key, {
      text,
      role: 'official',
      code: term.code,
      kind: 'state',
      exact: false,
      terms: [term],
      needsTitle,
    });
  };
  const year = (s: string | undefined, open: number): number =>
    s && /^\d{4}$/.test(s) ? Number(s) : open;
  for (const [name, variants, surname, alone, code, office, start, end] of rows('officials.tsv')) {
    if (!name || !code || !office) continue;
    const term: Term = {
      person: name,
      code,
      office,
      start: year(start, -Infinity),
      end: year(end, Infinity),
    };
    for (const v of new Set([name, ...(variants ?? '').split(';').filter(Boolean)]))
      addOfficial(v, term, false);
    if (surname) addOfficial(surname, term, alone !== 'y');
  }
  // CountryInfo's leaders and ministers. The Phoenix office-holders (officials-phoenix.tsv) are no
  // trie forms: office-holders.ts reads them into a compact index of their own.
  for (const [name, variants, code, office, start, end] of rows('officials-countryinfo.tsv')) {
    if (!name || !code || !office) continue;
    // CountryInfo's open ends ("in office at the 2011 update") are left open: better a stale
    // match than none for a name this specific.
    const term: Term = {
      person: name,
      code,
      office,
      start: year(start, -Infinity),
      end: year(end, Infinity),
    };
    for (const v of new Set([name, ...(variants ?? '').split(';').filter(Boolean)]))
      addOfficial(v, term, false);
  }
  for (const f of officialForms.values()) {
    for (const t of f.terms!) if (!kinds.has(t.code)) kinds.set(t.code, 'state');
    f.kind = kinds.get(f.code!) ?? 'state';
  }

  // The hand-written titles, then the agent nouns of the Phoenix dictionary (generated).
  const titleForms: Form[] = [...rows('titles.tsv'), ...rows('titles-phoenix.tsv')]
    .filter(([t]) => t)
    .map(([text, group]) => ({
      text: text!,
      role: 'title' as const,
      code: null,
      kind: 'state' as const,
      exact: false,
      group: group ?? 'official',
    }));

  for (const list of generated.values()) forms.push(...list);
  forms.push(
    ...aliasForms,
    ...orgForms,
    ...deFacto.values(),
    ...officialForms.values(),
    ...titleForms,
  );
  const regionWords = new Map<string, Set<string>>();
  for (const [adjective, list] of rows('regions.tsv'))
    if (adjective && list) regionWords.set(adjective.toLowerCase(), new Set(list.split(';')));
  return {
    forms,
    names,
    officialNames,
    kinds,
    alpha2,
    personLike,
    usState,
    areas,
    regionWords,
    privateAgents: new Set(rows('agents-private.tsv').map(([agent]) => agent!)),
    officeHeads: new Set(
      rows('titles.tsv')
        .filter(([t]) => t)
        .map(([t]) => {
          const words = t!.toLowerCase().split(/\s+/);
          const at = words.findIndex((w, i) => i > 0 && /^(?:of|to|for)$/.test(w));
          return at > 0 ? words[at - 1]! : words.at(-1)!;
        }),
    ),
  };
}

/** The gazetteer, loaded at module load: the data files are small (about 1 MB). */
export const gazetteer: Gazetteer = load();

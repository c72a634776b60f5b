// `npm run officials`: builds data/gazetteer/officials-phoenix.tsv, the dated roles of named
// office-holders from the Phoenix actor dictionaries of PETRARCH2 (../shared/data/petrarch/
// Phoenix.Countries.actors.txt and Phoenix.International.actors.txt, Open Event Data Alliance, MIT;
// built from CountryInfo).
//
// An entry is a name line ("BARACK_OBAMA"), "+" lines of other forms, and tab-indented roles
// ("[USAGOV >090120]": CAMEO country and sector codes, then the dates the role was held, YYMMDD or
// YYYYMMDD, "-" between, ">" from, "<" until). A role speaks for its state when its sector is
// government, military, legislature, judiciary or police (officials act for the state; elites,
// opposition, rebels and business do not), and for an organisation when it is an IGO role.
// Country codes go to ISO 3166-1 alpha-3 through data/codes/cameo-actors.tsv.
//
// Usage: node --import tsx scripts/build-officials.ts [--petrarch DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const arg = process.argv.indexOf('--petrarch');
const dir = resolve(root, arg > 0 ? process.argv[arg + 1]! : '../shared/data/petrarch');
const OUT = join(root, 'data', 'gazetteer', 'officials-phoenix.tsv');

// CAMEO actor codes → ISO codes and organisation acronyms.
const codes = new Map<string, string>([
  ['USR', 'SUN'],
  ['KSV', 'XKX'],
  ['TMP', 'TLS'],
]);
for (const line of readFileSync(join(root, 'data', 'codes', 'cameo-actors.tsv'), 'utf8').split(
  '\n',
)) {
  const [cameo, code] = line.split('\t');
  if (cameo && code && /^[A-Z]{3}$/.test(cameo) && !codes.has(cameo)) codes.set(cameo, code);
}
// Organisations as Phoenix codes them after "IGO" (IGOUNO, IGOEUREEC, IGONAT…).
const IGO: Record<string, string> = {
  UNO: 'UN',
  NAT: 'NATO',
  EUREEC: 'EU',
  EEC: 'EU',
  AFRAFU: 'AU',
  OAU: 'AU',
  ARL: 'ARAB LEAGUE',
  OIC: 'OIC',
  SEAASN: 'ASEAN',
  ASN: 'ASEAN',
  WTO: 'WTO',
  IMF: 'IMF',
  WBK: 'WORLD BANK',
  IAEA: 'IAEA',
  ICC: 'ICC',
  ICJ: 'ICJ',
  OAS: 'OAS',
  WHO: 'WHO',
  GCC: 'GCC',
  SCO: 'SCO',
};
const SECTORS = /^(GOV|MIL|LEG|JUD|COP|SPY)/;
const OFFICE: Record<string, string> = {
  GOV: 'government',
  MIL: 'military',
  LEG: 'legislator',
  JUD: 'judiciary',
  COP: 'police',
  SPY: 'intelligence',
};

/** A dictionary date (YYMMDD or YYYYMMDD) as a year. */
function yearOf(d: string): number {
  // A few dates have a digit too many or too few; their first four digits are still the year.
  if (d.length >= 7) return Number(d.slice(0, 4));
  const yy = Number(d.slice(0, 2));
  return yy <= 30 ? 2000 + yy : 1900 + yy;
}

/** "BARACK_H._OBAMA" → "Barack H. Obama"; "AL-ASSAD" → "al-Assad" is left as "Al-Assad". */
function nameOf(raw: string): string {
  return raw
    .replace(/_+$/, '')
    .split('_')
    .filter(Boolean)
    .map((w) =>
      w
        .split('-')
        .map((p) => (p ? p[0] + p.slice(1).toLowerCase() : p))
        .join('-'),
    )
    .join(' ');
}

// Titles and phrases that Phoenix lists as forms of a person; the extractor reads titles itself.
const TITLED =
  /^(?:THE|MR|MR\.|MRS|MS|DR|PRESIDENT|PRESIDENT-ELECT|PRIME|MINISTER|SENATOR|GOVERNOR|GENERAL|GEN|KING|QUEEN|PRINCE|SHEIKH|SECRETARY|SECRETARY-GENERAL|US|U\.S\.|AMERICAN|UNITED|UN|FORMER|VICE|FOREIGN|DEFENSE|CHANCELLOR|EMIR|AMBASSADOR|COLONEL|COL|LT|MAJOR|ADMIRAL|CAPTAIN|SIR|LORD|CHIEF|DEPUTY)_/;

// A form with a title, a demonym or an office in it ("RUSSIAN_PRESIDENT_VLADIMIR_PUTIN",
// "OBAMA_ADMINISTRATION") is left to the matcher, which reads titles and states around a name.
const TITLE_WORD =
  /(?:^|_)(?:THE|MR\.?|MRS|MS|DR|PRESIDENT|PRESIDENT-ELECT|PRIME|MINISTER|SENATOR|GOVERNOR|GENERAL|GEN|KING|QUEEN|PRINCE|SECRETARY|SECRETARY-GENERAL|FORMER|VICE|CHANCELLOR|EMIR|AMBASSADOR|ADMINISTRATION|GOVERNMENT|REGIME|[A-Z]+(?:IAN|ESE|ISH|ICAN|I))(?:_|$)/;

// The dictionaries also list institutions ("ISRAEL_DEFENSE_FORCES"); this file is of persons, the
// institutions are the matcher's (a state's name and its organs).
const INSTITUTION =
  /(?:^|_)(?:FORCES?|ARMY|NAVY|AIR|MINISTRY|DEPARTMENT|COUNCIL|PARTY|POLICE|GUARDS?|COMMAND|AGENCY|OFFICE|COURT|PARLIAMENT|ASSEMBLY|CONGRESS|SENATE|GOVERNMENT|CORPS|BRIGADES?|BATTALION|DIVISION|UNIT|SERVICES?|COMMITTEE|COMMISSION|FRONT|MOVEMENT|UNION|ORGANI[SZ]ATION|BANK|FUND|AUTHORITY|BUREAU|ACADEMY|UNIVERSITY|NEWS|MILITARY|TROOPS|REGIME|CABINET|EMBASSY|MISSION|STATE|REPUBLIC|KINGDOM|ALLIANCE|LEAGUE|COALITION|ASSOCIATION|INSTITUTE|CENTER|CENTRE|DEFEN[CS]E)(?:_|$)/;

interface Entry {
  name: string;
  variants: string[];
  roles: { code: string; office: string; start: string; end: string }[];
}
const entries: Entry[] = [];
for (const file of ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt']) {
  let current: Entry | null = null;
  for (const raw of readFileSync(join(dir, file), 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trimEnd();
    if (!line.trim()) continue;
    if (/^\s+\[/.test(line) || /^\[/.test(line)) {
      const m = /\[([A-Z]{3})([A-Z]*)\s*([<>]?)(\d{6,8})?(?:-(\d{6,8}))?\]/.exec(line);
      if (!current || !m) continue;
      const [, country, sector, bound, d1, d2] = m as unknown as string[];
      let code: string | undefined;
      let office: string | undefined;
      if (country === 'IGO') {
        const igo = Object.keys(IGO).find((k) => sector!.startsWith(k));
        code = igo ? IGO[igo] : undefined;
        office = 'official';
      } else if (SECTORS.test(sector!)) {
        code = codes.get(country!);
        office = OFFICE[sector!.slice(0, 3)];
      }
      if (!code || !office || /\s/.test(code)) continue;
      let start = '';
      let end = '';
      if (d1 && d2) [start, end] = [String(yearOf(d1)), String(yearOf(d2))];
      if (start && end && Number(start) > Number(end)) continue;
      else if (d1 && bound === '<') end = String(yearOf(d1));
      else if (d1) start = String(yearOf(d1));
      current.roles.push({ code, office, start, end });
      continue;
    }
    const form = line.trim().split(/\s+/)[0]!;
    if (form.startsWith('+')) {
      if (current && form.includes('_') && !TITLE_WORD.test(form.slice(1)))
        current.variants.push(nameOf(form.slice(1)));
      continue;
    }
    // A title before the name ("SECRETARY-GENERAL_BAN_KI-MOON") is the matcher's to read.
    let bare = form;
    while (TITLED.test(bare)) bare = bare.replace(TITLED, '');
    current = { name: nameOf(bare), variants: [], roles: [] };
    // A name of one word ("KHODAIDAD") is too often a common word or a namesake's surname.
    if (bare.replace(/_+$/, '').includes('_') && !INSTITUTION.test(bare)) entries.push(current);
  }
}

// Ambiguity. A name of two words that are both common among the dictionary's names ("Abdul Ali",
// "James Smith": each word in at least COMMON names) names too many people to code a state; the
// heads of state and government among them are in the hand-written officials.tsv.
const COMMON = 20;
const wordNames = new Map<string, number>();
for (const name of new Set(entries.map((e) => e.name)))
  for (const w of new Set(name.toLowerCase().split(' ')))
    wordNames.set(w, (wordNames.get(w) ?? 0) + 1);
const ambiguous = (name: string): boolean => {
  const ws = name.toLowerCase().split(' ');
  return ws.length === 2 && ws.every((w) => (wordNames.get(w) ?? 0) >= COMMON);
};
// A title inside the name ("Acting Minister Abdul Rahim", "Kosovar Prime Minister") is no name.
const TITLE_INSIDE = /\b(?:Minister|Acting|President|Secretary|Attorney|Crown|Prime|Premier)\b/;

/** One person: their names and their roles by code, merged where they overlap or touch. */
interface Person {
  name: string;
  variants: Set<string>;
  roles: { code: string; start: number; end: number }[];
}
const persons = new Map<string, Person>();
let dropped = 0;
for (const e of entries) {
  if (e.roles.length === 0) continue;
  if (ambiguous(e.name) || TITLE_INSIDE.test(e.name)) {
    dropped++;
    continue;
  }
  // "Ban Ki Moon" and "Ban Ki-Moon" are one person: one line, the first spelling its name.
  const key = e.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
  const p = persons.get(key) ?? { name: e.name, variants: new Set<string>(), roles: [] };
  persons.set(key, p);
  if (e.name !== p.name) p.variants.add(e.name);
  for (const v of e.variants)
    if (v !== p.name && v.includes(' ') && !ambiguous(v) && !TITLE_INSIDE.test(v))
      p.variants.add(v);
  for (const r of e.roles)
    p.roles.push({
      code: r.code,
      start: r.start ? Number(r.start) : -Infinity,
      end: r.end ? Number(r.end) : Infinity,
    });
}

/** Roles of one code merged: sorted by start, a range that overlaps or touches the last extends it. */
function merged(roles: Person['roles']): Person['roles'] {
  const out: Person['roles'] = [];
  const sorted = [...roles].sort((a, b) => a.code.localeCompare(b.code) || a.start - b.start);
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.code === r.code && r.start <= last.end + 1)
      last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
const bound = (y: number) => (Number.isFinite(y) ? String(y) : '');

const lines: string[] = [];
let roleCount = 0;
for (const p of [...persons.values()].sort((a, b) => a.name.localeCompare(b.name))) {
  const roles = merged(p.roles);
  roleCount += roles.length;
  const spans = roles.map((r) => `${r.code} ${bound(r.start)}-${bound(r.end)}`).join(';');
  lines.push([p.name, [...p.variants].join(';'), spans].join('\t'));
}

const header = `# Office-holders with the years of their roles, for resolving a named official to the state (or
# organisation) they act for in the year a text is about. Source: the Phoenix actor dictionaries of
# PETRARCH2 (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt; Open Event Data
# Alliance, MIT licence; built from CountryInfo): roles in government, the military, the
# legislature, the judiciary, the police and intelligence, and IGO roles; CAMEO country codes
# mapped through data/codes/cameo-actors.tsv. Generated by \`npm run officials\`
# (scripts/build-officials.ts): do not edit. One person a line; names of one word, names with a
# title inside, and names of two words both common among the dictionary's names are left out.
# roles: "CODE START-END" separated by ";", a code's overlapping roles merged; an empty year is
# open (the dictionary gives none).
name\tvariants\troles
`;
writeFileSync(OUT, `${header}${lines.join('\n')}\n`);
console.log(
  `${OUT}: ${lines.length} people with ${roleCount} roles (${dropped} ambiguous or titled names left out)`,
);

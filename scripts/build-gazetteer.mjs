// Builds the generated gazetteer files committed under data/gazetteer/, so that run time needs
// neither the world-countries package nor the shared reference data:
//   countries.json            world-countries (names, demonyms, capitals) + CountryInfo crosswalk
//                             (capitals, spelling variants close to the name)
//   officials-countryinfo.tsv leaders and ministers parsed from CountryInfo (AZE, PAK)
// Usage: node scripts/build-gazetteer.mjs [--shared ../shared/data/actors]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const countries = require('world-countries/countries.json');
const wcVersion = require('world-countries/package.json').version;

const sharedArg = process.argv.indexOf('--shared');
const shared = resolve(root, sharedArg > 0 ? process.argv[sharedArg + 1] : '../shared/data/actors');
const crosswalkPath = join(shared, 'countryinfo_code_crosswalk.tsv');
const countryInfoPath = join(shared, 'CountryInfo_AZE_PAK.txt');
const out = join(root, 'data', 'gazetteer');

// world-countries uses the user-assigned UNK for Kosovo; XKX is the code in common use (EU, IMF).
const CODE_FIX = { UNK: 'XKX' };

/** "SAINT_JOHN'S_" → "Saint John's"; CountryInfo writes names upper case with underscores. */
function titleCase(raw) {
  return raw
    .replace(/_+$/, '')
    .split('_')
    .filter(Boolean)
    .map((w) =>
      /^(OF|THE|AND|DE|DA|DU|LA|EL|AL)$/.test(w)
        ? w.toLowerCase()
        : w[0] + w.slice(1).toLowerCase(),
    )
    .join(' ');
}

function plain(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Levenshtein distance, small strings only. */
function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length][b.length];
}

/**
 * The crosswalk's rows by each of their codes. Its ISO column has slips (Myanmar's row says MOZ,
 * Guinea's PNG, Guatemala's GLP, Japan's JON), so a row is found by its ISO code or by its own
 * country code, and `crosswalkRow` keeps only a row whose name is the country's.
 */
function readCrosswalk() {
  const byCode = new Map();
  if (!existsSync(crosswalkPath)) return byCode;
  const rows = readFileSync(crosswalkPath, 'utf8').split('\n').slice(1).filter(Boolean);
  const add = (code, row) => byCode.set(code, [...(byCode.get(code) ?? []), row]);
  for (const line of rows) {
    const f = line.split('\t');
    const capitals = (f[9] ?? '')
      .split(';')
      .filter((s) => /\w/.test(s))
      .map(titleCase);
    const forms = (f[10] ?? '')
      .split(';')
      .filter((s) => /^[A-Z'-]+_?$/.test(s))
      .map(titleCase);
    const row = { name: titleCase(f[1] ?? ''), capitals, forms };
    const iso3 = f[8];
    if (iso3 && iso3 !== '---') add(iso3, row);
    if (/^[A-Z]{3}$/.test(f[0] ?? '') && f[0] !== iso3) add(f[0], row);
  }
  return byCode;
}

/** The crosswalk row of a world-countries entry: one filed under its code whose name is its. */
function crosswalkRow(crosswalk, c, known) {
  return (crosswalk.get(c.cca3) ?? []).find((row) => {
    const p = plain(row.name);
    return known.has(p) || distance(p, plain(c.name.common)) <= 2;
  });
}

function buildCountries() {
  const crosswalk = readCrosswalk();
  const entries = countries.map((c) => {
    const code = CODE_FIX[c.cca3] ?? c.cca3;
    const eng = c.demonyms?.eng;
    // "Bosnian, Herzegovinian": some entries list two demonyms in one string.
    const demonyms = [...new Set([eng?.m, eng?.f].filter(Boolean).flatMap((d) => d.split(/,\s*/)))];
    const known = new Set([c.name.common, c.name.official, ...c.altSpellings].map(plain));
    const cw = crosswalkRow(crosswalk, c, known);
    // Only the crosswalk's spellings within two edits of the name: its long tail of nicknames
    // and foreign forms ("XANADA", "SOUTH CONGO") would cost precision for little recall.
    const variants = (cw?.forms ?? []).filter((v) => {
      const p = plain(v);
      return !known.has(p) && p.length >= 5 && distance(p, plain(c.name.common)) <= 2;
    });
    const capitals = [...new Set([...c.capital, ...(cw?.capitals ?? [])])];
    return {
      code,
      cca2: c.cca2,
      name: c.name.common,
      official: c.name.official,
      // Two-letter codes are left to resolveActor: as text they collide with words ("IN", "AT").
      altSpellings: c.altSpellings.filter((s) => !/^[A-Z]{2}$/.test(s)),
      demonyms,
      capitals,
      variants,
      independent: c.independent === true,
      region: c.region,
      subregion: c.subregion,
    };
  });
  const doc = {
    source:
      `world-countries ${wcVersion} (https://github.com/mledoze/countries, ODbL-1.0): names, altSpellings, ` +
      'English demonyms, capitals, region and subregion; plus capitals and spelling variants (within two edits of the name) from ' +
      'openeventdata/CountryInfo countryinfo_code_crosswalk.tsv (Schrodt, Philip A. 2011. CountryInfo.111216.txt, ' +
      'Open Event Data Alliance, CC BY-SA 3.0). Generated by scripts/build-gazetteer.mjs; do not edit by hand.',
    countries: entries,
  };
  writeFileSync(join(out, 'countries.json'), JSON.stringify(doc, null, 1) + '\n');
  return entries.length;
}

/** "[19931114 - 19971202]" / "[>20031031]" / "[AZEGOV <20080831]" → [startYear, endYear] pairs. */
function terms(text) {
  const found = [];
  for (const m of text.matchAll(/\[(?:[A-Z]{3,}\s+)?([<>]?)(\d{8})?(?:\s*-\s*(\d{8}))?\]/g)) {
    const [, mark, a, b] = m;
    if (!a) continue;
    const year = a.slice(0, 4);
    if (mark === '>') found.push([year, '']);
    else if (mark === '<') found.push(['', year]);
    else found.push([year, b ? b.slice(0, 4) : year]);
  }
  return found;
}

function buildCountryInfoOfficials() {
  if (!existsSync(countryInfoPath)) return 0;
  const text = readFileSync(countryInfoPath, 'utf8');
  const rows = [];
  for (const block of text.split('<Country>').slice(1)) {
    const code = /<CountryCode>(\w+)<\/CountryCode>/.exec(block)?.[1];
    if (!code) continue;
    let office = '';
    let section = '';
    for (const raw of block.split('\n')) {
      const line = raw.trim();
      if (/^<Leaders>|^<Government>/.test(line)) section = line.slice(1, -1);
      const tag = /^<(Presidents|Prime ministers)>$/.exec(line);
      if (tag) office = tag[1] === 'Presidents' ? 'president' : 'prime minister';
      if (!/^[{A-Z]/.test(line)) continue;
      const names = [...line.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      if (names.length === 0) names.push(line.split(/\s/)[0]);
      const clean = [...new Set(names.map(titleCase))];
      let role = office;
      if (section === 'Government')
        role = (line.split('#')[1] ?? '').trim().split(' & ')[0].toLowerCase();
      if (!role) continue;
      for (const [start, end] of terms(line.split('#')[0].replace(/\[[BD]:\d+\]/g, ''))) {
        rows.push([clean[0], clean.slice(1).join(';'), code, role, start, end].join('\t'));
      }
    }
  }
  const header = [
    '# Leaders (from about 1960) and ministers (2003-2011) of Azerbaijan and Pakistan.',
    '# Source: openeventdata/CountryInfo, CountryInfo_AZE_PAK.txt. Please cite as: Schrodt, Philip A. 2011.',
    '# CountryInfo.111216.txt. Downloaded from http://eventdata.psu.edu/software.dir/dictionaries.html',
    '# (CC BY-SA 3.0). Generated by scripts/build-gazetteer.mjs; an empty end year means in office at the',
    "# file's last update (2011), an empty start year in office in January 2003.",
    'name\tvariants\tcode\toffice\tstart\tend',
  ];
  writeFileSync(
    join(out, 'officials-countryinfo.tsv'),
    [...header, ...new Set(rows)].join('\n') + '\n',
  );
  return rows.length;
}

const n = buildCountries();
const k = buildCountryInfoOfficials();
console.log(`countries.json: ${n} countries; officials-countryinfo.tsv: ${k} rows`);

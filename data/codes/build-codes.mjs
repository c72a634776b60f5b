// Builds the CAMEO code tables in this folder from the reference files in ../shared/data.
// Run once by hand (`node data/codes/build-codes.mjs`) when the sources change: the product reads
// only the .tsv files written here, never ../shared.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, '../../../shared/data');
const read = (p) => readFileSync(join(shared, p), 'utf8');
const tsvRows = (text) =>
  text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.replace(/\r$/, '').split('\t'));

// --- CAMEO event code → PLOVER -----------------------------------------------------------
const descriptions = new Map(
  tsvRows(read('cameo/cameo_eventcodes_mediadashboard.tsv')).map(([c, d]) => [c, d]),
);
const plover = new Map();
for (const raw of read('plover/CAMEO2PLOVER-2021.txt').split('\n')) {
  const line = raw.trim();
  const m = /^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$/.exec(line);
  if (!m) continue;
  const [, code, body, comment = ''] = m;
  // The root lines ("08: CONCEDE", "08: RETREAT") head sections; CAMEO root 08 is split between
  // two PLOVER types, so the 2-digit roots keep their first heading only.
  if (plover.has(code)) continue;
  const [type = '', mode = '', context = ''] = body.split(',').map((s) => s.trim());
  plover.set(code, {
    type,
    mode: mode.trim(),
    context: context.replace(/\s*;\s*/g, ';'),
    description: comment.replace(/\s+\d{2}\.\d{2}\.\d{2}:.*$/, '').trim(),
  });
}
const codes = [...new Set([...descriptions.keys(), ...plover.keys()])].sort();
const out = [
  '# CAMEO event code -> PLOVER 2.0 type, mode and context, with the CAMEO description.',
  '# Sources: openeventdata/PLOVER CAMEO2PLOVER-2021.txt (P. Schrodt, 17-Sep-2021, CC BY-SA 4.0) for the',
  '# mapping; CAMEO event descriptions from the GDELT lookup tables via media-dashboard/bootstrap-db (ISC).',
  '# `via` says where the PLOVER fields come from: `table` (the code itself is in CAMEO2PLOVER), `base`',
  '# (its 3-digit base code is), `root` (its 2-digit root is), `dropped` (PLOVER has no type for CAMEO',
  '# roots 01 "make public statement" and 02 "appeal": the type is empty).',
  ['cameo', 'plover', 'mode', 'context', 'via', 'description'].join('\t'),
];
let fallback = 0;
for (const code of codes) {
  let via = 'table';
  let p = plover.get(code);
  if (!p && code.length === 4) (p = plover.get(code.slice(0, 3))), (via = 'base');
  if (!p) (p = plover.get(code.slice(0, 2))), (via = 'root');
  if (!p) via = 'dropped';
  if (via !== 'table') fallback++;
  const description = descriptions.get(code) ?? plover.get(code)?.description ?? '';
  out.push([code, p?.type ?? '', p?.mode ?? '', p?.context ?? '', via, description].join('\t'));
}
writeFileSync(join(here, 'cameo-plover.tsv'), out.join('\n') + '\n');
console.log(`cameo-plover.tsv: ${codes.length} codes, ${fallback} not in CAMEO2PLOVER itself`);

// --- CAMEO event code → Goldstein -------------------------------------------------------
const gold = tsvRows(read('cameo/CAMEO.goldsteinscale.txt'));
writeFileSync(
  join(here, 'cameo-goldstein.tsv'),
  [
    '# CAMEO event code -> Goldstein conflict-cooperation score (-10 to +10).',
    '# Source: GDELT lookup table CAMEO.goldsteinscale.txt ("The GDELT Project", free and open).',
    'cameo\tgoldstein',
    ...gold.map(([c, g]) => `${c}\t${Number(g)}`),
  ].join('\n') + '\n',
);
console.log(`cameo-goldstein.tsv: ${gold.length} codes`);

// --- CAMEO actor codes → ISO 3166-1 alpha-3 / organisation acronym ------------------------
const require = createRequire(import.meta.url);
const iso3 = new Set(require('world-countries').map((c) => c.cca3));
// CAMEO kept a few pre-2006 or non-ISO codes for states; these are ISO's codes for the same
// states. Baghdad is coded as its state (a capital stands for its government); the West Bank and
// Gaza as Palestine (PSE); the Netherlands Antilles (dissolved 2010) keep their withdrawn ISO code.
const renamed = {
  ROM: 'ROU',
  TMP: 'TLS',
  MTN: 'MNE',
  IMY: 'IMN',
  BAG: 'IRQ',
  WSB: 'PSE',
  GZS: 'PSE',
  ANT: 'ANT',
};
const actors = [];
for (const [code, label] of tsvRows(read('cameo/cameo_country_codes.tsv'))) {
  const target = renamed[code] ?? code;
  if (iso3.has(target) || renamed[code]) actors.push([code, target, 'state', label]);
  else actors.push([code, '', 'region', label]);
}
// Known-group codes for intergovernmental organisations, as GDELT writes them in
// Actor*KnownGroupCode, mapped to the acronym the extraction contract uses.
const orgs = [
  ['UNO', 'UN', 'organisation', 'United Nations'],
  ['EEC', 'EU', 'organisation', 'European Union (CAMEO keeps the EEC code)'],
  ['OIC', 'OIC', 'organisation', 'Organisation of Islamic Cooperation'],
];
writeFileSync(
  join(here, 'cameo-actors.tsv'),
  [
    '# CAMEO actor country codes -> ISO 3166-1 alpha-3 (kind `state`), regions (kind `region`: no state code),',
    '# and known-group codes of intergovernmental organisations -> their usual acronym (kind `organisation`).',
    '# Sources: GDELT lookup table CAMEO.country.txt via ../shared/data/cameo/cameo_country_codes.tsv ("The GDELT',
    '# Project"); ISO codes checked against the world-countries package (cca3); ROM->ROU, TMP->TLS, MTN->MNE, IMY->IMN are',
    '# ISO 3166-1 codes, BAG (Baghdad)->IRQ, WSB/GZS (West Bank, Gaza)->PSE; the organisation rows are the known-group codes seen in GDELT 2.0 exports (UNO, EEC, OIC).',
    'cameo\tcode\tkind\tlabel',
    ...[...actors, ...orgs].map((r) => r.join('\t')),
  ].join('\n') + '\n',
);
console.log(`cameo-actors.tsv: ${actors.length + orgs.length} codes`);

// --- PLOVER type → CAMEO root, for the GDELT-style export ---------------------------------
// The inverse of CAMEO2PLOVER at root level. Where several roots map to one type, the root whose
// whole range maps to it wins: ACCUSE → 11 (disapprove) over 09 (investigate); ASSAULT → 18
// (CAMEO 19 "fight" needs a military mode; the exporter picks 19 when mode/context say so).
const roots = [
  ['AGREE', '03'],
  ['CONSULT', '04'],
  ['SUPPORT', '05'],
  ['COOPERATE', '06'],
  ['AID', '07'],
  ['CONCEDE', '08'],
  ['RETREAT', '08'],
  ['REQUEST', '10'],
  ['ACCUSE', '11'],
  ['REJECT', '12'],
  ['THREATEN', '13'],
  ['PROTEST', '14'],
  ['MOBILIZE', '15'],
  ['SANCTION', '16'],
  ['COERCE', '17'],
  ['ASSAULT', '18'],
];
writeFileSync(
  join(here, 'plover-cameo-root.tsv'),
  [
    '# PLOVER 2.0 type -> CAMEO root code and its base event code (root + "0"), for GDELT-style exports.',
    '# Source: the inverse of openeventdata/PLOVER CAMEO2PLOVER-2021.txt and cameo_root_to_plover (PLOVER',
    '# manual v2 draft, CC BY-SA 4.0). ACCUSE -> 11 (disapprove) rather than 09 (investigate); ASSAULT -> 18',
    '# (19 "fight" is chosen by the exporter for a military context).',
    'plover\tcameo_root\tgoldstein',
    ...roots.map(
      ([t, r]) =>
        `${t}\t${r}\t${Number(gold.find(([c]) => c === r + '0')?.[1] ?? gold.find(([c]) => c === r)?.[1])}`,
    ),
  ].join('\n') + '\n',
);
console.log(`plover-cameo-root.tsv: ${roots.length} types`);

// --- CAMEO actor role (type) codes: which stand for the state itself ------------------------
// The contract codes officials, ministries, armed forces, police, courts and legislatures as
// their state; businesses, media, civilians, rebels and the like are not the state.
const stateRoles = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);
const roles = new Map(tsvRows(read('cameo/cameo_type_codes.tsv')).map(([c, l]) => [c, l]));
writeFileSync(
  join(here, 'cameo-roles.tsv'),
  [
    '# CAMEO actor role (type) codes and whether an actor with that role stands for its state.',
    '# Source: GDELT lookup table CAMEO.type.txt via ../shared/data/cameo/cameo_type_codes.tsv ("The GDELT',
    '# Project"); the `state` column is ours: government, military, police, judiciary, legislature and',
    '# state intelligence stand for the state (as the extraction contract codes officials and forces).',
    'role\tstate\tlabel',
    ...[...roles].map(([c, l]) => `${c}\t${stateRoles.has(c) ? 'yes' : 'no'}\t${l}`),
  ].join('\n') + '\n',
);
console.log(`cameo-roles.tsv: ${roles.size} roles`);

// Interop without the store: code tables, the GDELT reader on the real GDELT 2.0 export, the ZIP
// reader, and every exporter's output read back with a parser of its format.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  cameoActor,
  cameoActorOf,
  cameoEvent,
  cameoRoot,
  goldsteinScore,
  isStateRole,
} from '../src/codes/cameo.ts';
import { PLOVER_TYPES } from '../src/extract/types.ts';
import { CSV_COLUMNS, csvRow, inert, parseCsv, toCsv } from '../src/interop/csv.ts';
import { exportCameo, toGdelt } from '../src/interop/gdelt-export.ts';
import { GDELT_NOTE, parseGdelt, readGdeltRow, type GdeltEvent } from '../src/interop/gdelt.ts';
import { parseTiesExport, toContractDocuments, toJson, toJsonl } from '../src/interop/json.ts';
import { timelineJsDate, toTimelineJs } from '../src/interop/timelinejs.ts';
import type { ExportDocument, ExportEvent } from '../src/interop/types.ts';
import { isZip, readZip, streamZip } from '../src/interop/zip.ts';
import { quadClass } from '../src/codes/plover.ts';

// Real GDELT rows (tests/fixtures/README.md): an excerpt of one 2.0 export, and a 1.0 sample.
const GDELT2 = 'tests/fixtures/gdelt/gdelt2_20150218230000.excerpt.tsv';
const GDELT1 = 'tests/fixtures/gdelt/gdelt1_events_sample.tsv';
/** Rows in the GDELT 2.0 excerpt. */
const ROWS = 311;
const gdelt2Text = readFileSync(GDELT2, 'utf8');
const rawRows = gdelt2Text
  .split('\n')
  .filter((l) => l)
  .map((l) => l.split('\t'));
const byId = new Map(rawRows.map((r) => [r[0], r]));

describe('CAMEO code tables', () => {
  it.each([
    // [CAMEO code, PLOVER type, mode, via]
    ['042', 'CONSULT', 'visit', 'table'],
    ['0874', 'RETREAT', 'disarm', 'table'],
    ['163', 'COERCE', 'restrict', 'table'],
    ['1712', 'ASSAULT', 'seize', 'table'],
    ['203', 'ASSAULT', 'cleansing', 'table'],
    ['1951', 'ASSAULT', 'heavy-weapons', 'base'],
    ['155', 'MOBILIZE', null, 'root'],
    ['081', 'CONCEDE', null, 'table'],
    ['010', null, null, 'dropped'],
    ['0214', null, null, 'dropped'],
  ] as const)('%s → %s', (code, type, mode, via) => {
    const e = cameoEvent(code);
    expect(e).not.toBeNull();
    expect([e?.type ?? null, e?.mode ?? null, e?.via]).toEqual([type, mode, via]);
  });

  it('does not know codes outside CAMEO', () => {
    expect(cameoEvent('999')).toBeNull();
    expect(cameoEvent('21')).toBeNull();
  });

  it.each([
    ['USA', 'USA', 'state'],
    ['ROM', 'ROU', 'state'],
    ['TMP', 'TLS', 'state'],
    ['WSB', 'PSE', 'state'],
    ['UNO', 'UN', 'organisation'],
    ['EEC', 'EU', 'organisation'],
    ['AFR', null, 'region'],
    ['EUR', null, 'region'],
  ] as const)('actor %s → %s (%s)', (cameo, code, kind) => {
    expect(cameoActor(cameo)).toMatchObject({ code, kind });
  });

  it('maps codes back for exports, a state to its own CAMEO code', () => {
    expect(cameoActorOf('PSE')).toBe('PSE');
    expect(cameoActorOf('ROU')).toBe('ROM');
    expect(cameoActorOf('UN')).toBe('UNO');
    expect(cameoActorOf('XXX')).toBeNull();
  });

  it('knows Goldstein scores and which roles are the state', () => {
    expect(goldsteinScore('042')).toBe(1.9);
    expect(goldsteinScore('190')).toBe(-10);
    expect([
      isStateRole('GOV'),
      isStateRole('MIL'),
      isStateRole('BUS'),
      isStateRole('MED'),
    ]).toEqual([true, true, false, false]);
  });

  it('maps every PLOVER type back to a CAMEO root that maps forward to it', () => {
    for (const t of PLOVER_TYPES) {
      const root = cameoRoot(t);
      expect(cameoEvent(`${root}0`)?.type === t || (t === 'RETREAT' && root === '08')).toBe(true);
    }
  });
});

describe('GDELT reader on the real GDELT 2.0 export', () => {
  const parsed = parseGdelt(gdelt2Text);

  it('accounts for every row: imported, skipped with a reason, or reported malformed', () => {
    expect(parsed.rows).toBe(ROWS);
    expect(parsed.layouts).toEqual({ 'gdelt2-61': ROWS });
    expect(parsed.malformed).toEqual([]);
    const skipped = parsed.skipped['no-plover-type'] + parsed.skipped['no-state-actor'];
    expect(parsed.events.length + skipped).toBe(ROWS);
    // CAMEO roots 01 and 02 have no PLOVER type: counted, by root, from the file's own column.
    const roots = rawRows.reduce<Record<string, number>>(
      (n, r) => ((n[r[28] as string] = (n[r[28] as string] ?? 0) + 1), n),
      {},
    );
    expect(parsed.skippedRoots).toEqual({ '01': roots['01'], '02': roots['02'] });
    expect(parsed.skipped['no-plover-type']).toBe((roots['01'] ?? 0) + (roots['02'] ?? 0));
  });

  it('keeps each imported row’s date, code, Goldstein, quad class and URL as the file has them', () => {
    for (const e of parsed.events) {
      const r = byId.get(e.gdelt.globalEventId) as string[];
      expect(e.date.replace(/-/g, '')).toBe(r[1]);
      expect(e.cameo).toBe(r[26]);
      expect(e.gdelt.goldstein).toBe(Number(r[30]));
      expect(e.gdelt.quadClass).toBe(Number(r[29]));
      expect(e.url).toBe(r[60]);
      expect(e.evidence).toBeNull();
      expect(e.note).toBe(GDELT_NOTE);
    }
  });

  it.each([
    // [GLOBALEVENTID, type, mode, source, target, date]
    ['410414008', 'REQUEST', null, 'RUS', 'UKR', '2015-02-18'],
    ['410414009', 'REJECT', null, 'RUS', 'UKR', '2015-02-18'],
    ['410413405', 'RETREAT', null, 'UN', 'EGY', '2015-02-18'], // CAMEO 084 "return, release": no mode in CAMEO2PLOVER
    ['410412348', 'CONSULT', 'visit', null, 'IND', '2014-02-18'],
  ])('row %s → %s %s %s→%s', (id, type, mode, source, target, date) => {
    const e = parsed.events.find((x) => x.gdelt.globalEventId === id) as GdeltEvent;
    expect(e).toBeDefined();
    expect([e.type, e.mode, e.source?.code ?? null, e.target?.code ?? null, e.date]).toEqual([
      type,
      mode,
      source,
      target,
      date,
    ]);
  });

  it.each([
    ['410413269', 'CAMEO 020 (appeal) has no PLOVER type'],
    ['410414485', 'a business is not its state'],
  ])('row %s is not imported: %s', (id) => {
    expect(parsed.events.find((x) => x.gdelt.globalEventId === id)).toBeUndefined();
  });

  it('reads GDELT 1.0 rows with and without SOURCEURL', () => {
    const p = parseGdelt(readFileSync(GDELT1, 'utf8'));
    expect(p.rows).toBe(4);
    expect(p.layouts).toEqual({ 'gdelt1-58': 3, 'gdelt1-57': 1 });
    expect(p.malformed).toEqual([]);
    const row = readGdeltRow((readFileSync(GDELT1, 'utf8').split('\n')[1] as string).split('\t'));
    expect(typeof row === 'object' && [row.layout, row.sourceUrl, row.date]).toEqual([
      'gdelt1-57',
      null,
      '2004-11-26',
    ]);
  });

  it('reports malformed rows with line and reason, and goes on', () => {
    const good = gdelt2Text.split('\n')[0] as string;
    const f = good.split('\t');
    const badDate = [...f.slice(0, 1), '20151345', ...f.slice(2)].join('\t');
    const badCode = [...f.slice(0, 26), '999', ...f.slice(27)].join('\t');
    const badQuad = [...f.slice(0, 29), '7', ...f.slice(30)].join('\t');
    const text = [good, 'not\ta\tgdelt\trow', badDate, '', badCode, badQuad, good].join('\n');
    const p = parseGdelt(text);
    expect(p.rows).toBe(6);
    expect(p.malformed.map((m) => m.line)).toEqual([2, 3, 5, 6]);
    expect(p.malformed[0]?.reason).toMatch(/4 columns/);
    expect(p.malformed[1]?.reason).toMatch(/SQLDATE/);
    expect(p.malformed[2]?.reason).toMatch(/EventCode '999'/);
    expect(p.malformed[3]?.reason).toMatch(/QuadClass/);
    expect(p.events.length + p.skipped['no-plover-type'] + p.skipped['no-state-actor']).toBe(2);
  });
});

// CRC-32 (IEEE), for archives built by hand below.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP64 archive of one deflated file, as writers that stream or pass 4 GB write it. */
function buildZip64(name: string, data: Buffer): Buffer {
  const body = deflateRawSync(data);
  const n = Buffer.from(name);
  const u64 = (v: number) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    return b;
  };
  const extra = (...values: number[]) => {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(0x0001, 0);
    head.writeUInt16LE(values.length * 8, 2);
    return Buffer.concat([head, ...values.map(u64)]);
  };
  const localExtra = extra(data.length, body.length);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(0xffffffff, 18);
  local.writeUInt32LE(0xffffffff, 22);
  local.writeUInt16LE(n.length, 26);
  local.writeUInt16LE(localExtra.length, 28);
  const centralExtra = extra(data.length, body.length, 0);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt16LE(centralExtra.length, 30);
  central.writeUInt32LE(0xffffffff, 42);
  const head = Buffer.concat([local, n, localExtra, body]);
  const cd = Buffer.concat([central, n, centralExtra]);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(1n, 24);
  end64.writeBigUInt64LE(1n, 32);
  end64.writeBigUInt64LE(BigInt(cd.length), 40);
  end64.writeBigUInt64LE(BigInt(head.length), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(head.length + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([head, cd, end64, locator, end]);
}

/** A ZIP archive built by hand: one entry per file, stored or deflated. */
function buildZip(files: { name: string; data: Buffer; deflate: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const body = f.deflate ? deflateRawSync(f.data) : f.data;
    const name = Buffer.from(f.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x8, 6); // sizes in a data descriptor: local header sizes stay zero
    local.writeUInt16LE(f.deflate ? 8 : 0, 8);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x8, 8);
    central.writeUInt16LE(f.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(f.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc32(f.data), 4);
    descriptor.writeUInt32LE(body.length, 8);
    descriptor.writeUInt32LE(f.data.length, 12);
    const chunk = Buffer.concat([local, name, body, descriptor]);
    locals.push(chunk);
    centrals.push(Buffer.concat([central, name]));
    offset += chunk.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('ZIP reader', () => {
  const data = Buffer.from(gdelt2Text);

  it('reads stored and deflated entries written with data descriptors', () => {
    const zip = buildZip([
      { name: 'a.export.CSV', data, deflate: true },
      { name: 'b.txt', data: Buffer.from('stored ünïcode'), deflate: false },
    ]);
    expect(isZip(zip)).toBe(true);
    const entries = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['a.export.CSV', 'b.txt']);
    expect(entries[0]?.data.equals(data)).toBe(true);
    expect(entries[1]?.data.toString()).toBe('stored ünïcode');
  });

  it('reads a ZIP made by the zip command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ties-zip-'));
    writeFileSync(join(dir, '20150218230000.export.CSV'), data);
    try {
      execFileSync('zip', ['-q', '-j', join(dir, 'g.zip'), join(dir, '20150218230000.export.CSV')]);
    } catch {
      return; // no zip CLI here: the hand-built archives above cover the format
    }
    const entries = readZip(readFileSync(join(dir, 'g.zip')));
    expect(entries).toHaveLength(1);
    expect(parseGdelt(entries[0]!.data.toString('utf8')).rows).toBe(ROWS);
  });

  it('rejects damaged archives with BAD_INPUT', () => {
    const zip = buildZip([{ name: 'a.tsv', data, deflate: true }]);
    expect(() => readZip(zip.subarray(0, zip.length - 30))).toThrow(/ZIP/);
    const corrupt = Buffer.from(zip);
    corrupt[100] = (corrupt[100] as number) ^ 0xff;
    expect(() => readZip(corrupt)).toThrow(/inflate|CRC/);
    expect(isZip(Buffer.from('GLOBALEVENTID'))).toBe(false);
  });

  it('reads ZIP64 archives', () => {
    const entries = readZip(buildZip64('big.export.CSV', data));
    expect(entries.map((e) => e.name)).toEqual(['big.export.CSV']);
    expect(entries[0]?.data.equals(data)).toBe(true);
  });

  it('streams an entry in chunks that add up to the file', () => {
    // Stored, so the archive is larger than one pushed slice and the entry arrives in pieces.
    const big = Buffer.concat(Array.from({ length: 12 }, () => data));
    const zip = zipSync({ 'x.CSV': big }, { level: 0 });
    const chunks: number[] = [];
    let ended = 0;
    streamZip(zip, () => ({ data: (c) => chunks.push(c.length), end: () => ended++ }));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(big.length);
    expect(ended).toBe(1);
  });
});

// Events in the API's TimelineEvent shape, built from the real GDELT rows plus text-extracted ones
// with tricky evidence (quotes, commas, line breaks, HTML) and coarse or missing dates.
const docText =
  'Pakistan, "the first", recognised Azerbaijan.\nIn the 1920s <b>trade</b> grew & grew.';
const textDoc: ExportDocument = {
  id: 'd1',
  title: 'An essay, "quoted"',
  date: '2021-06-16',
  url: null,
  kind: 'text',
  format: 'txt',
  text: docText,
};
const ev = (over: Partial<ExportEvent>): ExportEvent => ({
  id: '1',
  type: 'SUPPORT',
  mode: null,
  cameo: '054',
  quad: 'verbal-cooperation',
  date: '1991-12-12',
  dateFirst: '1991-12-12',
  dateLast: '1991-12-12',
  source: { code: 'PAK', name: 'Pakistan', text: 'Pakistan' },
  target: { code: 'AZE', name: 'Azerbaijan', text: 'Azerbaijan' },
  actors: ['PAK', 'AZE'],
  confidence: 0.9,
  negated: false,
  mentions: [
    {
      documentId: 'd1',
      documentTitle: textDoc.title,
      documentDate: textDoc.date,
      evidence: { start: 0, end: 45, text: docText.slice(0, 45) },
      url: null,
    },
  ],
  ...over,
});
const textEvents: ExportEvent[] = [
  ev({}),
  ev({
    id: '2',
    type: 'COOPERATE',
    cameo: '061',
    quad: 'material-cooperation',
    date: '1920/1929',
    dateFirst: '1920-01-01',
    dateLast: '1929-12-31',
    target: null,
    actors: ['PAK'],
    mentions: [
      {
        documentId: 'd1',
        documentTitle: textDoc.title,
        documentDate: textDoc.date,
        evidence: { start: 46, end: docText.length, text: docText.slice(46) },
        url: null,
      },
    ],
  }),
  ev({ id: '3', date: null, dateFirst: null, dateLast: null, negated: true, cameo: null }),
  ev({
    id: '4',
    date: '1992-05',
    dateFirst: '1992-05-01',
    dateLast: '1992-05-31',
    mentions: [
      {
        documentId: 'd1',
        documentTitle: textDoc.title,
        documentDate: textDoc.date,
        evidence: { start: 0, end: 47, text: docText.slice(0, 47) },
        url: null,
      },
    ],
  }),
];
const gdeltEvents: ExportEvent[] = parseGdelt(gdelt2Text).events.map((g) => ({
  id: g.id,
  type: g.type,
  mode: g.mode,
  cameo: g.cameo,
  quad: quadClass(g.type),
  date: g.date,
  dateFirst: g.date,
  dateLast: g.date,
  source: g.source && { ...g.source, name: g.source.text },
  target: g.target && { ...g.target, name: g.target.text },
  actors: g.actors,
  confidence: g.confidence,
  negated: false,
  mentions: [
    {
      documentId: `g:${g.url}`,
      documentTitle: g.url,
      documentDate: '2015-02-18',
      evidence: null,
      url: g.url,
    },
  ],
}));
const gdeltDocs: ExportDocument[] = [
  ...new Set(gdeltEvents.map((e) => e.mentions[0]!.documentId)),
].map((id) => ({
  id,
  title: id.slice(2),
  date: '2015-02-18',
  url: id.slice(2),
  kind: 'gdelt',
  format: 'txt',
  text: `GDELT ${id}`,
}));
const allEvents = [...textEvents, ...gdeltEvents];

describe('CSV export', () => {
  it('parses back with an RFC 4180 parser to the same rows', () => {
    const csv = toCsv(allEvents);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(allEvents.length + 1);
    allEvents.forEach((e, i) => {
      const want = csvRow(e);
      expect(rows[i + 1]).toEqual(CSV_COLUMNS.map((c) => want[c]));
    });
    // The evidence with a line break, quotes and commas survives whole.
    expect(rows[2]?.[CSV_COLUMNS.indexOf('evidence_text')]).toBe(docText.slice(46));
    expect(rows[1]?.[CSV_COLUMNS.indexOf('evidence_text')]).toBe(
      'Pakistan, "the first", recognised Azerbaijan.',
    );
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tTab', "'\tTab"],
    ['\r=1+1', "'\r=1+1"],
    ['Pakistan = ally', 'Pakistan = ally'],
    ['', ''],
  ])('document text %j is written as %j, which no spreadsheet runs', (text, cell) => {
    expect(inert(text)).toBe(cell);
    const e = {
      ...allEvents[0]!,
      mentions: [
        {
          ...allEvents[0]!.mentions[0]!,
          documentTitle: text,
          evidence: { start: 0, end: text.length, text },
        },
      ],
    };
    const row = parseCsv(toCsv([e]))[1]!;
    expect([
      row[CSV_COLUMNS.indexOf('document_title')],
      row[CSV_COLUMNS.indexOf('evidence_text')],
    ]).toEqual([cell, cell]);
  });

  it.each([
    [
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\n"x, ""y""",\n',
      [
        ['a', 'b'],
        ['x, "y"', ''],
      ],
    ],
    ['"multi\r\nline",z', [['multi\r\nline', 'z']]],
    ['', []],
    [',\r\n', [['', '']]],
  ])('parseCsv(%j)', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('TimelineJS export', () => {
  const file = toTimelineJs(allEvents, 'Pakistan – Azerbaijan');

  it('has TimelineJS’s shape: a title, slides with start dates as numbers, text and unique ids', () => {
    expect(file.title.text.headline).toBe('Pakistan – Azerbaijan');
    expect(file.events).toHaveLength(allEvents.length - 1); // the undated one is left out
    const ids = new Set<string>();
    for (const s of file.events) {
      expect(Number.isInteger(s.start_date.year)).toBe(true);
      for (const d of [s.start_date, s.end_date].filter(Boolean)) {
        for (const v of Object.values(d!)) expect(typeof v).toBe('number');
        if (d!.month !== undefined) expect(d!.month >= 1 && d!.month <= 12).toBe(true);
        if (d!.day !== undefined) expect(d!.month).toBeDefined();
      }
      expect(s.text.headline.length).toBeGreaterThan(0);
      expect(s.text.text.length).toBeGreaterThan(0);
      expect(ids.has(s.unique_id)).toBe(false);
      ids.add(s.unique_id);
    }
    expect(file.title.text.text).toMatch(/1 undated left out/);
  });

  it('keeps each date at its precision, the evidence as escaped text and the document as credit', () => {
    const [first, decade, , month] = [file.events[0], file.events[1], null, file.events[2]];
    expect(first?.start_date).toEqual({ year: 1991, month: 12, day: 12 });
    expect(first?.end_date).toBeUndefined();
    expect(decade?.start_date).toEqual({ year: 1920 });
    expect(decade?.end_date).toEqual({ year: 1929 });
    expect(month?.start_date).toEqual({ year: 1992, month: 5 });
    expect(decade?.text.text).toContain('&lt;b&gt;trade&lt;/b&gt; grew &amp; grew.');
    expect(decade?.text.text).not.toContain('<b>');
    expect(first?.media?.credit).toBe('An essay, &quot;quoted&quot;, 2021-06-16');
    const g = file.events.find((s) => s.unique_id === 'event-gdelt:410414008');
    expect(g?.media?.url).toBe(
      'http://www.waow.com/story/28142485/ukrainian-president-6-dead-100-wounded-in-withdrawal',
    );
    expect(g?.text.text).toMatch(/No text span/);
  });

  it.each([
    ['1991', { year: 1991 }],
    ['1991-12', { year: 1991, month: 12 }],
    ['1991-12-03', { year: 1991, month: 12, day: 3 }],
    ['December 1991', null],
    ['91', null],
  ])('timelineJsDate(%s)', (s, d) => {
    expect(timelineJsDate(s)).toEqual(d);
  });
});

describe('GDELT-style export', () => {
  it('writes 61-column rows that the GDELT reader reads back to the same events', () => {
    const out = toGdelt(gdeltEvents, '20260101000000');
    expect(out.rows).toBe(gdeltEvents.length);
    for (const line of out.text.trimEnd().split('\n')) expect(line.split('\t')).toHaveLength(61);
    const back = parseGdelt(out.text);
    expect(back.malformed).toEqual([]);
    expect(back.events).toHaveLength(gdeltEvents.length);
    back.events.forEach((b, i) => {
      const e = gdeltEvents[i]!;
      expect([
        b.id,
        b.type,
        b.mode,
        b.cameo,
        b.date,
        b.source?.code,
        b.target?.code,
        b.url,
      ]).toEqual([
        e.id,
        e.type,
        e.mode,
        e.cameo,
        e.date,
        e.source?.code,
        e.target?.code,
        e.mentions[0]?.url,
      ]);
    });
  });

  it('maps PLOVER back to CAMEO roots and says what it cannot carry', () => {
    expect(exportCameo({ type: 'SUPPORT', cameo: '054', mode: null })).toBe('054');
    expect(exportCameo({ type: 'SUPPORT', cameo: '190', mode: null })).toBe('050');
    expect(exportCameo({ type: 'ACCUSE', cameo: null, mode: null })).toBe('110');
    expect(exportCameo({ type: 'ASSAULT', cameo: null, mode: 'firearms' })).toBe('190');
    const out = toGdelt(textEvents, '20260101000000');
    expect([out.rows, out.undated, out.widened]).toEqual([3, 1, 2]);
    const decade = out.text.split('\n')[1]!.split('\t');
    expect([decade[1], decade[26], decade[28], decade[29], decade[30]]).toEqual([
      '19200101',
      '061',
      '06',
      '2',
      '6.4',
    ]);
    expect([decade[5], decade[7], decade[15]]).toEqual(['PAK', 'PAK', '']);
  });
});

describe('JSON and JSONL export', () => {
  const input = {
    events: [...textEvents, ...gdeltEvents.slice(0, 50)],
    documents: [textDoc, ...gdeltDocs],
    title: 't',
  };

  it('groups mentions by document in the contract shape and reads back', () => {
    const docs = toContractDocuments(input);
    expect(docs[0]?.document).toMatchObject({ id: 'd1', length: docText.length, text: docText });
    expect(docs[0]?.events.map((e) => e.event)).toEqual(['1', '2', '3', '4']);
    expect(docs[0]?.events[0]).toMatchObject({
      type: 'SUPPORT',
      date: '1991-12-12',
      source: { code: 'PAK', text: 'Pakistan' },
      evidence: { start: 0, end: 45 },
    });
    const g = docs.find((d) => d.document.kind === 'gdelt')!;
    expect(g.events[0]?.evidence).toBeNull();
    expect(g.events[0]?.note).toMatch(/No text span/);
    expect(parseTiesExport(toJson(input))).toEqual(docs);
    expect(parseTiesExport(toJsonl(input))).toEqual(docs);
    expect(toJsonl(input).trimEnd().split('\n')).toHaveLength(docs.length);
  });

  it('rejects exports whose evidence is not the text at its offsets', () => {
    const docs = toContractDocuments(input);
    docs[0]!.events[0]!.evidence!.start = 1;
    expect(() => parseTiesExport(JSON.stringify({ documents: docs }))).toThrow(/evidence of e1/);
    expect(() => parseTiesExport('{"documents": 3}')).toThrow(/not a ties export/);
    expect(() => parseTiesExport('nope')).toThrow(/not JSON/);
  });
});

// Corrections and document curation on a real SQLite store: every correction kind, corrections
// surviving a re-ingest, a re-extraction with a new date, a changed file (relocated or reported),
// an export to another store, and deleting a document that shares an event with another.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conflicts } from '../src/services/conflicts.service.ts';
import {
  addCorrection,
  corrections,
  deleteDocument,
  exportCorrections,
  goldOfDocument,
  importCorrections,
  parseCorrections,
  removeCorrection,
  updateDocument,
} from '../src/services/corrections.service.ts';
import { timeline, type TimelineEvent } from '../src/services/events.service.ts';
import { parseCsv, CSV_COLUMNS } from '../src/interop/csv.ts';
import { exportView } from '../src/interop/export.service.ts';
import { importJson } from '../src/interop/import.service.ts';
import { ingestDocument, ingestPaths } from '../src/services/ingest.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

// Written for these tests: two dated acts of one pair, one act of another, and a second and
// third source of the first act (one vaguer, one a day apart).
const A =
  'Pakistan recognized Azerbaijan on 12 December 1991. In 1995 the President of Pakistan visited Azerbaijan. Turkey signed a trade agreement with Azerbaijan in March 2001.\n';
const B = 'Pakistan recognized Azerbaijan in December 1991, soon after the Soviet collapse.\n';
const C = 'Pakistan recognized Azerbaijan on 14 December 1991.\n';
const MISSED = 'In 1995 the President of Pakistan visited Azerbaijan';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-corrections-'));
  db = openDatabase(join(dir, 'ties.db'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const pair = (store = db): TimelineEvent[] => timeline(store, { a: 'PAK', b: 'AZE' }).events;
const find = (events: TimelineEvent[], type: string, store = db) => {
  const e = events.find((x) => x.type === type);
  if (!e)
    throw new Error(`no ${type} in ${JSON.stringify(pair(store).map((x) => [x.type, x.date]))}`);
  return e;
};
const add = (text: string, name: string, date?: string) =>
  ingestDocument(db, { text, name, path: join(dir, name), date });

describe('corrections', () => {
  it('reject, re-type, re-date, set participants: the event shows the correction and the extracted facts', () => {
    const { document } = add(A, 'a.txt');
    const visit = find(pair(), 'CONSULT');
    addCorrection(db, {
      kind: 'date',
      event: visit.id,
      value: { date: '1995-06' },
      note: 'the visit was in June',
      author: 'Ayla',
    });
    let e = find(pair(), 'CONSULT');
    expect(e.date).toBe('1995-06');
    expect(e.corrections).toHaveLength(1);
    expect(e.corrections![0]).toMatchObject({
      kind: 'date',
      value: { date: '1995-06' },
      original: { date: '1995' },
      note: 'the visit was in June',
      author: 'Ayla',
    });

    addCorrection(db, { kind: 'type', event: e.id, value: { type: 'AGREE', mode: null } });
    e = find(pair(), 'AGREE');
    expect(e.date).toBe('1995-06');
    expect(e.quad).toBe('verbal-cooperation');
    expect(e.corrections!.map((c) => c.kind)).toEqual(['date', 'type']);
    expect(e.corrections![1]!.original).toMatchObject({ type: 'CONSULT', date: '1995' });

    const agreement = timeline(db, { a: 'TUR' }).events[0]!;
    const r = addCorrection(db, {
      kind: 'participants',
      event: agreement.id,
      value: { source: 'Turkey', target: 'PAK' },
    });
    expect(timeline(db, { a: 'TUR', b: 'AZE' }).events).toEqual([]);
    const moved = timeline(db, { a: 'TUR', b: 'PAK' }).events;
    expect(moved.map((x) => [x.id, x.actors])).toEqual([[r.eventIds[0], ['TUR', 'PAK']]]);

    const recognition = find(pair(), 'SUPPORT');
    addCorrection(db, { kind: 'reject', event: recognition.id, note: 'not an event' });
    expect(pair().map((x) => x.type)).toEqual(['AGREE']);
    expect(corrections(db, { documentId: document.id }).map((c) => [c.kind, c.status])).toEqual([
      ['date', 'applied'],
      ['type', 'applied'],
      ['participants', 'applied'],
      ['reject', 'applied'],
    ]);
    // Undoing the reject brings the extracted event back.
    const reject = corrections(db).find((c) => c.kind === 'reject')!;
    removeCorrection(db, reject.uid);
    expect(find(pair(), 'SUPPORT').date).toBe('1991-12-12');
  });

  it('adds a missed event from a span; split and merge change which mentions are one event', () => {
    const a = add(A, 'a.txt').document;
    const b = add(B, 'b.txt').document;
    const recognition = find(pair(), 'SUPPORT');
    expect(recognition.mentions).toHaveLength(2);
    // Split b's mention off: two events, and they stay two when b is stored again.
    const bSpan = recognition.mentions.find((m) => m.documentId === b.id)!.evidence!;
    addCorrection(db, {
      kind: 'split',
      mention: { documentId: b.id, start: bSpan.start, end: bSpan.end },
    });
    expect(
      pair()
        .filter((x) => x.type === 'SUPPORT')
        .map((x) => x.mentions.length),
    ).toEqual([1, 1]);
    const [first, second] = pair().filter((x) => x.type === 'SUPPORT');
    // Merging them again.
    addCorrection(db, { kind: 'merge', event: second!.id, value: { withEvent: first!.id } });
    expect(
      pair()
        .filter((x) => x.type === 'SUPPORT')
        .map((x) => x.mentions.length),
    ).toEqual([2]);

    // A span the extractor made nothing of, in C, becomes an event.
    const c = add(
      'Turkey and Azerbaijan held talks. Pakistan quietly backed Azerbaijan at the OIC summit in 1992.\n',
      'c.txt',
    ).document;
    const text = 'Pakistan quietly backed Azerbaijan at the OIC summit in 1992';
    const start = 'Turkey and Azerbaijan held talks. '.length;
    const r = addCorrection(db, {
      kind: 'add',
      mention: { documentId: c.id, start, end: start + text.length },
      value: { type: 'SUPPORT', date: '1992', source: 'PAK', target: 'AZE' },
      author: 'Ayla',
    });
    const added = pair().find((x) => x.id === r.eventIds[0])!;
    expect(added).toMatchObject({
      type: 'SUPPORT',
      date: '1992',
      actors: ['PAK', 'AZE'],
      confidence: 1,
    });
    expect(added.mentions[0]!.evidence).toEqual({ start, end: start + text.length, text });
    expect(added.corrections![0]).toMatchObject({ kind: 'add', original: null, author: 'Ayla' });
    expect(a.id).not.toBe(c.id);
  });

  it('rejects bad corrections with one line and stores nothing', () => {
    const { document } = add(A, 'a.txt');
    const visit = find(pair(), 'CONSULT');
    expect(() =>
      addCorrection(db, { kind: 'date', event: visit.id, value: { date: '1995-13-45' } }),
    ).toThrow(/^date must be YYYY/);
    expect(() =>
      addCorrection(db, { kind: 'type', event: visit.id, value: { type: 'HUG' } }),
    ).toThrow(/'HUG' is not a PLOVER type/);
    expect(() =>
      addCorrection(db, { kind: 'participants', event: visit.id, value: { source: 'Atlantis' } }),
    ).toThrow(/'Atlantis' is not a country/);
    expect(() => addCorrection(db, { kind: 'reject', event: '9999' })).toThrow(/no event 9999/);
    expect(() =>
      addCorrection(db, {
        kind: 'add',
        mention: { documentId: document.id, start: 0, end: 999 },
        value: { type: 'AID' },
      }),
    ).toThrow(/not inside the document/);
    expect(() => addCorrection(db, { kind: 'split', event: visit.id })).toThrow(
      /split needs the mention/,
    );
    expect(corrections(db)).toEqual([]);
  });

  it('re-ingesting the same file, or with a new date, re-applies the corrections', async () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, A);
    await ingestPaths(db, [path]);
    addCorrection(db, { kind: 'reject', event: find(pair(), 'SUPPORT').id });
    addCorrection(db, {
      kind: 'date',
      event: find(pair(), 'CONSULT').id,
      value: { date: '1995-06-01' },
    });
    const again = await ingestPaths(db, [path]);
    expect(again).toMatchObject({ unchanged: 1, redated: 0 });
    // A new date re-extracts the stored text instead of answering "unchanged".
    const redated = await ingestPaths(db, [path], { date: '2021-06-16' });
    expect(redated).toMatchObject({ added: 0, unchanged: 0, redated: 1, correctionProblems: [] });
    expect(pair().map((x) => [x.type, x.date])).toEqual([['CONSULT', '1995-06-01']]);
    expect(db.prepare('SELECT date FROM documents').pluck().get()).toBe('2021-06-16');
  });

  it('a changed file carries its corrections to the same text, and reports the ones whose text is gone', async () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, A);
    await ingestPaths(db, [path]);
    addCorrection(db, {
      kind: 'date',
      event: find(pair(), 'CONSULT').id,
      value: { date: '1995-06' },
    });
    addCorrection(db, { kind: 'reject', event: find(pair(), 'SUPPORT').id });
    // The recognition sentence is rewritten; the visit moves but keeps its words.
    writeFileSync(
      path,
      `A short history.\n${A.replace('Pakistan recognized Azerbaijan on 12 December 1991', 'Pakistan and Azerbaijan opened relations in 1992')}`,
    );
    const s = await ingestPaths(db, [path]);
    expect(s).toMatchObject({ added: 1, replaced: 1 });
    expect(s.correctionProblems).toEqual([
      {
        path,
        kind: 'reject',
        problem: expect.stringMatching(
          /^'Pakistan recognized Azerbaijan on 12 December 1991' is no longer in the changed document/,
        ),
      },
    ]);
    expect(find(pair(), 'CONSULT').date).toBe('1995-06');
    expect(
      corrections(db)
        .map((c) => c.status)
        .sort(),
    ).toEqual(['applied', 'orphaned']);
  });

  it('corrections exported from one store and imported into another give the same corrected history', () => {
    add(A, 'a.txt');
    addCorrection(db, { kind: 'reject', event: find(pair(), 'SUPPORT').id });
    addCorrection(db, {
      kind: 'date',
      event: find(pair(), 'CONSULT').id,
      value: { date: '1995-06' },
    });
    const text = exportCorrections(db);
    expect(text.trim().split('\n')).toHaveLength(2);

    const other = openDatabase(join(dir, 'other.db'));
    try {
      // Before their document arrives, imported corrections wait; the ingest applies them.
      const r = importCorrections(other, parseCorrections(text));
      expect(r).toMatchObject({ added: 2, unchanged: 0, pending: 2, problems: [] });
      ingestDocument(other, { text: A, name: 'copy.txt' });
      expect(pair(other).map((x) => [x.type, x.date, x.corrections?.length])).toEqual([
        ['CONSULT', '1995-06', 1],
      ]);
      expect(importCorrections(other, parseCorrections(text))).toMatchObject({
        added: 0,
        unchanged: 2,
      });
    } finally {
      other.close();
    }
    expect(() => parseCorrections('{"uid": 1}\n')).toThrow(/^line 1: /);
  });

  it('every export says which events were corrected; the JSON export carries the corrections into a fresh store', () => {
    add(A, 'a.txt');
    addCorrection(db, { kind: 'reject', event: find(pair(), 'SUPPORT').id, author: 'Ayla' });
    const visit = find(pair(), 'CONSULT');
    addCorrection(db, {
      kind: 'date',
      event: visit.id,
      value: { date: '1995-06' },
      note: 'June',
      author: 'Ayla',
    });
    const corrected = find(pair(), 'CONSULT').id;

    const rows = parseCsv(exportView(db, 'csv', { a: 'PAK' }).text);
    const col = (r: string[], c: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(c)];
    expect(rows.slice(1).map((r) => [col(r, 'type'), col(r, 'corrected')])).toEqual([
      ['CONSULT', 'true'],
    ]);
    const tl = JSON.parse(exportView(db, 'timelinejs', { a: 'PAK' }).text) as {
      events: { text: { headline: string; text: string } }[];
    };
    expect(tl.events[0]!.text.headline).toMatch(/\(corrected\)$/);
    expect(tl.events[0]!.text.text).toContain('Corrected (date) by Ayla');
    expect(exportView(db, 'gdelt', { a: 'PAK' }).notes).toContain(
      `corrected by users: GLOBALEVENTID ${corrected}`,
    );

    const json = exportView(db, 'json', {}).text;
    const parsed = JSON.parse(json) as {
      documents: {
        events: { type: string; corrected?: boolean }[];
        corrections: { kind: string }[];
      }[];
    };
    expect(parsed.documents[0]!.events.map((e) => [e.type, e.corrected ?? false])).toEqual([
      ['CONSULT', true],
      ['AGREE', false],
    ]);
    expect(parsed.documents[0]!.corrections.map((c) => c.kind)).toEqual(['reject', 'date']);

    const fresh = openDatabase(join(dir, 'fresh.db'));
    try {
      const r = importJson(fresh, json, 'export.json');
      expect(r.corrections).toEqual({ added: 2, unchanged: 0, problems: [] });
      expect(pair(fresh).map((x) => [x.type, x.date, x.corrections?.map((c) => c.note)])).toEqual([
        ['CONSULT', '1995-06', ['June']],
      ]);
    } finally {
      fresh.close();
    }
  });

  it('writes a document’s corrected events as gold lines', () => {
    const { document } = add(A, 'a.txt');
    addCorrection(db, { kind: 'reject', event: find(pair(), 'SUPPORT').id });
    addCorrection(db, {
      kind: 'date',
      event: find(pair(), 'CONSULT').id,
      value: { date: '1995-06' },
    });
    const gold = goldOfDocument(db, document.id);
    expect(gold.lines.map(({ id: _id, ...g }) => g)).toEqual([
      {
        date: '1995-06',
        actors: ['PAK', 'AZE'],
        type: 'CONSULT',
        evidence: MISSED.slice(3),
        start: 55,
        end: 104,
      },
      {
        date: '2001-03',
        actors: ['TUR', 'AZE'],
        type: 'AGREE',
        evidence: 'Turkey signed a trade agreement with Azerbaijan in March 2001',
        start: 106,
        end: 167,
      },
    ]);
    for (const g of gold.lines) expect(gold.text.slice(g.start, g.end)).toBe(g.evidence);
  });
});

describe('documents', () => {
  it('deleting a document that shares an event leaves it one source and recomputes its date and conflicts', () => {
    const a = add(A, 'a.txt').document;
    add(B, 'b.txt');
    add(C, 'c.txt');
    const shared = pair().filter((x) => x.type === 'SUPPORT');
    expect(shared.map((x) => [x.date, x.mentions.length])).toEqual([
      ['1991-12-12', 2],
      ['1991-12-14', 1],
    ]);
    expect(conflicts(db, { a: 'PAK', b: 'AZE' }).items.map((c) => c.kind)).toEqual(['date']);

    const r = deleteDocument(db, a.id);
    expect(r).toMatchObject({ eventsRemoved: 2, eventsRecomputed: 1, corrections: 0 });
    const left = pair().filter((x) => x.type === 'SUPPORT');
    // B's December 1991 was in A's event; without A it contains C's 14th, as it would have had
    // A never come (merging does not depend on order): one event, no conflict.
    expect(left.map((x) => [x.id, x.date, x.mentions.length])).toEqual([
      [shared[0]!.id, '1991-12-14', 2],
    ]);
    expect(conflicts(db, { a: 'PAK', b: 'AZE' }).items).toEqual([]);
    expect(() => deleteDocument(db, a.id)).toThrow(/no document/);
  });

  it('a new date re-extracts a document; a new title only renames it', () => {
    const { document } = add('Pakistan recognized Azerbaijan last year.\n', 'r.txt', '1992-03-01');
    expect(find(pair(), 'SUPPORT').date).toBe('1991');
    expect(updateDocument(db, document.id, { date: '1993-05-01' })).toMatchObject({
      reextracted: true,
      date: '1993-05-01',
    });
    expect(find(pair(), 'SUPPORT').date).toBe('1992');
    expect(updateDocument(db, document.id, { title: 'Notes' })).toMatchObject({
      reextracted: false,
      title: 'Notes',
      date: '1993-05-01',
    });
    expect(find(pair(), 'SUPPORT').mentions[0]!.documentTitle).toBe('Notes');
  });
});

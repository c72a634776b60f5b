// The store's fast paths give the same stored data as the plain ones, on a real SQLite file from
// the real migrations: several documents per transaction vs one each, and the merge candidates
// read through a date window plus the wide-event index vs every event of the pair.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestDocument, ingestDocuments, type IngestInput, type IngestOutcome } from '../src/services/ingest.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';
import { candidateEvents, insertEvent, type EventFields } from '../src/store/events.repo.ts';
import { toDay } from '../src/store/days.ts';
import { dateBounds } from '../src/merge/same-event.ts';

const ESSAY = readFileSync(new URL('../corpus/azerbaijan-pakistan.txt', import.meta.url), 'utf8');

let dir: string;
const open = (name: string) => openDatabase(join(dir, name));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-batch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Everything stored, with rows in insertion order and no timestamps.
function contents(db: Db) {
  return {
    documents: db.prepare(`SELECT id, title, date, path, length FROM documents ORDER BY rowid`).all(),
    sentences: db.prepare(`SELECT document_id, start, "end" FROM sentences ORDER BY id`).all(),
    fts: db.prepare(`SELECT rowid, text FROM sentences_fts ORDER BY rowid`).all(),
    events: db.prepare(`SELECT id, type, date, date_first, date_last, actors, mention_count, confidence FROM events ORDER BY id`).all(),
    mentions: db.prepare(`SELECT document_id, event_id, extraction_id, date, evidence_start FROM mentions ORDER BY id`).all(),
    prospects: db.prepare(`SELECT document_id, extraction_id FROM prospects ORDER BY id`).all(),
    figures: db.prepare(`SELECT document_id, extraction_id FROM figures ORDER BY id`).all(),
  };
}

const strip = (r: IngestOutcome | Error) => (r instanceof Error ? r.message : { ...r, document: { ...r.document, addedAt: '' } });

describe('several documents per transaction', () => {
  it('stores what one transaction per document stores, with the same outcomes', () => {
    const paragraphs = ESSAY.split(/\n\s*\n/).filter((p) => p.trim().length > 80);
    const inputs: IngestInput[] = paragraphs.slice(0, 30).map((p, i) => ({ text: `Report ${i}\n\n${p}`, name: `r${i}.txt`, path: `/c/r${i}.txt`, date: '2021-06-16' }));
    const n = inputs.length;
    // The same text twice, an empty document, and a changed version of an earlier path.
    inputs.push({ ...inputs[3]!, path: '/c/copy.txt' });
    inputs.push({ text: '  \n', name: 'empty.txt', path: '/c/empty.txt' });
    inputs.push({ text: `Report 5, revised\n\n${paragraphs.at(-1)}`, name: 'r5.txt', path: '/c/r5.txt', date: '2021-06-16' });
    const one = open('one.db');
    const many = open('many.db');
    const single = inputs.map((input) => {
      try {
        return ingestDocument(one, input);
      } catch (e) {
        return e as Error;
      }
    });
    const batched = ingestDocuments(many, inputs);
    expect(batched.map(strip)).toEqual(single.map(strip));
    expect(batched[n]).toMatchObject({ added: false });
    expect(batched[n + 1]).toBeInstanceOf(Error);
    expect(batched[n + 2]).toMatchObject({ added: true, replaced: [(single[5] as IngestOutcome).document.id] });
    expect(contents(many)).toEqual(contents(one));
    expect(contents(many).events.length).toBeGreaterThan(10);
    one.close();
    many.close();
  });
});

const event = (date: string | null, over: Partial<EventFields> = {}): EventFields => {
  const b = dateBounds(date);
  return {
    type: 'CONSULT',
    mode: null,
    cameo: '040',
    quad: 'verbal-cooperation',
    date,
    dateFirst: b?.[0] ?? null,
    dateLast: b?.[1] ?? null,
    source: 'AZE',
    sourceText: 'Azerbaijan',
    target: 'PAK',
    targetText: 'Pakistan',
    actors: ['AZE', 'PAK'],
    negated: false,
    confidence: 0.8,
    ...over,
  };
};

describe('merge candidates', () => {
  const STORED = ['1991-12-12', '1991-12', '1991', '1985/1995', '1990/1991', '1989', '1992-01-01', '1992-12-31', '1950/2020', null, '1991-12-12'];
  it.each<[string | null, (string | null)[]]>([
    ['1991-12-12', ['1991-12-12', '1991-12', '1991', '1985/1995', '1990/1991', '1950/2020', '1991-12-12']],
    ['1992', ['1985/1995', '1992-01-01', '1992-12-31', '1950/2020']],
    ['1989-06', ['1985/1995', '1989', '1950/2020']],
    ['1996', ['1950/2020']],
    ['2021', []],
    [null, [null]],
  ])('a mention dated %s has the stored events dated %j as candidates, in id order', (date, expected) => {
    const db = open('c.db');
    for (const d of STORED) insertEvent(db, event(d));
    insertEvent(db, event('1991-12-12', { type: 'AGREE' }));
    insertEvent(db, event('1991-12-12', { target: 'TUR', actors: ['AZE', 'TUR'] }));
    insertEvent(db, event('1991-12-12', { negated: true }));
    const m = event(date);
    const found = candidateEvents(db, m);
    expect(found.map((e) => e.date)).toEqual(expected);
    // The same set as the plain overlap condition over every event of the pair.
    const plain = db
      .prepare(
        `SELECT id FROM events WHERE actor1 = 'AZE' AND actor2 = 'PAK' AND type = 'CONSULT' AND negated = 0
         AND ${date ? 'date_first <= @last AND date_last >= @first' : 'date_first IS NULL'} ORDER BY id`,
      )
      .pluck()
      .all(date ? { first: toDay(m.dateFirst), last: toDay(m.dateLast) } : {});
    expect(found.map((e) => e.id)).toEqual(plain);
    db.close();
  });
});

// The store's fast paths give the same stored data as the plain ones, on a real SQLite file from
// the real migrations: several documents per transaction vs one each, and the merge candidates
// read through a date window plus the wide-event index vs every event of the pair.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ingestDocument,
  ingestDocuments,
  ingestPaths,
  type FileOutcome,
  type IngestInput,
  type IngestOutcome,
} from '../src/services/ingest.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';
import { candidateEvents, insertEvent, type EventFields } from '../src/store/events.repo.ts';
import { toDay } from '../src/store/days.ts';
import { dateBounds } from '../src/merge/same-event.ts';
import { MergeIndex } from '../src/services/merge-index.ts';
import {
  documentId,
  storeDocument,
  storeDocuments,
  type DocumentToStore,
} from '../src/services/persist.service.ts';
import { extractForStore } from '../src/services/workers/extract-pool.ts';

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
    documents: db
      .prepare(`SELECT id, title, date, path, length FROM documents ORDER BY rowid`)
      .all(),
    sentences: db
      .prepare(`SELECT id, sentence_base, sentences FROM documents ORDER BY rowid`)
      .all(),
    fts: db.prepare(`SELECT rowid, text FROM sentences_fts ORDER BY rowid`).all(),
    events: db
      .prepare(
        `SELECT id, type, date, date_first, date_last, actors, mention_count, confidence FROM events ORDER BY id`,
      )
      .all(),
    mentions: db
      .prepare(
        `SELECT document_id, event_id, extraction_id, date, evidence_start FROM mentions ORDER BY id`,
      )
      .all(),
    prospects: db.prepare(`SELECT document_id, extraction_id FROM prospects ORDER BY id`).all(),
    figures: db.prepare(`SELECT document_id, extraction_id FROM figures ORDER BY id`).all(),
  };
}

const strip = (r: IngestOutcome | Error) =>
  r instanceof Error ? r.message : { ...r, document: { ...r.document, addedAt: '' } };

describe('several documents per transaction', () => {
  it('stores what one transaction per document stores, with the same outcomes', () => {
    const paragraphs = ESSAY.split(/\n\s*\n/).filter((p) => p.trim().length > 80);
    const inputs: IngestInput[] = paragraphs.slice(0, 30).map((p, i) => ({
      text: `Report ${i}\n\n${p}`,
      name: `r${i}.txt`,
      path: `/c/r${i}.txt`,
      date: '2021-06-16',
    }));
    const n = inputs.length;
    // The same text twice, an empty document, and a changed version of an earlier path.
    inputs.push({ ...inputs[3]!, path: '/c/copy.txt' });
    inputs.push({ text: '  \n', name: 'empty.txt', path: '/c/empty.txt' });
    inputs.push({
      text: `Report 5, revised\n\n${paragraphs.at(-1)}`,
      name: 'r5.txt',
      path: '/c/r5.txt',
      date: '2021-06-16',
    });
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
    expect(batched[n + 2]).toMatchObject({
      added: true,
      replaced: [(single[5] as IngestOutcome).document.id],
    });
    expect(contents(many)).toEqual(contents(one));
    expect(contents(many).events.length).toBeGreaterThan(10);
    one.close();
    many.close();
  });
});

describe('replacing changed documents in a batch', () => {
  it('stores what replacing them one transaction at a time stores', () => {
    const paragraphs = ESSAY.split(/\n\s*\n/).filter((p) => p.trim().length > 80);
    const first: IngestInput[] = paragraphs.slice(0, 24).map((p, i) => ({
      text: `Report ${i}\n\n${p}`,
      name: `r${i}.txt`,
      path: `/c/r${i}.txt`,
      date: '2021-06-16',
    }));
    // Changed versions: each takes its neighbour's paragraph too, so that removing the old
    // version recomputes events other documents still hold, and the new one merges into them.
    const changed: IngestInput[] = first
      .filter((_, i) => i % 2 === 0)
      .map((input, k) => ({
        ...input,
        text: `${input.text}\n\n${paragraphs[(2 * k + 5) % 24]}`,
      }));
    const one = open('one.db');
    const many = open('many.db');
    for (const db of [one, many]) ingestDocuments(db, first);
    const single = changed.map((input) => ingestDocument(one, input));
    const batched = ingestDocuments(many, changed);
    expect(batched.map(strip)).toEqual(single.map(strip));
    expect(batched.every((r) => !(r instanceof Error) && r.replaced.length === 1)).toBe(true);
    expect(contents(many)).toEqual(contents(one));
    // Replacing ends where storing the final versions from the start would (issue 15: merging
    // does not depend on order), whether the old versions were removed one by one or in a batch.
    const fresh = open('fresh.db');
    const finals = first.map((input) => changed.find((c) => c.path === input.path) ?? input);
    ingestDocuments(fresh, finals);
    const eventsOf = (db: Db) =>
      db
        .prepare(
          `SELECT type, date, actors, mention_count FROM events
           ORDER BY type, date, actors, mention_count`,
        )
        .all();
    expect(eventsOf(many)).toEqual(eventsOf(fresh));
    expect(eventsOf(one)).toEqual(eventsOf(fresh));
    one.close();
    many.close();
    fresh.close();
  });
});

describe('extraction threads', () => {
  // A folder with news-like reports, the same text twice, an empty file, a binary file and a
  // file that is not UTF-8.
  function folder(): string {
    const root = join(dir, 'docs');
    mkdirSync(join(root, 'sub'), { recursive: true });
    const paragraphs = ESSAY.split(/\n\s*\n/).filter((p) => p.trim().length > 80);
    paragraphs
      .slice(0, 24)
      .forEach((p, i) =>
        writeFileSync(
          join(root, i % 3 ? '' : 'sub', `r${String(i).padStart(2, '0')}.txt`),
          `Report ${i}\n\n${p}`,
        ),
      );
    writeFileSync(join(root, 'r99-copy.txt'), `Report 4\n\n${paragraphs[4]}`);
    writeFileSync(join(root, 'empty.txt'), '  \n');
    writeFileSync(join(root, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    writeFileSync(
      join(root, 'latin1.txt'),
      Buffer.from('Pakistan recognised Azerbaijan on 13 December 1991, caf\xe9 talks.', 'latin1'),
    );
    return root;
  }
  const outcomes = async (db: Db, root: string, workers: number, date?: string) => {
    const files: FileOutcome[] = [];
    const summary = await ingestPaths(db, [root], { workers, date, onFile: (r) => files.push(r) });
    const shown = files.map((f) =>
      f.status === 'failed'
        ? `${f.path} failed: ${f.reason}`
        : `${f.path} ${f.status} ${f.outcome.events}`,
    );
    return { summary, shown };
  };

  // The same folder ingested with extraction here and on `workers` threads: the same outcomes.
  const both = async (date: string, workers: number) => {
    const root = folder();
    const here = open('here.db');
    const threads = open('threads.db');
    const a = await outcomes(here, root, 0, date);
    expect(await outcomes(threads, root, workers, date)).toEqual(a);
    return { root, here, threads, a };
  };

  it('store what extracting in the storing thread stores, with the same outcomes in file order', async () => {
    const { root, here, threads, a } = await both('2021-06-16', 1);
    expect(a.summary).toMatchObject({ added: 25, unchanged: 1 });
    expect(a.summary.failed.map((f) => f.path.split('/').at(-1))).toEqual([
      'binary.txt',
      'empty.txt',
    ]);
    expect(contents(threads)).toEqual(contents(here));
    // A rerun reads and hashes, finds everything stored, and extracts nothing.
    const again = await outcomes(threads, root, 1, '2021-06-16');
    expect(again.summary).toMatchObject({ added: 0, unchanged: 26 });
    here.close();
    threads.close();
  });

  it("report an extractor's error for each file, as in the storing thread", async () => {
    const { here, threads, a } = await both('16/06/2021', 2);
    expect(a.summary.added).toBe(0);
    expect(a.shown.find((line) => line.includes('r01.txt'))).toMatch(
      /failed: the document date must be YYYY-MM-DD, not '16\/06\/2021'$/,
    );
    here.close();
    threads.close();
  });
});

describe('merge candidates in memory', () => {
  const item = (text: string, date = '2021-06-16'): DocumentToStore => {
    const { extraction, sentences } = extractForStore({ text, title: null, date });
    return {
      doc: {
        id: documentId(text),
        title: null,
        date,
        format: 'txt',
        path: null,
        url: null,
        kind: 'text',
        length: text.length,
        text,
        addedAt: '',
      },
      extraction,
      sentences,
    };
  };
  const events = (db: Db) =>
    db.prepare(`SELECT date, mention_count AS n FROM events ORDER BY id`).all();

  it.each([
    ['kept in memory', new MergeIndex()],
    ['left to the window query (a key over its limit)', new MergeIndex(200_000, 0)],
    ['started over (over its total)', new MergeIndex(1, 2_000)],
  ])(
    'merges as the database does when %s, and sees what another connection stored between batches',
    (_, index) => {
      const file = join(dir, 'shared.db');
      const ours = openDatabase(file);
      const other = openDatabase(file);
      expect(
        storeDocuments(
          ours,
          [item('Turkey and Greece signed a trade agreement on March 3, 2001.')],
          index,
        ),
      ).toEqual([1]);
      // Another connection stores an event of the same pair and type, later.
      storeDocument(
        other,
        ...(Object.values(item('Turkey and Greece signed a trade agreement on June 1, 2005.')) as [
          DocumentToStore['doc'],
          DocumentToStore['extraction'],
          DocumentToStore['sentences'],
        ]),
      );
      expect(
        storeDocuments(
          ours,
          [
            item('On June 1, 2005, Turkey and Greece signed a trade agreement in Athens.'),
            item('Turkey and Greece signed a trade agreement on March 3, 2001, officials said.'),
          ],
          index,
        ),
      ).toEqual([1, 1]);
      expect(events(ours)).toEqual([
        { date: '2001-03-03', n: 2 },
        { date: '2005-06-01', n: 2 },
      ]);
      ours.close();
      other.close();
    },
  );

  it('follows the events a replaced document took with it, as the database does', () => {
    const at = (path: string, d: DocumentToStore, replace: string[] = []): DocumentToStore => ({
      ...d,
      doc: { ...d.doc, path },
      replace,
    });
    const a = at('/a', item('Turkey and Greece signed a trade agreement in 2001.'));
    const b = at('/b', item('On March 3, 2001, Turkey and Greece signed a trade agreement.'));
    // B changes: its agreement is gone, so the event is dated by A's year again.
    const b2 = at('/b', item('Turkey and Greece held talks on fishing rights in 1999.'), [
      b.doc.id,
    ]);
    const c = at('/c', item('Turkey and Greece signed a trade agreement on June 5, 2001.'));
    const plain = openDatabase(join(dir, 'plain.db'));
    for (const d of [a, b, b2, c])
      storeDocument(plain, d.doc, d.extraction, d.sentences, d.replace);
    const ours = openDatabase(join(dir, 'ours.db'));
    const index = new MergeIndex();
    // One index across the batches, as an ingest keeps it.
    for (const batch of [[a, b], [b2], [c]]) storeDocuments(ours, batch, index);
    expect(events(ours)).toEqual(events(plain));
    expect(events(ours)).toEqual([
      { date: '2001-06-05', n: 2 },
      { date: '1999', n: 1 },
    ]);
    plain.close();
    ours.close();
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
  const STORED = [
    '1991-12-12',
    '1991-12',
    '1991',
    '1985/1995',
    '1990/1991',
    '1989',
    '1992-01-01',
    '1992-12-31',
    '1950/2020',
    null,
    '1991-12-12',
  ];
  it.each<[string | null, (string | null)[]]>([
    [
      '1991-12-12',
      ['1991-12-12', '1991-12', '1991', '1985/1995', '1990/1991', '1950/2020', '1991-12-12'],
    ],
    ['1992', ['1985/1995', '1992-01-01', '1992-12-31', '1950/2020']],
    ['1989-06', ['1985/1995', '1989', '1950/2020']],
    ['1996', ['1950/2020']],
    ['2021', []],
    [null, [null]],
  ])(
    'a mention dated %s has the stored events dated %j as candidates, in id order',
    (date, expected) => {
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
    },
  );
});

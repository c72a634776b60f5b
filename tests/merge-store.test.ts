// Merging through the real store: documents ingested by the real pipeline into a real SQLite
// file, merged by `sameEventAsMentions` against each stored event's own mentions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { timeline } from '../src/services/events.service.ts';
import { ingestDocument } from '../src/services/ingest.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-merge-'));
  db = openDatabase(join(dir, 'test.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ingest = (text: string, title: string) =>
  ingestDocument(db, { text, title, name: `${title}.txt`, date: '2021-06-16' });
const pairEvents = () =>
  timeline(db, { a: 'AZE', b: 'PAK' }).events.map((e) => [
    e.type,
    e.date,
    e.mentions.map((m) => m.documentTitle),
  ]);

describe('merging across documents in the store', () => {
  it.each([
    [
      'the same recognition, once vaguely dated',
      [
        'Pakistan recognized Azerbaijan in 1991.',
        'Pakistan recognized Azerbaijan on December 12, 1991.',
      ],
      [['SUPPORT', '1991-12-12', ['d0', 'd1']]],
    ],
    [
      'two visits in one year by different people',
      [
        'President Ilham Aliyev visited Islamabad in 2005.',
        'Prime Minister Artur Rasizade visited Islamabad in 2005.',
      ],
      [
        ['CONSULT', '2005', ['d0']],
        ['CONSULT', '2005', ['d1']],
      ],
    ],
    [
      'a defence and a trade agreement in one year',
      [
        'Azerbaijan and Pakistan signed a defence agreement in 2003.',
        'Azerbaijan and Pakistan signed a trade agreement in 2003.',
      ],
      [
        ['AGREE', '2003', ['d0']],
        ['AGREE', '2003', ['d1']],
      ],
    ],
  ])('%s', (_name, texts, expected) => {
    texts.forEach((t, i) => ingest(t, `d${i}`));
    expect(pairEvents()).toEqual(expected);
  });

  it('still merges a third source into an event two sources already share', () => {
    ingest('President Ilham Aliyev visited Islamabad in April 2005.', 'd0');
    ingest('Ilham Aliyev visited Pakistan in 2005.', 'd1');
    ingest('In April 2005 President Ilham Aliyev paid a visit to Islamabad.', 'd2');
    expect(pairEvents()).toEqual([['CONSULT', '2005-04', ['d0', 'd1', 'd2']]]);
  });
});

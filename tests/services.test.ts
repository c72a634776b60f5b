// Service helpers that decide things on their own: the FTS query made from user text, the most
// precise date of a merged event, and which files an ingest picks up.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ftsQuery } from '../src/services/events.service.ts';
import { listDocumentFiles } from '../src/services/ingest.service.ts';
import { mostPreciseDate } from '../src/services/persist.service.ts';
import { listenOptions } from '../src/services/schemas.ts';

describe('ftsQuery', () => {
  it.each([
    ['trade agreement', '"trade" "agreement"*'],
    ['Azərbaycan', '"Azərbaycan"*'],
    ['"joint AND NEAR(drill', '"joint" "AND" "NEAR" "drill"*'],
    ['1991', '"1991"*'],
    ['first-ever visit', '"first" "ever" "visit"*'],
    ['  ', null],
    ['!?*', null],
  ])('%j → %j', (text, expected) => {
    expect(ftsQuery(text)).toBe(expected);
  });
});

describe('mostPreciseDate', () => {
  const d = (date: string | null, dateFirst: string | null, dateLast: string | null) => ({
    date,
    dateFirst,
    dateLast,
  });
  it.each([
    [[d('1992', '1992-01-01', '1992-12-31'), d('1992-03', '1992-03-01', '1992-03-31')], '1992-03'],
    [
      [d('1992-03-05', '1992-03-05', '1992-03-05'), d('1992-03', '1992-03-01', '1992-03-31')],
      '1992-03-05',
    ],
    [[d('1920/1929', '1920-01-01', '1929-12-31'), d(null, null, null)], '1920/1929'],
    [[d('1993', '1993-01-01', '1993-12-31'), d('1994', '1994-01-01', '1994-12-31')], '1993'],
    [[d(null, null, null)], null],
    [[], null],
  ])('%j → %s', (dates, expected) => {
    expect(mostPreciseDate(dates)?.date ?? null).toBe(expected);
  });
});

describe('listDocumentFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ties-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks folders in name order, keeps .txt .md .html .htm, skips hidden files, reports missing paths', async () => {
    mkdirSync(join(dir, 'b', '.git'), { recursive: true });
    for (const f of [
      'b/z.txt',
      'b/a.md',
      'b/page.HTM',
      'b/x.html',
      'b/notes.pdf',
      'b/.hidden.txt',
      'b/.git/c.txt',
      'a.txt',
      'data.json',
    ])
      writeFileSync(join(dir, f), 'x');
    const { files, missing } = await listDocumentFiles([
      dir,
      join(dir, 'a.txt'),
      join(dir, 'nope'),
    ]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual([
      'a.txt',
      'b/a.md',
      'b/page.HTM',
      'b/x.html',
      'b/z.txt',
    ]);
    expect(missing).toEqual([{ path: join(dir, 'nope'), reason: 'no such file or folder' }]);
  });
});

describe('listenOptions', () => {
  it.each([
    [undefined, undefined, { port: 8787, host: '127.0.0.1' }],
    ['0', '0.0.0.0', { port: 0, host: '0.0.0.0' }],
    ['3000', undefined, { port: 3000, host: '127.0.0.1' }],
  ])('port %s host %s', (port, host, expected) => {
    const saved = process.env.PORT;
    delete process.env.PORT;
    try {
      expect(listenOptions(port, host)).toEqual(expected);
    } finally {
      if (saved !== undefined) process.env.PORT = saved;
    }
  });

  it.each([['http'], ['70000'], ['-1']])('rejects port %s', (port) => {
    expect(() => listenOptions(port, undefined)).toThrow(/port|65535/);
  });

  it('takes PORT from the environment', () => {
    const saved = process.env.PORT;
    process.env.PORT = '4321';
    expect(listenOptions(undefined, undefined).port).toBe(4321);
    if (saved === undefined) delete process.env.PORT;
    else process.env.PORT = saved;
  });
});

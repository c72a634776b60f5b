// The extraction thread pool: answers in any order still reach their jobs, a thread dying on one
// document fails that document only, and a pool whose threads cannot start says so (ingest then
// extracts in its own thread). Real worker threads; the stand-in workers are in tests/fixtures.
import { describe, expect, it } from 'vitest';
import { ExtractPool, NoThreadError } from '../src/services/workers/extract-pool.ts';

const fixture = (name: string) => new URL(`./fixtures/workers/${name}`, import.meta.url);
const job = (text: string) => ({ text, title: null, date: null });
const settle = (p: Promise<{ extraction: { document: { title: string | null } } }>) =>
  p.then(
    (r) => r.extraction.document.title,
    (e: Error) => `${e.name}: ${e.message}`,
  );

describe('extraction threads', () => {
  it.each([1, 2, 3])('with %i thread(s), every job gets its own answer', async (size) => {
    const pool = new ExtractPool(size, fixture('echo.worker.mjs'));
    const texts = Array.from({ length: 40 }, (_, i) => `text ${i}`);
    expect(await Promise.all(texts.map((t) => settle(pool.run(job(t)))))).toEqual(texts);
    await pool.close();
  });

  it('a thread that dies fails the document it was on, and the others are extracted by a new thread', async () => {
    const pool = new ExtractPool(1, fixture('echo.worker.mjs'));
    // A first answer shows the thread started.
    expect(await settle(pool.run(job('first')))).toBe('first');
    const results = await Promise.all(
      ['a', 'CRASH', 'b', 'c'].map((t) => settle(pool.run(job(t)))),
    );
    expect(results).toEqual([
      'a',
      'Error: the extraction thread stopped on this document: exit code 3',
      'b',
      'c',
    ]);
    expect(await settle(pool.run(job('after')))).toBe('after');
    await pool.close();
  });

  it('threads that cannot start fail their jobs with NoThreadError, naming why', async () => {
    const pool = new ExtractPool(2, fixture('broken.worker.mjs'));
    const errors = await Promise.all(
      ['a', 'b', 'c'].map((t) => pool.run(job(t)).catch((e: Error) => e)),
    );
    for (const e of errors) {
      expect(e).toBeInstanceOf(NoThreadError);
      expect((e as Error).message).toMatch(
        /^no extraction thread could start: cannot load the extractor/,
      );
    }
    await pool.close();
  });

  it('the real extraction thread extracts as this thread does', async () => {
    const { extractForStore } = await import('../src/services/workers/extract-pool.ts');
    const text = 'Pakistan recognized the independence of Azerbaijan on December 12, 1991.';
    const pool = new ExtractPool(1);
    const there = await pool.run({ text, title: null, date: '2021-06-16' });
    await pool.close();
    expect(there).toEqual(extractForStore({ text, title: null, date: '2021-06-16' }));
    expect(there.extraction.events.map((e) => [e.type, e.date])).toEqual([
      ['SUPPORT', '1991-12-12'],
    ]);
  });
});

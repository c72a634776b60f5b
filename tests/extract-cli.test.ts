// `ties extract` through the real command: the contract on real documents, batches, and
// hostile input (a clear one-line error and a non-zero exit, or a clean extraction).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLOVER_TYPES, type Extraction } from '../src/extract/types.ts';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin', 'ties.js');
const essay = join(root, 'corpus', 'azerbaijan-pakistan.txt');
let dir: string;

function ties(args: string[], input?: string | Buffer) {
  return spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-extract-'));
});

describe('ties extract --json', () => {
  it('prints the contract: every evidence lies in the text and is its slice', () => {
    for (const file of [essay, join(root, 'corpus', 'azerbaijan-pakistan-encyclopedia.md')]) {
      const text = readFileSync(file, 'utf8');
      const r = ties(['extract', file, '--json']);
      expect(r.status, r.stderr).toBe(0);
      const x = JSON.parse(r.stdout) as Extraction;
      expect(x.document.length).toBe(text.length);
      expect(x.events.length).toBeGreaterThan(5);
      for (const e of [...x.events, ...x.prospects]) {
        expect(PLOVER_TYPES).toContain(e.type);
        expect(e.evidence.start).toBeGreaterThanOrEqual(0);
        expect(e.evidence.end).toBeLessThanOrEqual(text.length);
        expect(e.evidence.text).toBe(text.slice(e.evidence.start, e.evidence.end));
        if (e.date) expect(e.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/);
        expect(e.actors.length).toBeGreaterThan(0);
      }
      // Deterministic: the same input gives the same output.
      expect(ties(['extract', file, '--json']).stdout).toBe(r.stdout);
    }
  });

  it('returns the extracted text of an HTML document with --with-text, scripts left out', () => {
    const f = join(dir, 'page.html');
    writeFileSync(
      f,
      '<html><head><title>Ties</title><script>alert("x")</script></head><body><p>Turkey recognized Azerbaijan on 9 November 1991.</p></body></html>',
    );
    const x = JSON.parse(ties(['extract', f, '--json', '--with-text']).stdout) as Extraction;
    expect(x.document.text).toBe('Turkey recognized Azerbaijan on 9 November 1991.');
    expect(x.document.text).not.toContain('alert');
    expect(x.events.map((e) => [e.type, e.date])).toEqual([['SUPPORT', '1991-11-09']]);
    for (const e of x.events)
      expect(x.document.text!.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
  });

  it('resolves "last month" against --date', () => {
    const f = join(dir, 'news.txt');
    writeFileSync(f, 'Kazakhstan and Uzbekistan signed a water agreement last month.');
    const x = JSON.parse(
      ties(['extract', f, '--json', '--date', '2023-06-10']).stdout,
    ) as Extraction;
    expect(x.events.map((e) => e.date)).toEqual(['2023-05']);
    const undated = JSON.parse(ties(['extract', f, '--json']).stdout) as Extraction;
    expect(undated.events.map((e) => e.date)).toEqual([null]);
  });

  it('reads standard input with -', () => {
    const r = ties(['extract', '-', '--json'], 'Nepal and India held talks in Kathmandu in 2019.');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Extraction).events[0]?.type).toBe('CONSULT');
  });
});

describe('ties extract --explain', () => {
  it('names the refiner behind each kept, dropped and changed decision', () => {
    const text =
      'Chile and Peru met in 2010. Chile urged Peru to withdraw its ships. Bolivia imposed a ' +
      'curfew. Peru did not sign the accord with Chile.';
    const r = ties(['extract', '-', '--explain'], text);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("[candidates] event CONSULT CONSULT 'met'");
    expect(r.stderr).toContain("[governing-acts] drop RETREAT 'withdraw'");
    expect(r.stderr).toContain("[two-parties] drop COERCE 'imposed'");
    expect(r.stderr).toContain("[code-by-modality] change AGREE 'sign'");
  });
});

describe('ties extract --jsonl', () => {
  it('answers one line for each line, and an error line for a bad one', () => {
    const input = [
      JSON.stringify({
        id: 'a',
        text: 'Greece expelled two Russian diplomats in 2018.',
        date: null,
      }),
      'not json',
      JSON.stringify({ id: 'c', text: 'Nothing happened.', date: '2020-01-01' }),
    ].join('\n');
    const r = ties(['extract', '--jsonl'], input);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: unknown; events: { type: string }[]; error?: string });
    expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c']);
    expect(lines[0]!.events.map((e) => e.type)).toEqual(['SANCTION']);
    expect(lines[1]!.error).toBeDefined();
    expect(r.status).toBe(1);
  });
});

describe('ties extract on hostile input', () => {
  const cases: [string, Buffer | string, RegExp][] = [
    ['empty.txt', '', /empty/],
    [
      'binary.txt',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]),
      /binary/,
    ],
    ['blank.md', '\n\n   \n', /no text/],
  ];
  it.each(cases)('%s: one-line error, non-zero exit', (name, content, message) => {
    const f = join(dir, name);
    writeFileSync(f, content);
    const r = ties(['extract', f]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing file and a bad date are one-line errors too', () => {
    expect(ties(['extract', join(dir, 'nope.txt')]).stderr.trim()).toMatch(/no such file/);
    const f = join(dir, 'ok.txt');
    writeFileSync(f, 'Peru and Chile met.');
    const r = ties(['extract', f, '--date', '2020-13-45']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/YYYY-MM-DD/);
  });

  it('reads invalid UTF-8 as Windows-1252, says so, and loses nothing', () => {
    const f = join(dir, 'latin.txt');
    writeFileSync(
      f,
      Buffer.concat([
        Buffer.from('Fran'),
        Buffer.from([0xe7]),
        Buffer.from('ois visited Senegal in 1998.'),
      ]),
    );
    const x = JSON.parse(ties(['extract', f, '--json', '--with-text']).stdout) as Extraction;
    expect(x.document.text).toBe('François visited Senegal in 1998.');
    expect(x.diagnostics.map((d) => d.code)).toContain('not-utf8');
  });

  it('handles a 20 MB single line', () => {
    const f = join(dir, 'huge.txt');
    // One line, no full stop after the first sentence: the splitter must bound the spans.
    const head = 'Pakistan and Azerbaijan signed an agreement in 2003. ';
    const unit = 'and the talks went on through the long night with tea ';
    writeFileSync(f, head + unit.repeat(Math.ceil((20 * 1024 * 1024) / unit.length)));
    const out = execFileSync(process.execPath, [bin, 'extract', f, '--json'], {
      maxBuffer: 1024 * 1024 * 1024,
    });
    const x = JSON.parse(out.toString()) as Extraction;
    expect(x.document.length).toBeGreaterThan(20 * 1024 * 1024 - 100);
    expect(x.events.map((e) => [e.type, e.date])).toContainEqual(['AGREE', '2003']);
  }, 300_000);
});

// Long documents in windows: the same findings as one pass, at document offsets, with the
// discourse (dates, the pair) carried into each window by its lead-in.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';
import { textWindows } from '../src/extract/windows.ts';
import type { Extraction } from '../src/extract/types.ts';

const pairs = [
  ['Chile', 'Peru'],
  ['Norway', 'Sweden'],
  ['Kenya', 'Uganda'],
  ['Japan', 'Vietnam'],
];
// Paragraphs written for the class: each dated on its own, so that windows change nothing.
const paragraphs = Array.from({ length: 24 }, (_, i) => {
  const [a, b] = pairs[i % pairs.length]!;
  return (
    `On ${(i % 27) + 1} May ${1960 + i}, ${a} and ${b} signed a trade agreement. ` +
    `In ${1961 + i}, the president of ${a} visited ${b} for talks on fishing rights.`
  );
});
const text = `${paragraphs.join('\n\n')}\n`;

const facts = (x: Extraction) => ({
  events: x.events.map((e) => [
    e.id,
    e.type,
    e.date,
    e.source?.code,
    e.target?.code,
    e.evidence.start,
    e.evidence.text,
  ]),
  figures: x.figures.map((f) => [f.id, f.value, f.evidence.start]),
  stances: x.stances.map((s) => [s.id, s.evidence.start]),
});

describe('windows', () => {
  it('cut at paragraph ends, each window after the last, covering the text', () => {
    const windows = textWindows(text, 600, 200);
    expect(windows.length).toBeGreaterThan(3);
    expect(windows[0]!.start).toBe(0);
    expect(windows.at(-1)!.end).toBe(text.length);
    windows.forEach((w, i) => {
      if (i) expect(w.start).toBe(windows[i - 1]!.end);
      expect(text.slice(w.start - 2, w.start)).toBe(i ? '\n\n' : '');
      expect(w.leadIn).toBeLessThanOrEqual(w.start);
      expect(w.start - w.leadIn).toBeLessThanOrEqual(200);
    });
  });

  it('find what one pass finds, at document offsets, with ids numbered across windows', () => {
    const whole = extract({ text });
    const windowed = extract({ text }, { windowChars: 600 });
    expect(whole.events.length).toBeGreaterThanOrEqual(24);
    expect(facts(windowed)).toEqual(facts(whole));
    for (const e of [
      ...windowed.events,
      ...windowed.prospects,
      ...windowed.figures,
      ...windowed.stances,
    ]) {
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    }
  });

  it('carry a date from the window before into "later that year"', () => {
    const a =
      'In March 1997, Chile and Peru signed a border agreement in Lima after years of talks.';
    const b = 'Later that year, Peru recalled its ambassador from Chile over a fishing dispute.';
    const doc = `${a}\n\n${b}\n`;
    // The second paragraph alone has no year: the date comes from the lead-in.
    expect(extract({ text: `${b}\n` }).events.map((e) => e.date)).toEqual([null]);
    const windowed = extract({ text: doc }, { windowChars: a.length + 4 });
    expect(textWindows(doc, a.length + 4).length).toBe(2);
    expect(windowed.events.map((e) => [e.type, e.date, e.evidence.start])).toEqual([
      ['AGREE', '1997-03', 3],
      ['SANCTION', '1997', doc.indexOf('Later')],
    ]);
  });
});

describe('windows and the dateline', () => {
  it('a date read from the dateline in the first window dates "last year" in a later one', () => {
    const head = 'TOKYO, March 17, 2023 — Japan and Vietnam signed a trade agreement on Friday.';
    const filler = Array.from(
      { length: 6 },
      (_, i) => `Officials from Kenya and Uganda met in Nairobi in ${1970 + i}.`,
    );
    const tail = 'Last year, Japan recalled its ambassador from Vietnam over a fishing dispute.';
    const doc = `${head}\n\n${filler.join('\n\n')}\n\n${tail}\n`;
    const x = extract({ text: doc }, { windowChars: 200 });
    expect(x.document.date).toBe('2023-03-17');
    expect(textWindows(doc, 200).length).toBeGreaterThan(2);
    const recall = x.events.find((e) => e.evidence.text.includes('recalled'));
    expect(recall?.date).toBe('2022');
    expect(
      extract({ text: doc }).events.find((e) => e.evidence.text.includes('recalled'))?.date,
    ).toBe('2022');
  });
});

// Arithmetic a text lets us check against itself: a span of years ending at a date ("after 80
// years of struggle, in 1991") and the stated start of an open period ("From 1920s Azerbaijan
// was dominated by the USSR"). The conflict detector compares them (src/merge/conflicts.ts).
import type { Evidence, Sentence } from '../types.ts';
import { NUMBER_WORDS } from '../text/numbers.ts';
import { codesOf, contractDate, inside, type FactContext } from './context.ts';

/** "after 80 years of struggle … in 1991". */
export interface DurationFinding {
  years: number;
  what: string;
  end: string;
  actors: string[];
  evidence: Evidence;
}

/** "From 1920s …", "Since 2003 …": the start of a period the sentence describes. */
export interface PeriodStartFinding {
  start: string;
  actors: string[];
  evidence: Evidence;
}

// The cardinal words, and "hundred", which a span of years or decades may be counted in.
const DURATION_WORDS: Readonly<Record<string, number>> = { ...NUMBER_WORDS, hundred: 100 };
// "after 80 years of struggle", "following seven decades of Soviet rule". "of its independence"
// ("4 years after it") is not a span of the noun, so a determiner after "of" is refused.
const SPAN = new RegExp(
  String.raw`\b(?:after|following|ending|over|for)\s+(?:more than\s+|nearly\s+|almost\s+|about\s+|some\s+)?(?<n>\d{1,3}|${Object.keys(DURATION_WORDS).join('|')})\s+(?<unit>years?|decades?|centur(?:y|ies))\s+of\s+(?!(?:its|their|his|her|the|this|that|our)\b)(?<what>[\p{L}-]+(?:\s+[\p{L}-]+)?)`,
  'giu',
);
const UNIT_YEARS: Record<string, number> = { year: 1, decade: 10, century: 100 };
// An open period: "From 1920s", "Since 2003", not "from 2001 to 2004".
const FROM = /\b(?:from|since)\s+(?:the\s+)?$/i;
const CLOSED = /^\s*(?:to|until|till|through|and|-|–)\b/i;

const states = (codes: string[]) => [...new Set(codes)].sort();

/** Spans of years ending at a dated point, one sentence at a time. */
export function findDurations(
  text: string,
  sentences: Sentence[],
  ctx: FactContext,
): DurationFinding[] {
  const out: DurationFinding[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const times = inside(ctx.times, sentence).filter((t) => t.value && t.anchor === 'absolute');
    const actors = states(
      inside(ctx.actors, sentence)
        .filter((a) => a.kind === 'state')
        .flatMap(codesOf),
    );
    for (const m of body.matchAll(SPAN)) {
      const g = m.groups!;
      const n = /^\d/.test(g.n!) ? Number(g.n) : DURATION_WORDS[g.n!.toLowerCase()]!;
      const unit = g.unit!.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      // The date the span ends at: the nearest absolute date of the sentence, not inside it.
      const time = times
        .filter((t) => t.end <= start || t.start >= end)
        .sort((a, b) => Math.abs(a.start - end) - Math.abs(b.start - end))[0];
      const date = contractDate(time?.value ?? null);
      if (!time || !date) continue;
      const evStart = Math.min(start, time.start);
      const evEnd = Math.max(end, time.end);
      out.push({
        years: n * (UNIT_YEARS[unit] ?? 1),
        what: g.what!.toLowerCase().replace(/\s+(?:in|on|at|and|by)$/, ''),
        end: date,
        actors,
        evidence: { start: evStart, end: evEnd, text: text.slice(evStart, evEnd) },
      });
    }
  }
  return out;
}

/** Open periods' stated starts ("From 1920s Azerbaijan was dominated by the USSR"). */
export function findPeriodStarts(
  text: string,
  sentences: Sentence[],
  ctx: FactContext,
): PeriodStartFinding[] {
  const out: PeriodStartFinding[] = [];
  for (const sentence of sentences) {
    const actors = states(
      inside(ctx.actors, sentence)
        .filter((a) => a.kind === 'state')
        .flatMap(codesOf),
    );
    for (const t of inside(ctx.times, sentence)) {
      if (!t.value || t.anchor !== 'absolute') continue;
      const before = text.slice(Math.max(sentence.start, t.start - 12), t.start);
      const from = FROM.exec(before);
      // "from 2001 to 2004" closes the period; chrono may also have taken the range whole.
      if (!from || CLOSED.test(text.slice(t.end, t.end + 8)) || /\/|\bto\b|–/.test(t.text))
        continue;
      const start = contractDate(t.value);
      if (!start) continue;
      const evStart = t.start - (before.length - from.index);
      // The whole clause the period qualifies, up to the sentence's end.
      const evEnd = sentence.end;
      out.push({
        start,
        actors,
        evidence: {
          start: evStart,
          end: evEnd,
          text: text.slice(evStart, evEnd).replace(/\s+$/, ''),
        },
      });
      out[out.length - 1]!.evidence.end = evStart + out[out.length - 1]!.evidence.text.length;
    }
  }
  return out;
}

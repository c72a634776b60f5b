// The named thing a figure is about ("Khojaly Massacre"): a capitalised name ending in an event
// head noun in the figure's sentence, or the last such name before it when the sentence refers
// back to it ("killed in the massacre"). Lets two sources' death tolls be compared only when
// they count the same event.
import { readFileSync } from 'node:fs';
import type { Span } from '../types.ts';
import { dataRows } from '../claims/context.ts';

const HEADS = dataRows(
  readFileSync(new URL('../../../data/figures/subjects.txt', import.meta.url), 'utf8'),
).map((l) => l.trim());
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const HEAD = HEADS.map(cap).join('|');
// Up to four capitalised words (or codes like "ADEX-2016") before a capitalised head noun.
// The head may be lowercase after a name ("the Khojaly massacre"): style guides differ.
const NAMED = new RegExp(
  String.raw`(?:[A-Z][\p{L}\d’'-]*\s+){1,4}(?:${HEAD}|${HEADS.join('|')})\b`,
  'gu',
);
const DEFINITE = new RegExp(
  String.raw`\b[Tt]his\s+(${HEADS.join('|')})\b|\b[Tt]he\s+(${HEADS.join('|')})\b`,
  'g',
);
// How far back a "the massacre" may reach for its name.
const LOOKBACK = 6000;

/** The subject of the figure at `figure` in `sentence`, or null when the text names none. */
export function figureSubject(text: string, sentence: Span, figure: Span): string | null {
  return pick(namedIn(text, sentence), figure) ?? definiteIn(text, sentence);
}

/**
 * `figureSubject` for many figures of one document: what a sentence names is read once per
 * sentence, not once per figure (a sentence may hold dozens of figures).
 */
export function subjectFinder(text: string): (sentence: Span, figure: Span) => string | null {
  let at: Span | null = null;
  let named: Named[] = [];
  let definite: string | null | undefined;
  return (sentence, figure) => {
    if (!at || at.start !== sentence.start || at.end !== sentence.end) {
      at = { start: sentence.start, end: sentence.end };
      named = namedIn(text, sentence);
      definite = undefined;
    }
    const name = pick(named, figure);
    if (name !== null) return name;
    if (definite === undefined) definite = definiteIn(text, sentence);
    return definite;
  };
}

interface Named {
  start: number;
  name: string;
}

/** The names of events in the sentence ("Khojaly Massacre"), in text order. */
function namedIn(text: string, sentence: Span): Named[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Named[] = [];
  for (const m of body.matchAll(NAMED)) {
    const name = m[0].replace(/^(?:The|A|An|In|On|At|During|After|Before)\s+/, '');
    if (name.split(/\s+/).length < 2) continue;
    out.push({ start: sentence.start + m.index, name });
  }
  return out;
}

/** The name nearest the figure; the earlier on a tie. */
function pick(named: Named[], figure: Span): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const { start, name } of named) {
    const distance = Math.abs(start - figure.start);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best ? best.name : null;
}

/** "the massacre" in the sentence: the last such name in the text before it. */
function definiteIn(text: string, sentence: Span): string | null {
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(DEFINITE)) {
    const head = cap((m[1] ?? m[2])!);
    const before = text.slice(Math.max(0, sentence.start - LOOKBACK), sentence.start);
    const re = new RegExp(
      String.raw`(?:[A-Z][\p{L}\d’'-]*\s+){1,4}(?:${head}|${head.toLowerCase()})\b`,
      'gu',
    );
    const all = [...before.matchAll(re)];
    const last = all.at(-1);
    if (last)
      return last[0]
        .replace(/^(?:The|A|An|In|On|At|During|After|Before|Similarly,?)\s+/, '')
        .trim();
  }
  return null;
}

// "613 people, including 63 children, 106 women …": the later numbers count parts of the first.
const PART_OF = /\d[^.;]*\b(?:including|among them|among whom|of whom|of which|of them)\b/i;

/** True when the figure starting at `at` counts a part of a total given before it in `sentence`. */
export function isPartOfTotal(text: string, sentence: Span, at: number): boolean {
  return PART_OF.test(text.slice(sentence.start, Math.max(sentence.start, at)));
}

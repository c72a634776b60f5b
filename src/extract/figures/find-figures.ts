// Figures: quantities with what they measure, their unit, their date and the actors of their
// sentence ("more than 613 people … were killed", "increased by 25 percent in 2018", "USD 500
// million", "Rs 10 crore"). Numbers that are dates, ordinals, parts of names ("JF-17",
// "AMAN-2013") or durations are not figures.
import { readFileSync } from 'node:fs';
import type { ExtractedFigure, Sentence, Span } from '../types.ts';
import { NUMBER_WORDS } from '../text/numbers.ts';
import {
  codesOf,
  contractDate,
  dataRows,
  inside,
  overlaps,
  type FactContext,
} from '../claims/context.ts';
import { subjectFinder } from './subject.ts';
import { clauseBreaks, clauseSpan } from '../text/clause-span.ts';

const data = (name: string) =>
  dataRows(readFileSync(new URL(`../../../data/figures/${name}`, import.meta.url), 'utf8'))
    .slice(1)
    .map((l) => l.split('\t'));

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;

const QUALIFIERS = new Map(data('qualifiers.tsv').map(([p, c]) => [p!, c!]));
const UNITS = data('units.tsv');
const CURRENCIES = new Map(UNITS.filter((r) => r[1] === 'currency').map(([f, , v]) => [f!, v!]));
const SCALES = new Map(UNITS.filter((r) => r[1] === 'scale').map(([f, , v]) => [f!, Number(v)]));
const MEASURES = data('measures.tsv').map(([phrase, kind, measure]) => ({
  phrase: phrase!,
  kind: kind as 'cue' | 'noun',
  measure: measure!,
}));

const WORD = Object.keys(NUMBER_WORDS).join('|');
const SCALE_WORDS = [...SCALES.keys()].sort(byLength).map(esc).join('|');
const PREFIX_CURRENCIES = [...CURRENCIES.keys()]
  .filter((f) => !/^[a-z]/.test(f))
  .sort(byLength)
  .map(esc)
  .join('|');
// "twenty-five", "six hundred", "three thousand"; a lone "one" is too often "one of".
const WORD_NUMBER = String.raw`(?:${WORD})(?:[-\s](?:${WORD}))?(?:\s+(?:hundred|thousand))?`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUMBER_SOURCE = String.raw`(?<cur>${PREFIX_CURRENCIES})?\s?(?<num>${DIGITS}|\b${WORD_NUMBER}\b)(?:\s?(?<scale>${SCALE_WORDS})\b)?`;
const NUMBER_RE = new RegExp(NUMBER_SOURCE, 'giu');
// The same without `u`, twice as fast: with `iu`, only 'ſ' (U+017F) and the Kelvin sign (U+212A)
// case-fold to ASCII letters; a sentence without them reads the same either way.
const NUMBER_RE_ASCII = new RegExp(NUMBER_SOURCE, 'gi');
const FOLDS_TO_ASCII = /[\u017F\u212A]/;

// Words that end a counted noun phrase ("70 old people were …").
const PHRASE_END = new Set(
  `were was is are be been have has had of in on at and or from to by for with who which that whose
   while as per each lost still including than`.split(/\s+/),
);
// A number of these is a span of time, read by the dates layer, not a figure.
const DURATIONS = /^(years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century|yrs?)$/;
const PLURAL =
  /^(?:[a-z'-]+[^s']s|people|children|women|men|police|personnel|staff|aircraft|troops|cattle)$/;
// "the two countries", "these two states", "both": a reference to parties, not a quantity.
const DETERMINER =
  /\b(?:the|these|those|its|their|our|his|her|both|all|every|which|first|last|next|past|previous|coming|other|said)\s+$/i;
const CHANGE =
  /\b(increas|ris|rose|grew|grow|doubl|tripl|jump|surg|climb|decreas|declin|fell|fall|drop|shrank|cut)/i;

function wordValue(words: string): number | null {
  let total = 0;
  let current = 0;
  for (const w of words.toLowerCase().split(/[-\s]+/)) {
    if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (NUMBER_WORDS[w] !== undefined) current += NUMBER_WORDS[w]!;
    else return null;
  }
  return total + current;
}

function parseNumber(raw: string): number | null {
  if (/^\d/.test(raw)) return Number(raw.replace(/,/g, ''));
  return wordValue(raw);
}

interface Found {
  span: Span;
  value: number;
  unit: string;
  qualifier: string | null;
  /** Where the unit word or phrase ends. */
  unitEnd: number;
}

// Compiled once, longest first: building a regex per qualifier per number was a hot spot.
const QUALIFIER_RES = [...QUALIFIERS]
  .sort((a, b) => byLength(a[0], b[0]))
  .map(([phrase, canonical]) => ({ canonical, re: new RegExp(`\\b${esc(phrase)}\\s+$`) }));

/** The qualifier right before `at` ("more than ", "around "), with its start. */
function qualifierBefore(
  text: string,
  at: number,
  floor: number,
): { canonical: string; start: number } | null {
  const before = text.slice(Math.max(floor, at - 30), at).toLowerCase();
  for (const { canonical, re } of QUALIFIER_RES) {
    const m = re.exec(before);
    if (m) return { canonical, start: at - (before.length - m.index) };
  }
  return null;
}

// Word currencies ("dollars", "USD") after a number, longest first, compiled once.
const CURRENCY_AFTER = [...CURRENCIES]
  .sort((a, b) => byLength(a[0], b[0]))
  .filter(([form]) => /^[a-z]/i.test(form))
  .map(([form, code]) => ({
    code,
    re: new RegExp(`^\\s(?:${esc(form)})\\b`, /^[a-z]/.test(form) ? 'i' : ''),
  }));
// First words of the cue phrases: a counted noun phrase stops before one ("70 people killed").
const CUE_FIRST_WORDS = new Set(
  MEASURES.filter((x) => x.kind === 'cue').map((x) => x.phrase.split(' ')[0]!),
);

/** The unit after a number ending at `at`: percent, times, a currency, or the counted noun. */
function unitAfter(text: string, at: number, end: number): { unit: string; end: number } | null {
  const rest = text.slice(at, end);
  let m = /^\s?(%|per\s?cent\b|percent\b|percentage points?\b)/i.exec(rest);
  if (m) return { unit: 'percent', end: at + m[0].length };
  m = /^(?:\s|-)?(times|fold)\b/i.exec(rest);
  if (m) return { unit: 'times', end: at + m[0].length };
  for (const { code, re } of CURRENCY_AFTER) {
    m = re.exec(rest);
    if (m) return { unit: code, end: at + m[0].length };
  }
  // The counted noun: the last word of a short lowercase run ("70 old people were").
  // A capitalised adjective may stand in the run ("30,000 Indian students"), never be the unit.
  const words = /^((?:\s+[A-Za-z][a-z'-]*){1,3})/.exec(rest);
  if (!words) return null;
  let unit: string | null = null;
  let unitEnd = at;
  let offset = at;
  for (const part of words[1]!.matchAll(/\s+([A-Za-z][a-z'-]*)/g)) {
    const w = part[1]!;
    if (/^[A-Z]/.test(w)) {
      offset += part[0].length;
      continue;
    }
    if (PHRASE_END.has(w) || CUE_FIRST_WORDS.has(w)) break;
    unit = w;
    unitEnd = offset + part[0].length;
    offset = unitEnd;
    // A plural is the head of the counted phrase: "two nations close together" counts nations.
    if (PLURAL.test(w)) break;
  }
  if (!unit || DURATIONS.test(unit)) return null;
  return { unit, end: unitEnd };
}

// Each measure phrase compiled once, with the phrase itself as a cheap substring prefilter.
const MEASURE_RES = MEASURES.map((entry) => ({
  ...entry,
  re: new RegExp(`\\b${esc(entry.phrase)}\\b`, 'g'),
}));

/** A measure phrase found in a clause. */
interface MeasureHit {
  measure: string;
  start: number;
  end: number;
}

/** Every phrase of `kind` inside `clause`, in measure order, then text order. */
function measureHits(text: string, clause: Span, kind: 'cue' | 'noun'): MeasureHit[] {
  const lower = text.slice(clause.start, clause.end).toLowerCase();
  const out: MeasureHit[] = [];
  for (const entry of MEASURE_RES) {
    if (entry.kind !== kind || !lower.includes(entry.phrase)) continue;
    for (const m of lower.matchAll(entry.re))
      out.push({
        measure: entry.measure,
        start: clause.start + m.index,
        end: clause.start + m.index + m[0].length,
      });
  }
  return out;
}

/** Nearest phrase of `kind` to [start, end) among `hits`, preferring what follows for cues. */
function nearestMeasure(
  hits: MeasureHit[],
  span: Span,
  kind: 'cue' | 'noun',
): { measure: string; span: Span } | null {
  let best: { measure: string; span: Span; distance: number } | null = null;
  for (const h of hits) {
    const s = { start: h.start, end: h.end };
    if (overlaps(s, span) && kind === 'cue') continue;
    // Cues tell what happened to the counted people, so they follow the number in English.
    const distance =
      s.start >= span.end ? s.start - span.end : (span.start - s.end) * (kind === 'cue' ? 3 : 1);
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && s.end - s.start > best.span.end - best.span.start)
    ) {
      best = { measure: h.measure, span: s, distance };
    }
  }
  return best && { measure: best.measure, span: best.span };
}

// A figure's cue comes from its own clause: up to "while", "but", ";" or a full stop.
const FIGURE_CLAUSE_BREAK = /;|,?\s+(?:while|whereas|but|although)\s+|\.\s/g;

function numbersIn(text: string, sentence: Sentence, ctx: FactContext): Found[] {
  const body = text.slice(sentence.start, sentence.end);
  const times = inside(ctx.times, sentence);
  const out: Found[] = [];
  for (const m of body.matchAll(FOLDS_TO_ASCII.test(body) ? NUMBER_RE : NUMBER_RE_ASCII)) {
    const g = m.groups!;
    const start = sentence.start + m.index + m[0].length - m[0].trimStart().length;
    const numStart = sentence.start + m.index + m[0].indexOf(g.num!);
    const numEnd = numStart + g.num!.length;
    const prev = text[numStart - 1] ?? ' ';
    const next = text[numEnd] ?? ' ';
    // Parts of names and codes ("JF-17", "MiG-29", "AMAN-2013", "F16") and ordinals ("23rd").
    if (
      !g.cur &&
      (/[\p{L}]/u.test(prev) || (prev === '-' && /[\p{L}]/u.test(text[numStart - 2] ?? '')))
    )
      continue;
    if (/^(st|nd|rd|th)\b/i.test(text.slice(numEnd, numEnd + 3)) || /[\p{L}]/u.test(next)) continue;
    if (/^-\d/.test(text.slice(numEnd, numEnd + 2)) || prev === '-') continue;
    // A format's name ("2+2 dialogue", "the 5+1 group"), not a quantity.
    if (
      /^\+\d/.test(text.slice(numEnd, numEnd + 2)) ||
      (prev === '+' && /\d/.test(text[numStart - 2] ?? ''))
    )
      continue;
    if (
      !/^\d/.test(g.num!) &&
      DETERMINER.test(text.slice(Math.max(sentence.start, numStart - 12), numStart))
    )
      continue;
    let value = parseNumber(g.num!);
    if (value === null || !Number.isFinite(value)) continue;
    let end = sentence.start + m.index + m[0].length;
    const numberSpan = { start: numStart, end: numEnd };
    // Times lie inside their sentence: only the sentence's own can overlap the number.
    if (times.some((t) => overlaps(t, numberSpan))) continue;
    if (g.scale) value *= SCALES.get(g.scale) ?? SCALES.get(g.scale.toLowerCase()) ?? 1;
    let unit: string | null = g.cur ? (CURRENCIES.get(g.cur) ?? null) : null;
    let unitEnd = end;
    if (!unit) {
      const u = unitAfter(text, end, sentence.end);
      if (!u) continue;
      unit = u.unit;
      unitEnd = u.end;
    } else {
      // "USD 500 million dollars" is still one currency.
      const again = unitAfter(text, end, sentence.end);
      if (again && again.unit === unit) unitEnd = again.end;
    }
    // A bare year-like number with a counted noun is rare; with nothing else it is a date.
    if (
      !g.cur &&
      !g.scale &&
      /^\d{4}$/.test(g.num!) &&
      value >= 1800 &&
      value <= 2100 &&
      unit !== 'percent'
    )
      continue;
    const q = qualifierBefore(text, start, sentence.start);
    out.push({
      span: { start: q?.start ?? start, end: unitEnd },
      value,
      unit,
      qualifier: q?.canonical ?? null,
      unitEnd,
    });
    end = unitEnd;
  }
  return out;
}

let counter = 0;

/** Finds the figures of a document, one sentence at a time. */
export function findFigures(
  text: string,
  sentences: Sentence[],
  ctx: FactContext,
): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  counter = 0;
  const subjectOf = subjectFinder(text);
  for (const sentence of sentences) {
    const times = inside(ctx.times, sentence).filter((t) => t.value);
    const actors = inside(ctx.actors, sentence);
    const found = numbersIn(text, sentence, ctx);
    if (found.length === 0) continue;
    // What a sentence holds is read once for all its figures: a dense sentence holds dozens.
    const breaks = clauseBreaks(text, sentence, FIGURE_CLAUSE_BREAK);
    const hitsByClause = new Map<string, MeasureHit[]>();
    const hitsIn = (clause: Span, kind: 'cue' | 'noun'): MeasureHit[] => {
      const key = `${kind} ${clause.start} ${clause.end}`;
      let hits = hitsByClause.get(key);
      if (!hits) hitsByClause.set(key, (hits = measureHits(text, clause, kind)));
      return hits;
    };
    const codes = [...new Set(actors.flatMap(codesOf))];
    for (const f of found) {
      const clause = clauseSpan(sentence, breaks, { start: f.span.start, end: f.span.start });
      let measure: string;
      let measureSpan: Span | null = null;
      const isMoney = /^[A-Z]{3}$/.test(f.unit);
      if (f.unit === 'percent' || f.unit === 'times' || isMoney) {
        const noun = nearestMeasure(hitsIn(sentence, 'noun'), f.span, 'noun');
        measure =
          noun?.measure ??
          (isMoney
            ? 'money'
            : CHANGE.test(text.slice(clause.start, clause.end))
              ? 'growth'
              : 'share');
        measureSpan = noun?.span ?? null;
      } else {
        const cue = nearestMeasure(hitsIn(clause, 'cue'), f.span, 'cue');
        const noun = MEASURES.find((x) => x.kind === 'noun' && x.phrase === f.unit);
        measure = cue?.measure ?? noun?.measure ?? f.unit;
        measureSpan = cue?.span ?? null;
      }
      let start = Math.min(f.span.start, measureSpan?.start ?? Infinity);
      let end = Math.max(f.span.end, measureSpan?.end ?? -Infinity);
      // The date closest to the figure in its sentence; shown in the evidence when adjacent.
      const time = times
        .filter((t) => !overlaps(t, f.span))
        .sort((a, b) => Math.abs(a.start - f.span.start) - Math.abs(b.start - f.span.start))[0];
      if (time && time.start >= end && time.start - end <= 12) end = time.end;
      if (time && time.end <= start && start - time.end <= 4) start = time.start;
      out.push({
        id: `f${++counter}`,
        measure,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        date: time ? contractDate(time.value) : null,
        actors: codes.length ? [...codes] : ctx.pair ? [...ctx.pair] : [],
        evidence: { start, end, text: text.slice(start, end) },
        about: subjectOf(sentence, f.span),
      });
    }
  }
  return out;
}

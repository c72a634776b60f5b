// Reads the findings in document order and gives each its value, HeidelTime-style:
// - the *reference time* is the last date the text gave (in any paragraph), or the document
//   date before the text has given one; "the same year", "a year later", "the next day" count
//   from it; a yearless "in March" only trusts a reference from its own paragraph;
// - deictic expressions ("last year", "on Tuesday") count from the document date only;
// - a *registry of named events* maps an event's head noun ("independence", "exhibition") or
//   name ("adex") to the date it was given in its sentence, so "during the exhibition" resolves.
// A finding that cannot be resolved stays a mention with a null value.
import type { DateValue, TimeMention } from '../types.ts';
import { EVENT_NOUN, eventKey } from './lexicon.ts';
import { yearValue } from './value.ts';
import { MARKDOWN_HEADING, type PlacedFinding, type ScannedSentence } from './scan.ts';

/** Rules whose year modifies a noun or names a thing rather than placing the story in time. */
const MODIFIER_RULES = new Set(['attributive-year', 'event-name-year']);

/** How far (in characters, within a sentence) an event noun may be from the date it takes. */
const REGISTRY_REACH = 150;
/** How far an absolute date may follow an event phrase and still be that event's own date. */
const OWN_DATE_REACH = 60;

/** "Tuesday's", "last year’s": a date in the genitive, before the noun it qualifies. */
const POSSESSIVE = /^['’]s\b/;

const EVENT_NOUNS = new RegExp(`\\b(${EVENT_NOUN})`, 'gi');

interface Reference {
  /** null for the present of a document without a date: now, but unknown. */
  value: DateValue | null;
  paragraph: number;
  /** The sentence that gave it. */
  sentence: number;
  /** The writer's present (the document date), not a date the text gave. */
  present: boolean;
  /** A month counted from the document date ("last November"), not one the text wrote out. */
  deicticMonth?: boolean;
  /** A date the text wrote out with its year, or counted from one ("19 November 1977"). */
  written?: boolean;
  /** A year that modifies a noun or a name ("the 2014 election", "ADEX-2016"). */
  modifier?: boolean;
}

/**
 * True when an event phrase is followed, in the same clause, by a date of its own ("his official
 * visit to Azerbaijan in October 2016"): that phrase names a new event, not the registered one.
 */
function hasOwnDate(finding: PlacedFinding, scanned: ScannedSentence): boolean {
  const base = scanned.sentence.start;
  return scanned.findings.some(
    (f) =>
      f.anchor === 'absolute' &&
      f.start >= finding.end &&
      f.start - finding.end <= OWN_DATE_REACH &&
      !/[,;:()]/.test(scanned.text.slice(finding.end - base, f.start - base)),
  );
}

/**
 * Adds to the registry the events a sentence dates: named ones ("ADEX-2016"), and each event
 * noun paired with a date when each is the other's nearest in the sentence ("its independence
 * … in 1991"; not "meetings … agreement that was signed in February 2014").
 */
function register(
  registry: Map<string, DateValue>,
  scanned: ScannedSentence,
  mentions: TimeMention[],
  names: Map<TimeMention, string[]>,
  unread: readonly PlacedFinding[],
): void {
  for (const [mention, keys] of names)
    for (const key of keys) if (mention.value) registry.set(key, mention.value);
  const dated = mentions.filter((m) => m.value);
  if (dated.length === 0) return;
  const base = scanned.sentence.start;
  const nouns: { start: number; end: number; key: string }[] = [];
  EVENT_NOUNS.lastIndex = 0;
  for (let m = EVENT_NOUNS.exec(scanned.text); m; m = EVENT_NOUNS.exec(scanned.text)) {
    const start = base + m.index;
    const end = start + m[0].length;
    // A noun inside a time expression ("4 years of its independence") is what that expression
    // counts from, not an event it dates.
    const inside = (t: { start: number; end: number }) => start < t.end && end > t.start;
    if (!mentions.some(inside) && !unread.some(inside))
      nouns.push({ start, end, key: eventKey(m[1]!)! });
  }
  const gap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start >= b.end ? a.start - b.end : b.start - a.end;
  const nearest = <T extends { start: number; end: number }>(
    from: { start: number; end: number },
    among: T[],
  ): T | undefined => {
    let best: T | undefined;
    for (const x of among)
      if (gap(from, x) <= REGISTRY_REACH && (!best || gap(from, x) < gap(from, best))) best = x;
    return best;
  };
  for (const noun of nouns) {
    const date = nearest(noun, dated);
    if (date && nearest(date, nouns) === noun) registry.set(noun.key, date.value!);
  }
}

/** Resolves every finding of the scanned sentences, in order. */
export function resolveDiscourse(
  text: string,
  scanned: readonly ScannedSentence[],
  documentDate: DateValue | null,
): TimeMention[] {
  const mentions: TimeMention[] = [];
  const registry = new Map<string, DateValue>();
  let reference: Reference | null = documentDate && {
    value: documentDate,
    paragraph: -1,
    sentence: -1,
    present: true,
  };
  // A year heading ("1977", "## 1977") dates the entries under it, in any paragraph, until the
  // next heading: chronologies list "November 19 – …" lines under it.
  let section: Reference | null = null;
  for (const s of scanned) {
    if (section && MARKDOWN_HEADING.test(s.text)) section = null;
    const own: TimeMention[] = [];
    const names = new Map<TimeMention, string[]>();
    for (const [i, f] of s.findings.entries()) {
      // An event dated earlier in the same sentence counts ("the Rose Revolution of 2003 …; five
      // years after the revolution").
      if (f.anchor === 'event') register(registry, s, own, names, s.findings.slice(i));
      const resolved = resolveOne(f, s, reference, section, documentDate, registry);
      if (!resolved) continue;
      const mention: TimeMention = {
        start: f.start,
        end: f.end,
        text: text.slice(f.start, f.end),
        value: resolved.value,
        anchor: resolved.anchor,
        rule: f.rule,
        ...(POSSESSIVE.test(text.slice(f.end, f.end + 3)) ? { possessive: true as const } : {}),
        ...(f.anchor === 'previous' && f.opensClause ? { opensClause: true as const } : {}),
      };
      own.push(mention);
      if (f.anchor === 'absolute' && f.names) names.set(mention, f.names);
      const paragraph = s.sentence.paragraph;
      const sentence = s.sentence.index;
      if (mention.value) {
        const written: boolean =
          mention.anchor === 'absolute' ||
          (mention.anchor === 'previous' && (reference?.written === true || section !== null));
        reference = {
          value: mention.value,
          paragraph,
          sentence,
          present: false,
          deicticMonth: mention.anchor === 'document' && mention.value.precision === 'month',
          written,
          modifier: MODIFIER_RULES.has(f.rule),
        };
        if (f.anchor === 'absolute' && f.heading) section = reference;
      }
      // "In the past few years …": the story is back in the writer's present, so "the previous
      // year" after it counts from the document date (or is unknown), not from an older date.
      else if (f.anchor === 'document' && !f.resolve)
        reference = { value: documentDate, paragraph, sentence, present: true };
      // "last year" without a document date: a date the text gave, unknown to us.
      else if (f.anchor === 'document')
        reference = { value: null, paragraph, sentence, present: false };
    }
    register(registry, s, own, names, []);
    mentions.push(...own);
  }
  return mentions;
}

/** How many sentences back a yearless date may still take its year, when a document date is known. */
const YEAR_REACH = 1;

/**
 * True when a yearless date ("in March", "on 5 March") may take its year from the reference: one
 * in its own paragraph and, when the document has a date, no further back than a couple of
 * sentences. A story that names 2016 in passing and later says "in February" means the latest
 * February, not 2016's.
 */
function near(
  reference: Reference,
  sentence: { index: number; paragraph: number },
  documentDate: DateValue | null,
): boolean {
  if (reference.paragraph !== sentence.paragraph) return false;
  return !documentDate || sentence.index - reference.sentence <= YEAR_REACH;
}

/**
 * A finding resolved against a reference. A yearless date ("on 20 November") after a day the
 * text wrote out ("19 November 1977") takes that day's year: a narrative moves on within the
 * year, so the nearest such day on or before the reference (1976's) is the document date's rule
 * only. It falls back to that rule where the year would put the date after the document date.
 */
function resolveYearless(
  f: PlacedFinding & { anchor: 'previous' },
  value: DateValue,
  written: boolean | undefined,
  documentDate: DateValue | null,
): DateValue | null {
  if (!f.sameParagraph || !written || value.precision !== 'day') return f.resolve(value);
  const inYear = f.resolve(yearValue(Number(value.first.slice(0, 4))));
  if (inYear && documentDate && inYear.first > documentDate.last) return f.resolve(value);
  return inYear;
}

/** The value and anchor of one finding, or null when the finding is dropped. */
function resolveOne(
  f: PlacedFinding,
  s: ScannedSentence,
  reference: Reference | null,
  section: Reference | null,
  documentDate: DateValue | null,
  registry: Map<string, DateValue>,
): Pick<TimeMention, 'value' | 'anchor'> | null {
  switch (f.anchor) {
    case 'absolute':
      return { value: f.value, anchor: 'absolute' };
    case 'previous': {
      // "Last November, … In March, …": a month the story counted from the document date lends
      // its year only to a month after it; one that would fall before it is the latest such
      // month not after the document date (the story moves on, not back).
      if (f.sameParagraph && reference?.deicticMonth && reference.value && documentDate) {
        const inReferenceYear = f.resolve(reference.value);
        if (inReferenceYear && inReferenceYear.last < reference.value.first)
          return { value: f.resolve(documentDate), anchor: 'document' };
      }
      const usable =
        reference && (!f.sameParagraph || near(reference, s.sentence, documentDate))
          ? reference
          : f.sameParagraph
            ? section
            : null;
      // "He won the 2014 election. Moscow said (on 2 October) …": a year that only names a
      // thing (an election, "ADEX-2016") is no time the story is at; with a document date, a
      // yearless date after it is the story's own, the latest not after the document date.
      if (f.sameParagraph && usable?.modifier && documentDate)
        return { value: f.resolve(documentDate), anchor: 'document' };
      if (usable)
        return {
          value: usable.value && resolveYearless(f, usable.value, usable.written, documentDate),
          anchor: usable.present ? 'document' : 'previous',
        };
      if (documentDate) return { value: f.resolve(documentDate), anchor: 'document' };
      return { value: null, anchor: 'previous' };
    }
    case 'document':
      return {
        value: documentDate && f.resolve ? f.resolve(documentDate) : null,
        anchor: 'document',
      };
    case 'event': {
      if (hasOwnDate(f, s)) return null;
      const event = registry.get(f.event);
      if (!event && f.optional) return null;
      return { value: event && f.resolve ? f.resolve(event) : null, anchor: 'event' };
    }
  }
}

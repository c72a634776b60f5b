// What a date rule is: a small value `{ name, pattern, extract }`, run over one sentence at a
// time. A rule says *what* an expression means (absolute value, or a shift from the reference
// time, the document date or a named event); the discourse pass in `discourse.ts` says *against
// what*, because only it reads the document in order.
import type { DateValue } from '../types.ts';

/** Offsets of a finding inside the scanned sentence text. */
export interface LocalSpan {
  start: number;
  end: number;
}

/** A date fixed by the text alone ("December 12,1991", "the 1920s"). */
export interface AbsoluteFinding extends LocalSpan {
  anchor: 'absolute';
  value: DateValue | null;
  /** Event names the expression itself dates ("ADEX-2016" → "adex"), for the registry. */
  names?: string[];
  /** A year that is a heading or a line of its own ("1977", "## 1977"): it dates what follows. */
  heading?: true;
}

/** Computed from the reference time: the last date the text gave, else the document date. */
export interface PreviousFinding extends LocalSpan {
  anchor: 'previous';
  resolve: (reference: DateValue) => DateValue | null;
  /** Only a reference from the same paragraph will do (a bare "in March"). */
  sameParagraph?: boolean;
  /** It dates the clause that follows it ("two days after Erdogan denounced Israel"). */
  opensClause?: true;
}

/** Computed from the document's own date ("yesterday", "last year", "on Tuesday"). */
export interface DocumentFinding extends LocalSpan {
  anchor: 'document';
  /** `null` for expressions that never resolve ("recently"). */
  resolve: ((documentDate: DateValue) => DateValue | null) | null;
}

/** Computed from a named event dated earlier in the text ("during the exhibition"). */
export interface EventFinding extends LocalSpan {
  anchor: 'event';
  /** The registry key: a head noun, singular, lowercase ("independence"), or an event name ("adex"). */
  event: string;
  /** `null` when the event's date does not fix this one ("before the war"). */
  resolve: ((eventDate: DateValue) => DateValue | null) | null;
  /** Dropped, rather than kept undated, when the event is unknown ("in the massacre"). */
  optional?: boolean;
}

/** What a rule found in a sentence. */
export type TimeFinding = AbsoluteFinding | PreviousFinding | DocumentFinding | EventFinding;

/** What a rule may read besides its match. */
export interface RuleContext {
  /** The sentence being scanned; findings' offsets are into it. */
  text: string;
}

/** A date rule. `pattern` must have the `g` and `d` flags; `extract` returns null to reject a match. */
export interface TimeRule {
  name: string;
  /** A cheap test (one of lexicon's TRIGGER) a sentence must pass for `pattern` to run on it. */
  trigger: RegExp;
  /**
   * A narrower cheap test the sentence must pass as well: a word or shape every match of
   * `pattern` contains. Shared triggers pass on most sentences with a year or a unit word.
   */
  also?: RegExp;
  pattern: RegExp;
  extract(match: RegExpExecArray, context: RuleContext): TimeFinding | TimeFinding[] | null;
}

/** The span of capture group `g` of a match made with the `d` flag. */
export function groupSpan(match: RegExpExecArray, g: number): LocalSpan {
  const at = match.indices?.[g];
  if (!at) throw new Error(`group ${g} did not take part in the match of ${match[0]!}`);
  return { start: at[0], end: at[1] };
}

/** The span of the whole match. */
export function matchSpan(match: RegExpExecArray): LocalSpan {
  return { start: match.index, end: match.index + match[0].length };
}

// Runs the rules over each sentence and keeps one reading per stretch of text: the longest
// finding wins, and on equal spans the earlier rule. A rule runs on a sentence only when the
// sentence passes the rule's trigger (a year, a month name, a unit word…), each trigger tested
// once per sentence: most rules never run on most sentences.
import type { Sentence } from '../types.ts';
import type { TimeFinding, TimeRule } from './rule.ts';
import { TIME_RULES } from './rules/index.ts';

/** A finding placed in the document: offsets into the full text, and the rule that made it. */
export type PlacedFinding = TimeFinding & { rule: string };

/** The findings of one sentence, in text order. */
export interface ScannedSentence {
  sentence: Sentence;
  text: string;
  findings: PlacedFinding[];
}

/** A rule list with each rule's trigger numbered: rules share a handful of triggers. */
interface Compiled {
  slot: number[];
  triggers: RegExp[];
}

const compiled = new WeakMap<readonly TimeRule[], Compiled>();

function compile(rules: readonly TimeRule[]): Compiled {
  let c = compiled.get(rules);
  if (!c) {
    const triggers: RegExp[] = [];
    const slot = rules.map((rule) => {
      const i = triggers.indexOf(rule.trigger);
      return i >= 0 ? i : triggers.push(rule.trigger) - 1;
    });
    c = { slot, triggers };
    compiled.set(rules, c);
  }
  return c;
}

/** The findings of every rule in `text`, before overlaps are settled. */
export function findingsOf(
  text: string,
  rules: readonly TimeRule[] = TIME_RULES,
): { finding: TimeFinding; order: number; rule: string }[] {
  const out: { finding: TimeFinding; order: number; rule: string }[] = [];
  const { slot, triggers } = compile(rules);
  // Each shared trigger is tested once per sentence: 0 untested, 1 passed, 2 failed.
  const passed = new Uint8Array(triggers.length);
  const context = { text };
  for (let order = 0; order < rules.length; order++) {
    const rule = rules[order]!;
    const k = slot[order]!;
    if (passed[k] === 0) passed[k] = triggers[k]!.test(text) ? 1 : 2;
    if (passed[k] === 2 || (rule.also && !rule.also.test(text))) continue;
    const pattern = rule.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) pattern.lastIndex++;
      const found = rule.extract(m, context);
      if (!found) continue;
      if (Array.isArray(found))
        for (const finding of found) out.push({ finding, order, rule: rule.name });
      else out.push({ finding: found, order, rule: rule.name });
    }
  }
  return out;
}

/** Keeps the longest of overlapping findings (the earlier rule on a tie), in text order. */
export function settleOverlaps<T extends { finding: TimeFinding; order: number }>(
  candidates: T[],
): T[] {
  if (candidates.length < 2) return candidates;
  const byStrength = [...candidates].sort(
    (a, b) =>
      b.finding.end - b.finding.start - (a.finding.end - a.finding.start) ||
      a.order - b.order ||
      a.finding.start - b.finding.start,
  );
  const kept: T[] = [];
  for (const c of byStrength) {
    if (kept.every((k) => c.finding.end <= k.finding.start || c.finding.start >= k.finding.end))
      kept.push(c);
  }
  return kept.sort((a, b) => a.finding.start - b.finding.start);
}

/** A markdown heading line ("## Under Maduro"): the discourse pass sees it even without a date. */
export const MARKDOWN_HEADING = /^#{1,6}\s/;

/** Scans every sentence of the document (with a date, or a markdown heading). */
export function scanSentences(text: string, sentences: readonly Sentence[]): ScannedSentence[] {
  const out: ScannedSentence[] = [];
  for (const sentence of sentences) {
    const own = text.slice(sentence.start, sentence.end);
    const kept = settleOverlaps(findingsOf(own));
    if (kept.length === 0 && !MARKDOWN_HEADING.test(own)) continue;
    const findings = kept.map(({ finding, rule }) => ({
      ...finding,
      start: finding.start + sentence.start,
      end: finding.end + sentence.start,
      rule,
    }));
    out.push({ sentence, text: own, findings });
  }
  return out;
}

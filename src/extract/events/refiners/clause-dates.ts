// The dates a trigger may take from its sentence: the time mentions of its date clause that no
// other trigger stands nearer to (event-dates.ts), the clause's own first ("… in 1973, and the
// two countries opened embassies in 1978"), and a date after "since" only when nothing else does
// ("the first such visit since 1975": it starts a period); never a date after "until", which
// ends one.
import { blocked, datesFor, openedClause, sayingDates } from '../event-dates.ts';
import type { TimeMention } from '../../types.ts';
import { closedClass } from '../../text/closed-class.ts';
import { sentenceTree } from '../tree/of-sentence.ts';
import { headOfSpan, subtree } from '../tree/sentence-tree.ts';
import { tensedVerb } from './lede-present.ts';
import type { TriggerRefiner, TriggerState } from './state.ts';

/**
 * "He announced a break with Washington in 2016, accepted Chinese funding in 2019": a date that
 * closes the phrase before a comma is that phrase's, when the trigger has a date after it. A date
 * heading the sentence ("In 2016, X did …, and in 2019 …") still dates every clause.
 */
function ownSide(dates: TimeMention[], t: TriggerState): TimeMention[] {
  const { trigger, s } = t;
  if (!dates.some((d) => d.start >= trigger.end)) return dates;
  const commas = s.layout.commas;
  return dates.filter(
    (d) =>
      d.start >= trigger.end ||
      d === s.heading ||
      !commas.some((c) => c >= d.end && c < trigger.start),
  );
}

// Pronouns that open a relative clause about a noun ("Najib, whose coalition lost in 2018,");
// not "that", which also opens reported speech.
const RELATIVE = /^(?:who|whose|whom|which)$/;

/**
 * "China criticized Japan, which held drills in 2019": a date inside a relative clause dates that
 * clause's verb, not a trigger before it or after the comma that closes it ("Najib, whose
 * coalition lost in 2018, seldom criticized China"). The clause runs from its pronoun to a comma.
 */
function inOtherRelative(d: TimeMention, t: TriggerState): boolean {
  const { tokens, layout } = t.s;
  const at = t.trigger.start;
  return tokens.some(
    (w) =>
      RELATIVE.test(w.key) &&
      w.end <= d.start &&
      !layout.commas.some((c) => c > w.start && c < d.start) &&
      (at < w.start || (at > d.end && layout.commas.some((c) => c >= d.end && c < at))) &&
      // "the Khojaly Massacre, which was committed … in 1992": a clause about the event noun
      // itself dates it.
      !(t.hit.nominal && /^\s*,?\s*$/.test(t.doc.text.slice(t.trigger.end, w.start))),
  );
}

/**
 * "A 2020 report by the State Department said …", "In a 2019 statement, Kenya accused …": the
 * year of a statement dates the act only when the statement makes it, its noun the subject or a
 * circumstance of the act's verb on the tree; not "Kenya rejected a 2019 report".
 */
function madeByStatement(d: TimeMention, t: TriggerState): boolean {
  const tree = sentenceTree(t.s);
  const year = tree.words.findIndex((w) => w.start === d.start);
  const noun = year < 0 ? -1 : tree.words[year]!.head;
  if (noun < 0 || !/^(nsubj|obl)/.test(tree.words[noun]!.deprel)) return false;
  const v = tensedVerb(tree, t);
  return v >= 0 && tree.words[noun]!.head === v;
}

/**
 * "The deal, which Washington pulled out of, was discussed on Wednesday": an act inside a
 * relative clause is not dated by a date after the comma that closes it.
 */
function outsideOwnRelative(d: TimeMention, t: TriggerState): boolean {
  const { tokens, layout } = t.s;
  const { start, end } = t.trigger;
  if (d.start < end) return false;
  return tokens.some(
    (w) =>
      RELATIVE.test(w.key) &&
      w.end <= start &&
      !layout.commas.some((c) => c > w.start && c < start) &&
      layout.commas.some((c) => c >= end && c < d.start),
  );
}

// Words that open a relative clause on the tree ("the deal that Y signed in 2015"): the
// relative pronouns and the relative adverbs "where" and "when".
const RELATIVE_OPENERS = new Set([...closedClass('relative'), 'where', 'when']);

/**
 * "Kenya protested the deal that Uganda signed with Sudan in 2015": a date inside a relative
 * clause dates that clause, not an act outside it, however far the clause runs and whether or
 * not commas close it. Walks up the tree from the date to the first word that is the trigger or
 * governs it; crossing a relative clause (one a relative word opens) on the way blocks the
 * date. A clause about the event noun itself dates it ("the massacre, which was committed …").
 */
function inSideClause(d: TimeMention, t: TriggerState): boolean {
  // The clause's first word is a relative word at or before the date: a sentence with none there
  // is not parsed to say so (the tree's words are its tokens).
  if (!t.s.tokens.some((w) => w.start < d.end && RELATIVE_OPENERS.has(w.key))) return false;
  const tree = sentenceTree(t.s);
  const date = headOfSpan(tree, d.start, d.end);
  const trig = headOfSpan(tree, t.trigger.start, t.trigger.end);
  if (date < 0 || trig < 0) return false;
  const above = new Set<number>();
  for (let k = trig, n = 0; k >= 0 && n <= tree.words.length; k = tree.words[k]!.head, n++)
    above.add(k);
  for (let k = date, n = 0; k >= 0 && n <= tree.words.length; k = tree.words[k]!.head, n++) {
    if (above.has(k)) return false;
    const w = tree.words[k]!;
    if (!/^(?:acl|acl:relcl|advcl:relcl)$/.test(w.deprel) || w.upos !== 'VERB') continue;
    const words = [...subtree(tree, k)].filter((i) => tree.words[i]!.upos !== 'PUNCT');
    const opener = tree.words[Math.min(...words)]!.key;
    // "that", "when" and "where" open a relative clause only where the parser says so; they
    // also open content and circumstance.
    const relative = w.deprel.endsWith(':relcl')
      ? RELATIVE_OPENERS.has(opener)
      : RELATIVE.test(opener);
    if (!relative) continue;
    return !(w.head === trig && t.hit.nominal);
  }
  return false;
}

/** Sets the candidate dates of the trigger's clause, nearest first. */
export const clauseDates: TriggerRefiner = {
  name: 'clause-dates',
  scope: 'trigger',
  run(t) {
    const { s, trigger, conjunct, doc } = t;
    const { tokens } = s;
    const [ds, de] = t.dateClause;
    const [cs, ce] = t.clause;
    const opener = openedClause(s.times, trigger, s.layout);
    const reachable = datesFor(
      s.times,
      tokens[ds]!.start,
      tokens[de - 1]!.end,
      trigger.start,
    ).filter(
      (d) =>
        !blocked(d, trigger, s.layout) &&
        // "…, two years after Cairo expelled the envoy": the count alone dates its clause.
        !(opener && d.end <= opener.start) &&
        !inOtherRelative(d, t) &&
        !outsideOwnRelative(d, t) &&
        !inSideClause(d, t) &&
        (d.rule !== 'statement-year' || madeByStatement(d, t)) &&
        // "delayed the tariffs until April 2": the end of what the act set, not its day.
        !/\b(?:until|till)\s*$/i.test(doc.text.slice(Math.max(0, d.start - 8), d.start)) &&
        // The first conjunct's dates are its own ("invaded France in May 1940 and occupied …").
        !(conjunct && d.start >= conjunct.firstAt && d.end <= conjunct.andAt),
    );
    const inClause = reachable.filter(
      (d) => d.start >= tokens[cs]!.start && d.end <= tokens[ce - 1]!.end,
    );
    const near = ownSide(inClause.length ? inClause : reachable, t);
    const points = near.filter(
      (d) => !/\bsince\s*$/i.test(doc.text.slice(Math.max(0, d.start - 8), d.start)),
    );
    const found = points.length || s.heading ? points : near;
    // "Ukraine said on Sunday that Russia had attacked the grid on Saturday": the saying's date
    // dates the act only when the act has none of its own (saying-date).
    const said = sayingDates(tokens, s.sayings, found, t.hit.first);
    const own = found.filter((d) => !said.has(d));
    t.dates = own.length ? own : found;
    return undefined;
  },
};

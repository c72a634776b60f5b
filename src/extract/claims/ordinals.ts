// Rank claims: "Pakistan was the first country to recognize Azerbaijan", "the second country to
// recognise Azerbaijan's independence, after Turkey", "the first person from Pakistan to visit
// Azerbaijan". Sources disagree on these often, so each is kept as a claim on its event.
import type { ActorMention, Evidence, ExtractedEvent, Sentence, Span } from '../types.ts';
import { codesOf, inside, sentenceAt, type FactContext } from './context.ts';
import { stem } from './stem.ts';
import { splitSentences } from '../text/sentences.ts';
import { ORDINAL_WORDS } from '../text/numbers.ts';

/** A rank claim found in the text, before it is attached to an event. */
export interface OrdinalFinding {
  rank: number;
  of: string;
  predicate: string;
  /** The verb as written ("recognise"). */
  verb: string;
  /** Who holds the rank: the last state named before it in the sentence. */
  holder: string | null;
  /** Who the act is done to: the first actor after the verb. */
  objects: string[];
  after: string[];
  evidence: Evidence;
}

const WORDS = ORDINAL_WORDS.slice(1);
// "the first country to recognize", "the 2nd state to join"; the class is up to four words.
// No `i` flag: the verb after "to" must be lowercase ("the first visit to Azerbaijan" is no rank
// of an act), so the ordinal word's capital is spelled out instead.
const ORDINAL = new RegExp(
  String.raw`\b(?<ord>${WORDS.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')}|\d{1,2}(?:st|nd|rd|th))\s+(?<of>(?:[\p{L}-]+\s+){1,4}?)to\s+(?<verb>[a-z]+)\b`,
  'gu',
);
// "one of the first", "among the first", "for the first time": not an exclusive rank.
const NOT_EXCLUSIVE = /\b(?:one|some|among|few)\s+of\s+the\s+$|\bamong\s+the\s+$|\bfor\s+the\s+$/i;
// "after Turkey", "following Turkey and Romania", "behind Turkey".
const AFTER = /\b(?:after|following|behind|only after)\s+/gi;

const rankOf = (w: string) => {
  const i = ORDINAL_WORDS.indexOf(w.toLowerCase());
  return i > 0 ? i : Number.parseInt(w, 10);
};

/** Actors listed right after `at` ("Turkey", "Turkey and Romania"), up to a clause break. */
function listedAfter(text: string, at: number, actors: ActorMention[]): string[] {
  const out: string[] = [];
  let cursor = at;
  for (const a of actors.filter((x) => x.start >= at)) {
    if (!/^(?:\s*(?:,|and|&)?\s*(?:the\s+)?)$/i.test(text.slice(cursor, a.start))) break;
    out.push(...codesOf(a));
    cursor = a.end;
  }
  return out;
}

/** Finds the rank claims of a document, one sentence at a time. */
export function findOrdinals(
  text: string,
  sentences: Sentence[],
  ctx: FactContext,
): OrdinalFinding[] {
  const out: OrdinalFinding[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const actors = inside(ctx.actors, sentence);
    for (const m of body.matchAll(ORDINAL)) {
      const g = m.groups!;
      const start = sentence.start + m.index;
      if (NOT_EXCLUSIVE.test(text.slice(Math.max(sentence.start, start - 16), start))) continue;
      const verbEnd = start + m[0].length;
      const holder = actors
        .filter((a) => a.end <= start && a.kind === 'state' && codesOf(a).length === 1)
        .at(-1);
      const object = actors.find((a) => a.start >= verbEnd && a.start - verbEnd <= 12);
      let after: string[] = [];
      let end = object ? object.end : verbEnd;
      for (const a of body.matchAll(AFTER)) {
        const at = sentence.start + a.index + a[0].length;
        if (at < start) continue;
        const listed = listedAfter(text, at, actors).filter((c) => c !== holder?.code);
        if (listed.length) {
          after = listed;
          const last = actors.filter((x) => x.start >= at && listed.includes(x.code)).at(-1);
          end = Math.max(end, last?.end ?? end);
          break;
        }
      }
      const evStart = holder?.start ?? start;
      out.push({
        rank: rankOf(g.ord!),
        of: g.of!.trim().toLowerCase(),
        predicate: stem(g.verb!),
        verb: g.verb!,
        holder: holder?.code ?? null,
        objects: object ? codesOf(object) : [],
        after,
        evidence: { start: evStart, end, text: text.slice(evStart, end) },
      });
    }
  }
  return out;
}

const distance = (a: Span, b: Span) =>
  a.end < b.start ? b.start - a.end : b.end < a.start ? a.start - b.end : 0;

/**
 * Puts each rank claim on the event it ranks: the event of the same sentence whose evidence is
 * nearest and whose source (or a participant) is the claim's holder. Returns the events.
 */
export function annotateClaims(
  text: string,
  events: ExtractedEvent[],
  ctx: FactContext & { sentences?: Sentence[] },
): ExtractedEvent[] {
  const sentences = ctx.sentences ?? splitSentences(text);
  const findings = findOrdinals(text, sentences, ctx);
  if (findings.length === 0) return events;
  // Events by the sentence their evidence starts in, and by evidence start: a filter over every
  // event per claim made the step quadratic in the length of a document full of both.
  const bySentence = new Map<Sentence, number[]>();
  events.forEach((e, i) => {
    const s = sentenceAt(sentences, e.evidence.start);
    if (!s) return;
    const list = bySentence.get(s);
    if (list) list.push(i);
    else bySentence.set(s, [i]);
  });
  const byStart = events
    .map((_, i) => i)
    .sort((a, b) => events[a]!.evidence.start - events[b]!.evidence.start);
  const longest = events.reduce((n, e) => Math.max(n, e.evidence.end - e.evidence.start), 0);
  for (const o of findings) {
    const sentence = sentenceAt(sentences, o.evidence.start);
    if (!sentence) continue;
    // The events of the sentence, and those whose evidence touches the claim's.
    const picked = new Set(bySentence.get(sentence));
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[byStart[mid]!]!.evidence.start < o.evidence.start - longest) lo = mid + 1;
      else hi = mid;
    }
    for (
      let k = lo;
      k < byStart.length && events[byStart[k]!]!.evidence.start <= o.evidence.end;
      k++
    ) {
      if (distance(events[byStart[k]!]!.evidence, o.evidence) === 0) picked.add(byStart[k]!);
    }
    const candidates = [...picked]
      .sort((a, b) => a - b)
      .map((i) => events[i]!)
      .filter((e) => !o.holder || e.source?.code === o.holder || e.actors.includes(o.holder))
      .sort((a, b) => distance(a.evidence, o.evidence) - distance(b.evidence, o.evidence));
    const event = candidates[0];
    if (!event) continue;
    event.ordinal = o.rank;
    event.claim = {
      rank: o.rank,
      of: o.of,
      predicate: o.predicate,
      after: o.after,
      evidence: o.evidence,
    };
  }
  return events;
}

// Stances: who supports or opposes whom, on which issue ("Pakistan supports Azerbaijan's side
// of Nagorno Karabakh conflict", "X condemned Y's annexation of Crimea", "has not established
// ties with Armenia over the issue"). The phrases are data (data/stances/cues.tsv); the roles
// come from where the actor mentions sit around the phrase.
import { readFileSync } from 'node:fs';
import type {
  ActorMention,
  EventActor,
  ExtractedStance,
  Sentence,
  Span,
  TimeMention,
} from '../types.ts';
import { codesOf, dataRows, inside, within, type FactContext } from '../claims/context.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Cue {
  phrase: string;
  polarity: 'support' | 'oppose';
  pattern: RegExp;
  /** True when the phrase names its target inside itself ("is on {T} side"). */
  inner: boolean;
  /** True when the phrase is already negative ("has not established ties with"). */
  negative: boolean;
  /** The phrase's literal words: a sentence lacking one (lowercased) cannot match `pattern`. */
  words: string[];
}

const CUES: Cue[] = dataRows(
  readFileSync(new URL('../../../data/stances/cues.tsv', import.meta.url), 'utf8'),
)
  .slice(1)
  .map((l) => l.split('\t') as [string, string])
  .map(([phrase, polarity]) => ({
    phrase,
    polarity: polarity as 'support' | 'oppose',
    pattern: new RegExp(
      `\\b${phrase
        .split(/\s+/)
        .map((w) => (w === '{T}' ? `(?<t>[^,.;]{2,60}?)(?:['’]s?|s['’])` : esc(w)))
        .join('\\s+')}\\b`,
      'gi',
    ),
    inner: phrase.includes('{T}'),
    negative: /\bnot\b|\bno\b|refuses/.test(phrase),
    words: phrase.split(/\s+/).filter((w) => w !== '{T}'),
  }))
  .sort((a, b) => b.phrase.length - a.phrase.length);

// Sticky: tested at the end of a phrase without slicing the rest of the document off.
const EACH_OTHER = /\s*(?:each other|one another)/iy;
const EACH_OTHER_POSSESSIVE = /\s*(?:each other|one another)['’]?s?/iy;
const followedByEachOther = (text: string, at: number): boolean => {
  EACH_OTHER.lastIndex = at;
  return EACH_OTHER.test(text);
};

// Any cue's longest word: one test that most sentences fail, before the per-cue word checks.
const ANY_CUE = new RegExp(
  [...new Set(CUES.map((c) => [...c.words].sort((a, b) => b.length - a.length)[0]!))]
    .map(esc)
    .join('|'),
);

const NEGATION = /\b(?:not|never|no longer|n[’']t)\s+(?:\w+\s+)?$/i;
// "would support", "may back": a hypothetical is not a stance held.
const HYPOTHETICAL = /\b(?:would|could|may|might|should|if)\s+(?:\w+\s+)?$/i;
const PRONOUN_SUBJECT =
  /(?:^|[,;]\s*|\b(?:therefore|thus|hence|also|so|and)\s*,?\s*)(?<p>it|they|he|she)\s+$/di;
// "The former …" / "the latter …" as a clause's subject: the first or second of the two states
// the previous sentence named last.
const FORMER_LATTER = /(?:^|[,;]\s*)(?<p>[Tt]he\s+(?<which>former|latter))\s+$/d;
const BOUNDARY =
  /[,.;:()]|\bi\.e\.|\be\.g\.|\betc\b|\s(?:and|but|while|which|that|as|in order|so as|because|since|so|who|where)\b|\s(?:in|on|since|from|by)\s+(?:\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/;
// A purpose or result clause between an actor and the phrase: that actor is not the holder.
const CLAUSE_BREAK =
  /;|,\s+(?:while|but|whereas)\s+|\bin order to\b|\bso as to\b|\bwhich\b|\bwho\b/g;
const BOTH =
  /\b(?:both(?:\s+of\s+the)?|the\s+two)\s+(?:countries|sides|nations|states|governments)\b/i;
const ANAPHORIC = /^(?:issue|matter|question|dispute|conflict)$/i;
const STANCE_NOUNS =
  'annexation|bid|claim|claims|position|stance|invasion|occupation|policy|cause|candidacy|membership|application|proposal|plan|decision|move|actions?|aggression|offensive|intervention|sovereignty|territorial integrity|right|rights|struggle|demand|demands';

/** Cuts an issue phrase at the first clause boundary, to at most ten words. */
function cutIssue(raw: string): string | null {
  const b = BOUNDARY.exec(raw);
  const phrase = (b ? raw.slice(0, b.index) : raw)
    .trim()
    .split(/\s+/)
    .slice(0, 10)
    .join(' ')
    .replace(/\s+(?:of|in|on|at|by|for|to|from|with|during|since)$/i, '');
  return phrase.length >= 2 ? phrase : null;
}

/** The issue stated right after `at`: "'s side of X", "'s annexation of X", "on the X issue". */
function issueAfter(text: string, at: number, end: number): { issue: string; end: number } | null {
  const rest = text.slice(at, end);
  const patterns = [
    /^\s*(?:['’]s?\s+)?side\s+(?:of|on|in)\s+(?:the\s+)?(.+)/i,
    new RegExp(`^['’]s?\\s+((?:${STANCE_NOUNS})\\b.+)`, 'i'),
    /^\s+(?:on|over|regarding|concerning|about|in)\s+(?!order\b)(?:the\s+|its\s+|their\s+|this\s+)?(.+)/i,
    // Any other thing of the target's: "condemned North Korea's nuclear test".
    /^['’]s?\s+(.+)/i,
  ];
  for (const p of patterns) {
    const m = p.exec(rest);
    if (!m) continue;
    const issue = cutIssue(m[1]!);
    if (!issue) continue;
    const from = at + m[0].length - m[1]!.length;
    return { issue, end: from + issue.length };
  }
  return null;
}

const actorOf = (a: ActorMention, code = a.code): EventActor => ({ code, text: a.text });

/** Finds the stances of a document, one sentence at a time. */
export function findStances(
  text: string,
  sentences: Sentence[],
  ctx: FactContext,
): ExtractedStance[] {
  const out: ExtractedStance[] = [];
  let lastIssue: string | null = null;
  let lastHolder: { actor: EventActor; sentence: number } | null = null;
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    // A regex per cue per sentence was most of this step: a cue runs only where all its words
    // occur (its pattern is case-insensitive ASCII, so each word occurs in the lowercased text).
    const lower = body.toLowerCase();
    if (!ANY_CUE.test(lower)) continue;
    const cues = CUES.filter((cue) => cue.words.every((w) => lower.includes(w)));
    if (cues.length === 0) continue;
    const actors = inside(ctx.actors, sentence);
    // Every phrase of the sentence, longest first on overlap, then read in text order so that a
    // later clause can lean on an earlier stance ("… and does not recognise Armenia").
    const taken: Span[] = [];
    const matches: { cue: Cue; m: RegExpMatchArray; span: Span }[] = [];
    for (const cue of cues) {
      for (const m of body.matchAll(cue.pattern)) {
        const span = {
          start: sentence.start + m.index!,
          end: sentence.start + m.index! + m[0].length,
        };
        if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
        taken.push(span);
        matches.push({ cue, m, span });
      }
    }
    matches.sort((a, b) => a.span.start - b.span.start);
    {
      for (const { cue, span } of matches) {
        const before = text.slice(Math.max(sentence.start, span.start - 24), span.start);
        if (HYPOTHETICAL.test(before)) continue;
        let polarity = cue.polarity;
        if (!cue.negative && NEGATION.test(before))
          polarity = polarity === 'support' ? 'oppose' : 'support';
        // The target: inside the phrase ("on Pakistan's side"), else the first actor after it.
        let target: ActorMention | null = null;
        if (cue.inner) {
          const inner = actors.filter((a) => within(a, span));
          if (!inner.length) continue;
          target = inner[0]!;
        } else {
          const clauseEnd = sentence.end;
          target = followedByEachOther(text, span.end)
            ? null
            : (actors.find((a) => a.start >= span.end && a.start < clauseEnd) ?? null);
          // Only the actor that directly follows the phrase, not one three clauses later.
          if (
            target &&
            BOUNDARY.test(text.slice(span.end, target.start).replace(/^\s*(?:the|a)\s+/i, ''))
          )
            target = null;
        }
        // The holder: the last actor before the phrase in its clause, else a pronoun's antecedent.
        const clauseStart = (() => {
          const head = text.slice(sentence.start, span.start);
          const breaks = [...head.matchAll(CLAUSE_BREAK)];
          const last = breaks.at(-1);
          return last ? sentence.start + last.index + last[0].length : sentence.start;
        })();
        // "X supports Y … and does not recognise Z": a verb joined by "and" keeps X as subject.
        const previous = out.at(-1);
        const conjoined =
          previous &&
          previous.evidence.start >= sentence.start &&
          /\band\s+(?:\w+\s+)?$/.test(text.slice(clauseStart, span.start));
        const holderMention = conjoined
          ? null
          : (actors
              .filter((a) => a.start >= clauseStart && a.end <= span.start && a !== target)
              .at(-1) ?? null);
        const holders: EventActor[] = [];
        let evidenceStart = holderMention?.start ?? span.start;
        if (conjoined) {
          holders.push(previous.holder);
          evidenceStart = previous.evidence.start;
        }
        const eachOther = followedByEachOther(text, span.end);
        if (holderMention && codesOf(holderMention).length > 1 && eachOther) {
          // "both countries stand by each other": one stance each way.
          const [x, y] = codesOf(holderMention);
          out.push(...mutual(text, holderMention, x!, y!, polarity, span, sentence));
          continue;
        }
        const both =
          !holderMention && eachOther && ctx.pair
            ? BOTH.exec(text.slice(clauseStart, span.start))
            : null;
        if (both && ctx.pair) {
          // The actor layer may not resolve "both countries" without a title; the pair does.
          const start = clauseStart + both.index;
          const mention = {
            start,
            end: start + both[0].length,
            text: both[0],
            code: ctx.pair[0],
            kind: 'state' as const,
            how: 'reference' as const,
            codes: [...ctx.pair],
          };
          out.push(...mutual(text, mention, ctx.pair[0], ctx.pair[1], polarity, span, sentence));
          continue;
        } else if (holderMention) {
          holders.push(
            actorOf(
              holderMention,
              codesOf(holderMention).length === 1 ? codesOf(holderMention)[0] : holderMention.code,
            ),
          );
        } else if (!conjoined) {
          const head = text.slice(clauseStart, span.start);
          const p = PRONOUN_SUBJECT.exec(head);
          const f = FORMER_LATTER.exec(head);
          if (p && lastHolder && sentence.index - lastHolder.sentence <= 2) {
            holders.push(lastHolder.actor);
            evidenceStart = clauseStart + p.indices!.groups!.p![0];
          } else if (f) {
            const named = previousPair(ctx.actors, sentences, sentence);
            const pick = f.groups!.which === 'former' ? named[0] : named[1];
            if (pick) {
              holders.push({ code: pick, text: f.groups!.p! });
              evidenceStart = clauseStart + f.indices!.groups!.p![0];
            }
          }
        }
        const holder = holders[0];
        if (!holder || (target && target.code === holder.code)) continue;
        const issueFrom = Math.max(span.end, target?.end ?? 0);
        // An issue never runs into a date: "annexation of Crimea in 2014" is about Crimea.
        // Only a date in an adverbial ("in 2014"), not one inside a name ("the 2030 World Expo").
        const timeAfter = timeAfterIn(ctx.times, issueFrom, sentence.end, text);
        const found = issueAfter(
          text,
          cue.inner ? span.end : issueFrom,
          timeAfter ? timeAfter.start : sentence.end,
        );
        let issue = found?.issue ?? null;
        let issueEnd = found?.end ?? 0;
        if (!target && !found) {
          // "Pakistan has condemned the Khojaly massacre": with no actor as target, the object is the issue.
          const stop = timeAfter ? timeAfter.start : sentence.end;
          const object = /^\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?([^,.;:()]+)/.exec(
            text.slice(span.end, stop),
          );
          const cut = object
            ? cutIssue(object[1]!)?.replace(/\s+(?:of|in|on|at|by|for|to|from|with)$/, '')
            : null;
          if (object && cut) {
            issue = cut;
            issueEnd = span.end + object[0].length - object[1]!.length + cut.length;
          }
        }
        if (issue && ANAPHORIC.test(issue.replace(/^(?:the|this|that)\s+/i, ''))) issue = lastIssue;
        if (found?.issue && !ANAPHORIC.test(found.issue)) lastIssue = found.issue;
        const end = Math.max(span.end, target?.end ?? 0, issueEnd);
        out.push({
          id: '',
          holder,
          polarity,
          target: target ? actorOf(target) : null,
          issue,
          evidence: { start: evidenceStart, end, text: text.slice(evidenceStart, end) },
        });
        lastHolder = { actor: holder, sentence: sentence.index };
      }
    }
  }
  return out
    .sort((a, b) => a.evidence.start - b.evidence.start)
    .map((s, i) => ({ ...s, id: `s${i + 1}` }));
}

const ADVERBIAL = /\b(?:in|on|of|since|from|by|during|until|after|before)\s+$/i;

/** The first time at or after `from` (before `end`) introduced by a preposition ("in 2014"). */
function timeAfterIn(
  times: TimeMention[],
  from: number,
  end: number,
  text: string,
): TimeMention | undefined {
  // Times are in text order: a binary search, not a scan of the whole document per stance.
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < times.length && times[k]!.start < end; k++) {
    const t = times[k]!;
    if (ADVERBIAL.test(text.slice(Math.max(0, t.start - 10), t.start))) return t;
  }
  return undefined;
}

/** The last two distinct states the sentence before `sentence` names, in text order. */
function previousPair(actors: ActorMention[], sentences: Sentence[], sentence: Sentence): string[] {
  const at = sentences[sentence.index] === sentence ? sentence.index : sentences.indexOf(sentence);
  const prev = sentences[at - 1];
  if (!prev) return [];
  const codes: string[] = [];
  for (const a of inside(actors, prev).reverse()) {
    if (a.kind !== 'state' || codesOf(a).length !== 1) continue;
    if (!codes.includes(a.code)) codes.unshift(a.code);
    if (codes.length === 2) break;
  }
  return codes;
}

function mutual(
  text: string,
  holder: ActorMention,
  x: string,
  y: string,
  polarity: 'support' | 'oppose',
  cue: Span,
  sentence: Sentence,
): ExtractedStance[] {
  EACH_OTHER_POSSESSIVE.lastIndex = cue.end;
  const after = issueAfter(
    text,
    cue.end + (EACH_OTHER_POSSESSIVE.exec(text)?.[0].length ?? 0),
    sentence.end,
  );
  const end = Math.max(cue.end, after?.end ?? 0);
  const evidence = { start: holder.start, end, text: text.slice(holder.start, end) };
  return [
    {
      id: '',
      holder: { code: x, text: holder.text },
      polarity,
      target: { code: y, text: holder.text },
      issue: after?.issue ?? null,
      evidence,
    },
    {
      id: '',
      holder: { code: y, text: holder.text },
      polarity,
      target: { code: x, text: holder.text },
      issue: after?.issue ?? null,
      evidence,
    },
  ];
}

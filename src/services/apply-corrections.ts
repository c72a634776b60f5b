// Applying a document's corrections to what the extractor found in it, before the mentions are
// merged into events: rejected events drop out, corrected ones take the user's facts, added ones
// join. Pure: the store records the outcomes and performs splits and merges.
import { cameoRoot } from '../codes/cameo.ts';
import { isPloverType } from '../codes/plover.ts';
import type {
  CorrectionFacts,
  CorrectionRow,
  CorrectionStatus,
} from '../store/corrections.repo.ts';
import type { MentionInput } from './persist.service.ts';

/** What applying one correction did. */
export interface CorrectionOutcome {
  uid: string;
  status: CorrectionStatus;
  problem: string | null;
  /** The extracted facts it changed (undefined: leave the stored ones). */
  original?: CorrectionFacts | null;
}

/** The result of applying a document's corrections to its extracted events. */
export interface AppliedCorrections {
  events: MentionInput[];
  /** Events to store as events of their own, never merged with others (`split`). */
  split: Set<MentionInput>;
  outcomes: CorrectionOutcome[];
}

/** The facts of an event a correction can change, as codes. */
export function factsOfMention(e: MentionInput): CorrectionFacts {
  return {
    type: e.type,
    mode: e.mode,
    cameo: e.cameo,
    date: e.date,
    source: e.source?.code ?? null,
    target: e.target?.code ?? null,
    actors: e.actors,
  };
}

const same = (a: CorrectionFacts, b: CorrectionFacts) => JSON.stringify(a) === JSON.stringify(b);

/** `e` with the facts of `value` set (what it does not name is kept). */
function withFacts(e: MentionInput, value: CorrectionFacts): MentionInput {
  const out: MentionInput = { ...e, confidence: 1 };
  if (value.type !== undefined && value.type !== e.type) {
    out.type = value.type;
    out.cameo = value.cameo ?? (isPloverType(value.type) ? cameoRoot(value.type) : null);
  }
  if (value.mode !== undefined) out.mode = value.mode;
  if (value.cameo !== undefined) out.cameo = value.cameo;
  if (value.date !== undefined) out.date = value.date;
  const actor = (code: string | null | undefined, old: MentionInput['source']) =>
    code === undefined
      ? old
      : code === null
        ? null
        : { code, text: old?.code === code ? old.text : null };
  out.source = actor(value.source, e.source);
  out.target = actor(value.target, e.target);
  if (value.actors !== undefined) out.actors = value.actors;
  else if (value.source !== undefined || value.target !== undefined) {
    out.actors = [out.source?.code, out.target?.code].filter((c): c is string => !!c);
  }
  return out;
}

/**
 * Applies `corrections` (oldest first) to the events extracted from `text`. A correction whose
 * span is not the text it was made on, or that names an event the extraction no longer has, is
 * `unmatched` with the reason; nothing is dropped silently.
 */
export function applyCorrections(
  text: string,
  extracted: readonly MentionInput[],
  corrections: readonly CorrectionRow[],
): AppliedCorrections {
  let events = [...extracted];
  const split = new Set<MentionInput>();
  const outcomes: CorrectionOutcome[] = [];
  // The extractor's facts of each event, before any correction of this pass changed them.
  const originals = new Map<MentionInput, CorrectionFacts>();
  for (const c of corrections) {
    const { start, end } = c.evidence;
    if (text.slice(start, end) !== c.evidence.text) {
      outcomes.push({
        uid: c.uid,
        status: 'unmatched',
        problem: `the document has no longer '${short(c.evidence.text)}' at ${start}–${end}`,
      });
      continue;
    }
    const at = events.findIndex((e) => e.evidence?.start === start && e.evidence.end === end);
    const target = at >= 0 ? events[at]! : null;
    const original = target ? (originals.get(target) ?? factsOfMention(target)) : null;
    if (c.kind === 'add') {
      if (target) {
        const changed = withFacts(target, c.value);
        events[at] = changed;
        originals.set(changed, original!);
        outcomes.push({
          uid: c.uid,
          status: 'applied',
          problem: null,
          original: same(original!, factsOfMention(changed)) ? undefined : original,
        });
      } else {
        const added: MentionInput = withFacts(
          {
            id: `c-${c.uid}`,
            type: c.value.type ?? 'CONSULT',
            mode: null,
            cameo: null,
            date: null,
            source: null,
            target: null,
            actors: [],
            evidence: { ...c.evidence },
            confidence: 1,
          },
          { ...c.value, type: undefined },
        );
        added.type = c.value.type ?? 'CONSULT';
        added.cameo = c.value.cameo ?? (isPloverType(added.type) ? cameoRoot(added.type) : null);
        events.push(added);
        originals.set(added, factsOfMention(added));
        outcomes.push({ uid: c.uid, status: 'applied', problem: null, original: null });
      }
      continue;
    }
    if (!target) {
      outcomes.push({
        uid: c.uid,
        status: 'unmatched',
        problem: `no event is extracted from '${short(c.evidence.text)}' any more`,
      });
      continue;
    }
    if (c.kind === 'reject') {
      events = events.filter((e) => e !== target);
      outcomes.push({ uid: c.uid, status: 'applied', problem: null, original });
    } else if (c.kind === 'split') {
      split.add(target);
      outcomes.push({ uid: c.uid, status: 'applied', problem: null });
    } else if (c.kind === 'merge') {
      // Performed once the mentions are stored; the store records its outcome.
      outcomes.push({ uid: c.uid, status: 'applied', problem: null });
    } else {
      const changed = withFacts(target, c.value);
      events[at] = changed;
      originals.set(changed, original!);
      if (split.delete(target)) split.add(changed);
      outcomes.push({ uid: c.uid, status: 'applied', problem: null, original });
    }
  }
  return { events, split, outcomes };
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

// From triggers to events: each trigger with its clause's participants, date and modality becomes
// an event (what happened), a prospect (what was planned, proposed, hoped for or is pending), or
// both (a promise is an AGREE event and a plan). Mentions of one event in a document are merged.
// The decisions are the refiners of `refiners/index.ts`, run here in their order.
import type { ExtractedEvent, ExtractedProspect } from '../types.ts';
import { EVENT_REFINERS } from './refiners/index.ts';
import {
  labelOf,
  triggerState,
  type BuildContext,
  type DocumentRefiner,
  type DocumentState,
  type EventRefiner,
  type SentenceRefiner,
  type SentenceState,
  type TriggerRefiner,
} from './refiners/state.ts';

export type { BuildContext, TraceFn } from './refiners/state.ts';

/** The refiners of each scope, in order; throws (a bug) when a scope comes after a later one. */
function byScope(list: readonly EventRefiner[]): {
  sentence: SentenceRefiner[];
  trigger: TriggerRefiner[];
  document: DocumentRefiner[];
} {
  const out = { sentence: [] as SentenceRefiner[], trigger: [] as TriggerRefiner[] };
  const document: DocumentRefiner[] = [];
  const rank = { sentence: 0, trigger: 1, document: 2 } as const;
  let last = 0;
  for (const r of list) {
    if (rank[r.scope] < last) throw new Error(`event refiner ${r.name} is out of scope order`);
    last = rank[r.scope];
    if (r.scope === 'sentence') out.sentence.push(r);
    else if (r.scope === 'trigger') out.trigger.push(r);
    else document.push(r);
  }
  return { ...out, document };
}

/** Builds the events and prospects of a document from its sentences, actors and times. */
export function buildEvents(
  ctx: BuildContext,
  refiners: readonly EventRefiner[] = EVENT_REFINERS,
): { events: ExtractedEvent[]; prospects: ExtractedProspect[] } {
  const scopes = byScope(refiners);
  // Each trace line names the refiner that wrote it.
  let current = '';
  const trace = ctx.trace;
  const doc: DocumentState = {
    ctx,
    text: ctx.text,
    trace: trace && ((line) => trace(`[${current}] ${line}`)),
    actorIndex: 0,
    timeIndex: 0,
    officials: [],
    byObject: new Map(),
    present: null,
    sentenceDay: null,
    entry: null,
    statement: null,
    visit: null,
    candidates: [],
    events: [],
    prospects: [],
  };
  sentences: for (const sentence of ctx.sentences) {
    const s: SentenceState = {
      doc,
      sentence,
      actors: [],
      times: [],
      tokens: [],
      hits: [],
      governed: new Map(),
      heading: null,
      sayings: [],
      layout: { starts: [], commas: [], clauseJoins: [] },
      lastVerb: null,
      leading: null,
    };
    for (const r of scopes.sentence) {
      current = r.name;
      const skip = r.run(s);
      if (skip !== undefined) {
        doc.trace?.(`skip sentence ${sentence.index}: ${skip}`);
        continue sentences;
      }
    }
    for (const hit of s.hits) {
      const t = triggerState(s, hit);
      for (const r of scopes.trigger) {
        current = r.name;
        const drop = r.run(t);
        if (drop !== undefined) {
          doc.trace?.(`drop ${labelOf(t)}: ${drop}`);
          break;
        }
      }
    }
  }
  for (const r of scopes.document) {
    current = r.name;
    r.run(doc);
  }
  return { events: doc.events, prospects: doc.prospects };
}

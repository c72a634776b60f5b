// The extraction pipeline: an ordered list of steps, each adding a layer to the document's
// state. Read top to bottom, this is the whole extractor.
import { findActors, mainPair } from './actors/index.ts';
import { findTimes, formatDate } from './dates/index.ts';
import { findDateline } from './dates/dateline.ts';
import { buildEvents, type TraceFn } from './events/build-events.ts';
import { splitSentences } from './text/sentences.ts';
import { annotateClaims } from './claims/ordinals.ts';
import { findFigures } from './figures/find-figures.ts';
import { findStances } from './stances/find-stances.ts';
import type {
  ActorMention,
  Diagnostic,
  ExtractedEvent,
  ExtractedFigure,
  ExtractedProspect,
  ExtractedStance,
  Sentence,
  TimeMention,
} from './types.ts';

/** The document as the steps see it; each step fills some fields. */
export interface PipelineState {
  text: string;
  title: string | null;
  date: string | null;
  trace?: TraceFn;
  sentences: Sentence[];
  times: TimeMention[];
  actors: ActorMention[];
  pair: [string, string] | null;
  events: ExtractedEvent[];
  prospects: ExtractedProspect[];
  figures: ExtractedFigure[];
  stances: ExtractedStance[];
  diagnostics: Diagnostic[];
}

/** One step of the pipeline. */
export interface Step {
  name: string;
  run(state: PipelineState): void;
}

/** The steps, in order. */
export const steps: Step[] = [
  // Everything else is located by sentence: split first.
  { name: 'sentences', run: (s) => void (s.sentences = splitSentences(s.text)) },
  // A story given no date is dated by its dateline ("TOKYO, March 17, 2023 —") before any
  // "on Tuesday" is resolved.
  {
    name: 'dateline',
    run: (s) => {
      const line = s.date === null ? findDateline(s.text) : null;
      if (!line) return;
      s.date = line.date;
      const span = { start: line.start, end: line.end };
      s.diagnostics.push({
        code: 'dateline',
        message: `the document date ${line.date} was read from its dateline`,
        span,
      });
    },
  },
  // Times before actors and events: "in the same year" needs the dates before it, in text order.
  {
    name: 'times',
    run: (s) => void (s.times = findTimes(s.text, s.sentences, { documentDate: s.date })),
  },
  // Actors need the years of the text to pick which office-holder a title names.
  {
    name: 'actors',
    run: (s) =>
      void (s.actors = findActors(s.text, s.sentences, { title: s.title, documentDate: s.date })),
  },
  // The main pair resolves "bilateral" events that name one side; it needs all the actors.
  { name: 'pair', run: (s) => void (s.pair = mainPair(s.actors, s.title)) },
  {
    name: 'events',
    run: (s) => {
      const { events, prospects } = buildEvents({ ...s, formatDate, trace: s.trace });
      s.events = events;
      s.prospects = prospects;
    },
  },
  // Rank claims after events: a claim is attached to the event it ranks.
  {
    name: 'claims',
    run: (s) => void annotateClaims(s.text, s.events, { ...s, documentDate: s.date }),
  },
  // Figures and stances need times and actors only; after the pair, which dates them to a pair.
  {
    name: 'figures',
    run: (s) => void (s.figures = findFigures(s.text, s.sentences, { ...s, documentDate: s.date })),
  },
  {
    name: 'stances',
    run: (s) => void (s.stances = findStances(s.text, s.sentences, { ...s, documentDate: s.date })),
  },
  // Unresolved time expressions are worth a user's attention: they leave events undated.
  {
    name: 'diagnostics',
    run: (s) => {
      for (const t of s.times) {
        if (!t.value)
          s.diagnostics.push({
            code: 'unresolved-date',
            message: `could not resolve '${t.text}'`,
            span: { start: t.start, end: t.end },
          });
      }
    },
  },
];

/** Runs every step over a fresh state. */
export function runPipeline(
  init: { text: string; title: string | null; date: string | null; trace?: TraceFn },
  list: readonly Step[] = steps,
): PipelineState {
  const state: PipelineState = {
    ...init,
    sentences: [],
    times: [],
    actors: [],
    pair: null,
    events: [],
    prospects: [],
    figures: [],
    stances: [],
    diagnostics: [],
  };
  for (const step of list) {
    step.run(state);
    init.trace?.(`step ${step.name} done`);
  }
  return state;
}

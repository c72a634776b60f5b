// One event per real event: mentions in a document with the same type, trigger, participants and
// compatible dates merge when they repeat each other's wording or name (merge-mentions.ts in
// events/); the most precisely dated one is the evidence, the others its `mentions`.
import { mergeMentions as merge } from '../merge-mentions.ts';
import type { DocumentRefiner } from './state.ts';

/** Merges the document's candidates into its events and prospects. */
export const mergeMentions: DocumentRefiner = {
  name: 'merge-mentions',
  scope: 'document',
  run(d) {
    const { events, prospects } = merge(d.candidates, d.ctx.formatDate, d.trace);
    d.events = events;
    d.prospects = prospects;
  },
};

// Each mention becomes a candidate: an event when the act is coded, a prospect when it states
// one, or both (a promise is an AGREE event and a plan). Confidence grows with two parties and a
// verb, and falls when the parties come from the document's pair rather than the words.
import type { Candidate } from '../merge-mentions.ts';
import { labelOf, type TriggerRefiner } from './state.ts';

/** Adds the trigger's events and prospects to the document's candidates. */
export const candidates: TriggerRefiner = {
  name: 'candidates',
  scope: 'trigger',
  run(t) {
    const { hit, coded, content, doc } = t;
    const roles = t.roles!;
    const confidence = Math.min(
      0.95,
      0.5 +
        (roles.codes.length > 1 ? 0.2 : 0) +
        (hit.nominal ? 0 : 0.1) +
        (roles.how.includes('pair') ? -0.1 : 0.1),
    );
    const lemma = hit.entry.words;
    for (const { time, evidence, date, planned } of t.mentions) {
      const base = {
        roles,
        evidence,
        lemma,
        name: t.name,
        sentence: t.s.sentence.index,
        date,
        planned,
      };
      if (coded) {
        // Written out rather than spread (same keys, same order): this runs for every mention.
        const event: Candidate = {
          roles,
          evidence,
          lemma,
          name: base.name,
          sentence: base.sentence,
          date,
          planned,
          kind: 'event',
          prospectKind: null,
          type: coded.type,
          mode: coded.mode,
          cameo: coded.cameo,
          confidence,
          negated: t.modality.modality === 'negated',
        };
        doc.candidates.push(event);
        if (doc.trace) {
          const m = t.modality;
          const from =
            coded.type !== hit.entry.type ? ` (from ${hit.entry.type}, ${m.modality})` : '';
          const cues = m.cues.length ? ` cues: ${m.cues.join(', ')}` : '';
          doc.trace(
            `event ${coded.type}${from} ${labelOf(t)} roles: ${roles.how} ` +
              `[${roles.codes.join(', ')}] date: ${time ? time.text : 'none'}${cues}`,
          );
        }
      }
      if (content) {
        doc.candidates.push({
          ...base,
          kind: 'prospect',
          prospectKind: content.kind,
          type: content.type,
          mode: hit.entry.mode,
          cameo: hit.entry.cameo,
          confidence,
          negated: false,
        });
        doc.trace?.(
          `prospect ${content.kind} ${content.type} ${labelOf(t)} [${roles.codes.join(', ')}]`,
        );
      }
    }
    return undefined;
  },
};

// PLOVER's coding of intentions (transform.ts): negated cooperation is REJECT, a future or
// promised cooperative act AGREE, an announced or conditional hostile act THREATEN, "must" a
// REQUEST; a pending deal or a hope is a prospect only. A promise of a hostile act is a threat
// ("vowed to retaliate", "swore to fight on").
import type { ModalityReading } from '../modality.ts';
import { codeFor, isHostile } from '../transform.ts';
import type { ProspectKind } from '../../types.ts';
import { labelOf, type TriggerRefiner } from './state.ts';

const PROMISE = /^(promise|pledge|vow|commit|swear)$/;

function prospectKind(m: ModalityReading): ProspectKind | null {
  if (m.pending) return 'pending';
  if (m.modality === 'future') return 'plan';
  if (m.modality === 'hypothetical') return 'hope';
  return null;
}

/** Sets the event coding and the prospect kind the modality gives. */
export const codeByModality: TriggerRefiner = {
  name: 'code-by-modality',
  scope: 'trigger',
  run(t) {
    const { hit, modality: m } = t;
    const kind = prospectKind(m);
    t.prospectKind = kind;
    const promisesHarm =
      PROMISE.test(hit.entry.words) &&
      [...t.s.governed].some(([b, g]) => g === hit && isHostile(b.entry.type));
    t.coded =
      kind === 'pending' || kind === 'hope'
        ? null
        : promisesHarm
          ? { type: 'THREATEN' as const, mode: null, cameo: '138' }
          : codeFor(hit.entry.type, hit.entry.mode, hit.entry.cameo, m);
    if (t.doc.trace && t.coded?.type !== hit.entry.type) {
      const why = promisesHarm ? 'a promise of a hostile act' : m.modality;
      const cues = m.cues.length ? ` (${m.cues.join(', ')})` : '';
      t.doc.trace(`change ${labelOf(t)}: ${t.coded ? t.coded.type : 'no event'}, ${why}${cues}`);
    }
    return undefined;
  },
};

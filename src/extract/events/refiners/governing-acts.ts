// A trigger that is the content, purpose, object or circumstance of an earlier one ("urged X *to
// support* Y", "rejected an *offer* to host", "*after* clashes") is no event of its own: PLOVER
// codes the governing act (subordinate.ts).
import { subordinate } from '../subordinate.ts';
import type { SentenceRefiner } from './state.ts';

/** Drops the governed triggers; keeps which trigger governs each, for `code-by-modality`. */
export const governingActs: SentenceRefiner = {
  name: 'governing-acts',
  scope: 'sentence',
  run(s) {
    const { text, trace } = s.doc;
    s.governed = subordinate(s.hits, s.tokens, text);
    if (!s.governed.size) return undefined;
    if (trace) {
      for (const [hit] of s.governed) {
        const words = text.slice(s.tokens[hit.first]!.start, s.tokens[hit.last]!.end);
        trace(`drop ${hit.entry.type} '${words}': the content or purpose of an earlier trigger`);
      }
    }
    s.hits = s.hits.filter((h) => !s.governed.has(h));
    return undefined;
  },
};

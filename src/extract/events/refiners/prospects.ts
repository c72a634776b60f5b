// What an act states about the future: a plan or hope (from its modality), a proposal ("propose",
// "call for": the act is a REQUEST event, its content a prospect), a pending deal (expressions of
// interest). A proposal's or an interest's content is cooperation unless a trigger says otherwise.
import type { TriggerRefiner } from './state.ts';

// Speech acts whose content is a proposal.
const PROPOSING = /^(propose|proposal|suggest|call for)$/;
// Expressions of interest: the deal they aim at is pending.
const INTEREST = /interest$/;

/** Sets the prospect the trigger states, if any. */
export const prospects: TriggerRefiner = {
  name: 'prospects',
  scope: 'trigger',
  run(t) {
    const lemma = t.hit.entry.words;
    const proposing = PROPOSING.test(lemma);
    const interest = INTEREST.test(lemma);
    const kind = t.prospectKind ?? (proposing ? 'proposal' : interest ? 'pending' : null);
    if (kind) t.content = { kind, type: proposing || interest ? 'COOPERATE' : t.hit.entry.type };
    return undefined;
  },
};

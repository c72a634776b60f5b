// A titled person the office-holders do not list, named without a state ("Defense Minister Ana
// Ruiz"). Only where the phrase itself says whose: a list of one state's officials, or an
// apposition to a state's office. Elsewhere (a sentence's subject, the nearest state) the guess
// lost events on the held-out documents, where the document's pair is the better default.
import { sentenceIndexAt } from '../text/sentences.ts';
import type { ActorMention, Sentence, Span } from '../types.ts';
import { fold, gazetteer } from './gazetteer.ts';

/** A title and the name after it, with no state read. */
export interface Unqualified extends Span {
  person: string;
}

/** Adds a mention for each unqualified official whose state the context gives. */
export function withUnqualifiedOfficials(
  text: string,
  sents: Sentence[],
  mentions: ActorMention[],
  list: Unqualified[],
  isTitle: (key: string) => boolean,
): ActorMention[] {
  if (list.length === 0) return mentions;
  const added: ActorMention[] = [];
  for (const u of list) {
    const si = sentenceIndexAt(sents, u.start);
    const from = sents[si]?.start ?? 0;
    // "Ukrainian Foreign Minister A; Defense Minister B": a list of one state's officials; "the
    // spokesperson for Pakistan's foreign ministry, Ambassador X": an apposition to an office.
    // Not after "and" or a list's comma, which may join another state's ("Chinese Foreign
    // Minister A, Secretary of State B and …").
    const prev = mentions.filter((m) => m.start >= from && m.end <= u.start).at(-1);
    const gap = prev ? text.slice(prev.end, u.start) : '';
    const office = !!prev?.person && isTitle(fold(prev.person));
    const found =
      prev?.how === 'official' && (/^\s*;\s+$/.test(gap) || (office && /^,\s+$/.test(gap)))
        ? prev
        : undefined;
    if (!found) continue;
    added.push({
      start: u.start,
      end: u.end,
      text: text.slice(u.start, u.end),
      code: found.code,
      kind: gazetteer.kinds.get(found.code) ?? 'state',
      how: 'official',
      codes: [found.code],
      person: u.person,
    });
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

// The canonical grouping of one merge key's mentions into events (issue 15: merging does not
// depend on ingest order). A greedy merge that lets each new mention join the best event stored
// so far groups by arrival: "signed in 2001" joins whichever dated agreement of 2001 came first.
// Here the mentions are taken in a fixed order, most precise date first, then by document (its
// content hash) and offset, and each joins the best group formed so far by the same rule the
// store's merge applies; so the same mentions give the same groups in whatever order they came.
// A pure function: the store reads a key's overlapping mentions and writes the groups back.
import { sameEventAsMentions, type MentionFacts } from './same-event.ts';

/** A stored mention as the grouping reads it. */
export interface GroupedMention extends MentionFacts {
  id: number;
  documentId: string;
  /** Where its evidence starts in its document (-1 without evidence). */
  start: number;
  extractionId: string;
  /** First and last day (days since 1970-01-01), null when undated. */
  first: number | null;
  last: number | null;
}

/** One event of the grouping: its mentions in canonical order. */
export interface MentionGroup {
  members: GroupedMention[];
  /** The narrowest member's days: what the event is dated by, and what a candidate must meet. */
  first: number | null;
  last: number | null;
}

const width = (m: { first: number | null; last: number | null }) =>
  m.first === null || m.last === null ? Infinity : m.last - m.first;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The fixed order mentions are grouped in: narrowest date first, then document, offset, id. */
export function canonicalOrder(a: GroupedMention, b: GroupedMention): number {
  const w = width(a) - width(b);
  if (w) return w;
  return (
    cmp(a.documentId, b.documentId) || a.start - b.start || cmp(a.extractionId, b.extractionId)
  );
}

// What the merge compares a candidate with: each distinct statement of the event, at most `cap`.
const statementOf = (m: MentionFacts) =>
  JSON.stringify([m.evidenceText, m.date, m.source, m.target]);

/**
 * Groups the mentions of one merge key (same sorted pair, type and negation), given whole: every
 * stored mention whose dates overlap another's is among them. A mention joins the group with the
 * best `sameEventAsMentions` verdict among those whose date it meets and that hold no mention of
 * its own document (within a document the extractor has merged what is one); else it starts one.
 * `cap` bounds the statements of a group a mention is compared with, as the store's merge does.
 */
export function groupMentions(mentions: readonly GroupedMention[], cap = 50): MentionGroup[] {
  const groups: (MentionGroup & {
    documents: Set<string>;
    statements: MentionFacts[];
    seen: Set<string>;
  })[] = [];
  for (const m of [...mentions].sort(canonicalOrder)) {
    let best: { group: (typeof groups)[number]; score: number } | null = null;
    for (const g of groups) {
      if (g.documents.has(m.documentId)) continue;
      const meets =
        m.first === null || g.first === null
          ? m.first === null && g.first === null
          : g.first <= m.last! && g.last! >= m.first;
      if (!meets) continue;
      const verdict = sameEventAsMentions(m, g.statements, g.members[0]!);
      if (verdict.same && (!best || verdict.score > best.score))
        best = { group: g, score: verdict.score };
    }
    const statement = statementOf(m);
    if (!best) {
      groups.push({
        members: [m],
        first: m.first,
        last: m.last,
        documents: new Set([m.documentId]),
        statements: [m],
        seen: new Set([statement]),
      });
      continue;
    }
    const g = best.group;
    g.members.push(m);
    g.documents.add(m.documentId);
    // Mentions come narrowest first: a later one narrows the group only when strictly narrower.
    if (width(m) < width(g)) {
      g.first = m.first;
      g.last = m.last;
    }
    if (g.statements.length < cap && !g.seen.has(statement)) {
      g.statements.push(m);
      g.seen.add(statement);
    }
  }
  return groups.map(({ members, first, last }) => ({ members, first, last }));
}

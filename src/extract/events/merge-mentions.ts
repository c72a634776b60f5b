// Merging the mentions of one event inside a document: same kind, type, trigger and participants,
// compatible dates, and the same wording or name. The most precisely dated mention is the evidence.
import type {
  DateValue,
  EventActor,
  ExtractedEvent,
  ExtractedProspect,
  Evidence,
  PloverType,
  ProspectKind,
  ActorMention,
} from '../types.ts';
import type { Roles } from './roles.ts';
import { closedClasses } from '../text/closed-class.ts';

/** One event or prospect before merging, with what it was built from. */
export interface Candidate {
  kind: 'event' | 'prospect';
  prospectKind: ProspectKind | null;
  type: PloverType;
  mode: string | null;
  cameo: string;
  date: DateValue | null;
  roles: Roles;
  evidence: Evidence;
  confidence: number;
  negated: boolean;
  /** The lexicon words of the trigger, so mentions of one event merge only with their own kind. */
  lemma: string;
  /** The content words of the evidence, for comparing wordings. */
  words?: Set<string>;
  /** The event's proper name when the trigger is part of one ("Khojaly Massacre"), lowercased. */
  name: string | null;
  sentence: number;
  /** For a plan: when it is to happen. */
  planned: DateValue | null;
}

function actorOf(m: ActorMention | null, code?: string): EventActor | null {
  if (!m) return null;
  return { code: code ?? m.code, text: m.text };
}

const PRECISION_RANK = { day: 3, month: 2, year: 1 } as const;

function compatible(a: DateValue | null, b: DateValue | null): boolean {
  if (!a || !b) return true;
  return (a.first >= b.first && a.last <= b.last) || (b.first >= a.first && b.last <= a.last);
}

// Words that say nothing of what a mention is about (of three letters or more). Of the
// prepositions only the three commonest: "against", "into", "between" say who acts on whom.
const STOP = closedClasses(
  ['determiner', 'possessive', 'pronoun', 'coordinator', 'relative', 'be', 'have'],
  ['for', 'with', 'from', 'also'],
);

function words(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .match(/[\p{L}\p{N}]{3,}/gu)
      ?.filter((w) => !STOP.has(w)) ?? [],
  );
}

/**
 * Two mentions of one event repeat its wording ("the first country to recognize Azerbaijan") or
 * its name ("the Khojaly Massacre"); two visits by different people in the same essay do not.
 */
function sameWording(a: Candidate, b: Candidate): boolean {
  if (a.name && a.name === b.name) return true;
  const x = (a.words ??= words(a.evidence.text));
  const y = (b.words ??= words(b.evidence.text));
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(1, Math.min(x.size, y.size)) >= 0.5;
}

function moreInformative(a: Candidate, b: Candidate): Candidate {
  if (a.date && !b.date) return a;
  if (b.date && !a.date) return b;
  if (a.date && b.date && PRECISION_RANK[b.date.precision] > PRECISION_RANK[a.date.precision])
    return b;
  return a;
}

/** Merges the mentions of one event inside the document: same kind, type, trigger and participants, compatible dates. */
export function mergeMentions(
  candidates: Candidate[],
  formatDate: (v: DateValue) => string,
  trace?: (line: string) => void,
): { events: ExtractedEvent[]; prospects: ExtractedProspect[] } {
  // Linear in the number of candidates: each group keeps what the checks need (its most and
  // least precise dates, its first wording, the sentences of its dated members).
  interface Group {
    head: Candidate;
    first: Candidate;
    widest: Candidate;
    members: Candidate[];
    datedSentences: Set<number>;
  }
  const groups: Group[] = [];
  const byKey = new Map<string, Group[]>();
  const bySentence = new Map<string, Group>();
  for (const c of candidates) {
    // A sentence states one prospect of a kind between the same parties ("expressed interest in
    // buying …" is one pending deal, whichever trigger said it).
    const key =
      c.kind === 'prospect'
        ? `prospect ${c.prospectKind} ${c.sentence} ${[...c.roles.codes].sort().join('+')}`
        : `${c.kind} ${c.type} ${c.lemma} ${[...c.roles.codes].sort().join('+')}`;
    const same = byKey.get(key) ?? [];
    // Two words for one act in one sentence, same parties and same date ("agreed … and signed
    // … in 2003"): one event, whatever the trigger.
    const sentenceKey =
      c.date && c.kind === 'event'
        ? `${c.type} ${[...c.roles.codes].sort().join('+')} ${c.sentence} ${c.date.first}/${c.date.last}`
        : null;
    const group =
      (sentenceKey ? bySentence.get(sentenceKey) : undefined) ??
      same.find(
        (g) =>
          compatible(g.head.date, c.date) &&
          compatible(g.widest.date, c.date) &&
          (sameWording(g.first, c) || sameWording(g.head, c)) &&
          // Two dated mentions in one sentence are two events ("in 2015 and 2016").
          !(c.date && g.datedSentences.has(c.sentence)),
      );
    if (group) {
      group.members.push(c);
      group.head = moreInformative(group.head, c);
      if (
        c.date &&
        (!group.widest.date ||
          (c.date.first <= group.widest.date.first && c.date.last >= group.widest.date.last))
      )
        group.widest = c;
      if (c.date) group.datedSentences.add(c.sentence);
      trace?.(`merge ${c.type} @${c.evidence.start} into @${group.head.evidence.start}`);
    } else {
      const g: Group = {
        head: c,
        first: c,
        widest: c,
        members: [c],
        datedSentences: new Set(c.date ? [c.sentence] : []),
      };
      groups.push(g);
      same.push(g);
      byKey.set(key, same);
      if (sentenceKey) bySentence.set(sentenceKey, g);
    }
  }
  const events: ExtractedEvent[] = [];
  const prospects: ExtractedProspect[] = [];
  for (const { head, members } of groups) {
    const codes = head.roles.codes;
    // A pair read from the document, not from words ("relations were restored"), has no text.
    const source =
      actorOf(head.roles.source, codes[0]) ?? (codes[0] ? { code: codes[0], text: '' } : null);
    // The target the roles name ("Denmark and the Netherlands gave Ukraine …": Ukraine), else the second code.
    const named = head.roles.target?.code;
    const targetCode =
      (named && named !== codes[0] && codes.includes(named) ? named : null) ??
      codes.find((c) => c !== codes[0]) ??
      null;
    const target = targetCode
      ? (actorOf(head.roles.target, targetCode) ?? { code: targetCode, text: '' })
      : null;
    const others = members.filter((m) => m !== head).map((m) => m.evidence);
    const record = {
      type: head.type,
      mode: head.mode,
      cameo: head.cameo,
      date: head.date ? formatDate(head.date) : null,
      source,
      target,
      actors: codes,
      evidence: head.evidence,
      confidence:
        Math.round(Math.min(0.95, head.confidence + 0.05 * (members.length - 1)) * 100) / 100,
      ...(others.length ? { mentions: others } : {}),
    };
    if (head.kind === 'event')
      events.push({ id: '', ...record, ...(head.negated ? { negated: true } : {}) });
    else
      prospects.push({
        id: '',
        kind: head.prospectKind!,
        ...record,
        ...(head.planned ? { planned: formatDate(head.planned) } : {}),
      });
  }
  const byPosition = (
    a: { date: string | null; evidence: Evidence },
    b: { date: string | null; evidence: Evidence },
  ) => a.evidence.start - b.evidence.start;
  events.sort(byPosition).forEach((e, i) => (e.id = `e${i + 1}`));
  prospects.sort(byPosition).forEach((p, i) => (p.id = `p${i + 1}`));
  return { events, prospects };
}

// Treebank sentences turned into what the trainers read, and the seeded shuffles that keep
// training deterministic.
import type { ConlluSentence } from './conllu.ts';
import { atomsOf, UPOS, type WordAtoms } from './words.ts';

/** A treebank sentence as numbers: forms, atoms, gold tags, heads (root = n) and relations. */
export interface GoldSentence {
  forms: string[];
  atoms: WordAtoms;
  tags: Uint8Array;
  heads: Int32Array;
  deprels: string[];
}

const UPOS_INDEX = new Map<string, number>(UPOS.map((t, i) => [t, i]));

/** The index of a UPOS tag, X for anything unknown. */
export const uposIndex = (t: string) => UPOS_INDEX.get(t) ?? UPOS_INDEX.get('X')!;

/** The gold sentences of a treebank (sentences without words are skipped). */
export function goldSentences(sentences: readonly ConlluSentence[]): GoldSentence[] {
  const out: GoldSentence[] = [];
  for (const s of sentences) {
    const n = s.words.length;
    if (!n) continue;
    const forms = s.words.map((w) => w.form);
    out.push({
      forms,
      atoms: atomsOf(forms),
      tags: Uint8Array.from(s.words, (w) => uposIndex(w.upos)),
      heads: Int32Array.from(s.words, (w) => (w.head <= 0 ? n : w.head - 1)),
      deprels: s.words.map((w) => w.deprel),
    });
  }
  return out;
}

/** mulberry32: a small seeded generator, so shuffles are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The order of epoch `epoch` over `n` items: a Fisher–Yates shuffle seeded by seed and epoch. */
export function shuffled(n: number, seed: number, epoch: number): number[] {
  const rand = seeded(seed * 1000003 + epoch);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

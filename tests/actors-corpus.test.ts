import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findActors } from '../src/extract/actors/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

// The essay is corpus/azerbaijan-pakistan.txt; its gold and the PLOVER gold sentences are copies
// under tests/fixtures/ (see the README there for their sources and licences).
const FIXTURES = new URL('./fixtures/', import.meta.url);

describe('actors on the seed essay', () => {
  const text = readFileSync(new URL('../corpus/azerbaijan-pakistan.txt', import.meta.url), 'utf8');
  const gold = readFileSync(new URL('essay/seed.gold.jsonl', FIXTURES), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(
      (l) =>
        JSON.parse(l) as {
          id: string;
          actors: string[] | string[][];
          start: number;
          end: number;
          optional?: boolean;
          hard?: boolean;
        },
    );
  const mentions = findActors(text, splitSentences(text), { documentDate: '2021-06-16' });

  it('finds, inside or right around each gold evidence span, the actors it needs', () => {
    const missing: string[] = [];
    for (const g of gold) {
      if (g.optional || g.hard) continue;
      const sets = Array.isArray(g.actors[0]) ? (g.actors as string[][]) : [g.actors as string[]];
      // The evidence sentence plus the one before: a pronoun or "the two countries" resolves there.
      const found = new Set(
        mentions.filter((m) => m.end > g.start - 300 && m.start < g.end).flatMap((m) => m.codes),
      );
      if (!sets.some((set) => set.every((c) => found.has(c)))) missing.push(g.id);
    }
    expect(missing).toEqual([]);
  });

  it('codes the essay’s named actors', () => {
    const codes = new Set(mentions.map((m) => m.code));
    for (const c of ['AZE', 'PAK', 'ARM', 'SUN', 'AFG', 'IRN', 'CHN', 'TUR', 'IND', 'UN', 'OIC'])
      expect(codes).toContain(c);
    expect(mentions.filter((m) => m.how === 'organisation').map((m) => m.text)).toEqual([
      'United Nations Security Council',
      'Organization of Islamic Cooperation',
    ]);
  });
});

interface GoldSentence {
  id: string;
  text: string;
  source: { actorText: string; code: string }[] | string;
}

// Gold quirks: ITL and VTN are typos for ITA and VNM; IGO means any intergovernmental body.
const FIX: Record<string, string> = { ITL: 'ITA', VTN: 'VNM' };

describe('actors on PLOVER gold sentences', () => {
  const data = JSON.parse(
    readFileSync(new URL('plover/PLOVER_GSR_dev.json', FIXTURES), 'utf8'),
  ) as GoldSentence[];

  it('finds most gold source actors (share reported)', () => {
    let total = 0;
    let hit = 0;
    const misses: string[] = [];
    for (const s of data) {
      if (!Array.isArray(s.source)) continue;
      const found = findActors(s.text, splitSentences(s.text), { documentDate: null });
      for (const a of s.source) {
        if (a.code === 'NGO' || a.code === 'IMG') continue;
        total++;
        const code = FIX[a.code] ?? a.code;
        const ok =
          code === 'IGO'
            ? found.some((m) => m.kind === 'organisation')
            : found.some((m) => m.codes.includes(code));
        if (ok) hit++;
        else misses.push(`${a.code} ${a.actorText}`);
      }
    }
    const share = hit / total;
    console.log(
      `PLOVER GSR dev: ${hit}/${total} gold source actors found (${(share * 100).toFixed(1)}%); misses: ${misses.join(' | ')}`,
    );
    expect(share).toBeGreaterThan(0.85);
  });
});

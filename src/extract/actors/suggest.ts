// The known actors nearest to a name the gazetteer does not know, for "did you mean": every
// country or organisation with a name, demonym or capital that contains the query's words
// ("Korea" → South Korea, North Korea), else one a typo or two away ("Pakistn" → Pakistan).
import { editDistance, typoLimit } from '../text/edit-distance.ts';
import { fold, gazetteer } from './gazetteer.ts';

const SUGGESTIBLE = new Set(['name', 'demonym', 'capital', 'organisation']);

/** Up to `max` codes with their display names, nearest first; none when nothing is near. */
export function suggestActors(query: string, max = 4): { code: string; name: string }[] {
  const q = fold(query.trim());
  if (!q) return [];
  const words = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const limit = typoLimit(q);
  const best = new Map<string, number>();
  for (const form of gazetteer.forms) {
    if (!form.code || !SUGGESTIBLE.has(form.role)) continue;
    const text = fold(form.text);
    const own = text.split(/[^\p{L}\p{N}]+/u);
    let score: number;
    if (
      words.length &&
      words.every((w) => own.includes(w) || (w.length >= 4 && own.some((o) => o.startsWith(w))))
    ) {
      score = 0;
    } else {
      const d = editDistance(q, text);
      if (d > limit) continue;
      score = d;
    }
    // The display name ranks before other names (official, alternative), and those before a
    // capital or demonym.
    const display = text === fold(gazetteer.names.get(form.code) ?? '');
    const named = form.role === 'name' || form.role === 'organisation';
    const rank = score + (display ? 0 : named ? 0.1 : 0.25);
    if (rank < (best.get(form.code) ?? Infinity)) best.set(form.code, rank);
  }
  return [...best]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([code]) => ({ code, name: gazetteer.names.get(code) ?? code }));
}

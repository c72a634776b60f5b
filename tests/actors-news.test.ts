// Actor mentions in news prose: which words name a participant, and which name a person, a
// place or a group that is no state. Sentences written for each class.
import { describe, expect, it } from 'vitest';
import { findActors } from '../src/extract/actors/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

/** Every mention as "text=CODE" (references with all their codes), in text order. */
function mentions(text: string, date: string | null): string[] {
  return findActors(text, splitSentences(text), { documentDate: date }).map(
    (m) => `${m.text}=${m.codes.join('+')}`,
  );
}

describe('a de facto government is its state in the years it governs', () => {
  const rows: [string, string | null, string[]][] = [
    ['The Taliban barred the envoy from Kabul.', '2024-08-20', ['Taliban=AFG', 'Kabul=AFG']],
    ['The Taleban closed the border on 2 May 1998.', null, ['Taleban=AFG']],
    ['The Islamic Emirate protested to Iran.', '2023-01-05', ['Islamic Emirate=AFG', 'Iran=IRN']],
    [
      'A Taliban foreign ministry spokesman rejected the claim.',
      '2025-02-01',
      ['Taliban foreign ministry spokesman=AFG'],
    ],
    // Out of power: an insurgent group, not coded.
    ['The Taliban attacked a convoy near Kandahar.', '2009-06-01', []],
    ['In 2010 the Taliban attacked a convoy.', '2024-06-01', []],
    // Groups named after the state or the Taliban are neither.
    ['Tehreek-e-Taliban Pakistan claimed the attack.', '2024-06-01', []],
    ['The Pakistani Taliban claimed the attack.', '2024-06-01', []],
  ];
  it.each(rows)('%s (%s)', (text, date, expected) => {
    expect(mentions(text, date)).toEqual(expected);
  });
});

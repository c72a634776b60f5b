// "the 1920s", "From 1920s", "early 2000s", "the mid-1990s", "the '90s". Early is the first four
// years of the decade, mid the next three, late the last three.
import { PART, START, wordAfter, END, LETTER, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

const PARTS: Record<string, [number, number]> = { early: [0, 3], mid: [4, 6], late: [7, 9] };

export const decade: TimeRule = {
  name: 'decade',
  trigger: TRIGGER.decade,
  pattern: new RegExp(
    `(?:${START}${PART}?(1\\d\\d0|20\\d0)|(?<![${LETTER}\\d'’])['’]([0-9])0)['’]?s${END}`,
    'gd',
  ),
  extract(m, { text }) {
    const span = matchSpan(m);
    // "1000s of people" counts; a decade is not followed by "of".
    if (wordAfter(text, span.end).toLowerCase() === 'of') return null;
    const start = m[2] ? Number(m[2]) : 1900 + Number(m[3]) * 10;
    const [a, b] = m[1] ? PARTS[m[1].replace(/[-\s]+$/, '').toLowerCase()]! : [0, 9];
    return { ...span, anchor: 'absolute', value: yearValue(start + a, start + b) };
  },
};

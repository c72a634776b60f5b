// The event stage's refiners (src/extract/events/refiners): one file each, one ordered list, and
// a contract every refiner keeps. A decision in the trace names the refiner that made it.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';
import { buildEvents } from '../src/extract/events/build-events.ts';
import { EVENT_REFINERS } from '../src/extract/events/refiners/index.ts';
import { formatDate } from '../src/extract/dates/index.ts';

const dir = resolve(import.meta.dirname, '..', 'src', 'extract', 'events', 'refiners');
const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

// Written for the contract: every refiner has something to decide in one of these.
const CORPUS: [string, string | null][] = [
  ['Japan urged China to withdraw its ships from the disputed waters.', null],
  ['Norway signed a trade deal with Chile rather than imposing sanctions on it.', null],
  ['Kenya said on Tuesday that it would send troops to Haiti.', '2024-03-08'],
  ['Estonia and Latvia signed a treaty on Monday. Estonia also criticised Latvia.', '2024-03-08'],
  ['Chile and Peru met in 2010. Chile and Peru met again in 2011. Bolivia imposed a curfew.', null],
  ['Ghana and Togo signed an accord next month.', '2024-03-08'],
  ['Chile and Peru met in 2010. Progress in cooperation was slow.', null],
  ['Brazil did not sign the agreement with Argentina.', null],
  [
    '1947: Turkey recognises Pakistan. In 2016, Iran and Oman agreed to a pact, and signed it.',
    null,
  ],
  ['The sanctions were discussed at length.', null],
  ['On Tuesday, Kenya said Somalia had attacked its border posts.', '2024-03-08'],
  ['', null],
];

function run(text: string, date: string | null) {
  const lines: string[] = [];
  const x = extract({ text, date }, { trace: (l) => lines.push(l) });
  return { x, trace: lines };
}

describe('the refiner list', () => {
  it('names are unique, and each refiner lives in the file of its name', () => {
    expect(new Set(EVENT_REFINERS.map((r) => r.name)).size).toBe(EVENT_REFINERS.length);
    const files = readdirSync(dir).filter((f) => f !== 'index.ts' && f !== 'state.ts');
    expect(files.sort()).toEqual(EVENT_REFINERS.map((r) => `${r.name}.ts`).sort());
  });

  it('each refiner is exported under the camel-case of its name', async () => {
    for (const r of EVENT_REFINERS) {
      const mod = (await import(resolve(dir, `${r.name}.ts`))) as Record<string, unknown>;
      expect(mod[camel(r.name)], r.name).toBe(r);
    }
  });

  it('runs sentence refiners, then trigger refiners, then document refiners', () => {
    const rank = { sentence: 0, trigger: 1, document: 2 };
    const ranks = EVENT_REFINERS.map((r) => rank[r.scope]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('refuses a list out of scope order', () => {
    const ctx = { text: '', sentences: [], actors: [], times: [], pair: null, formatDate };
    const reversed = [...EVENT_REFINERS].reverse();
    expect(() => buildEvents(ctx, reversed)).toThrow(/out of scope order/);
  });
});

describe('every refiner, over the corpus', () => {
  const names = new Set(EVENT_REFINERS.map((r) => r.name));
  it.each(CORPUS.map(([t, d], i) => [i, t, d] as const))(
    'text %i: tracing changes nothing, output is deterministic, each decision names its refiner',
    (_i, text, date) => {
      const { x, trace } = run(text, date);
      expect(extract({ text, date })).toEqual(x);
      expect(run(text, date).x).toEqual(x);
      for (const line of trace.filter((l) => l.startsWith('['))) {
        const name = /^\[([a-z-]+)\] /.exec(line)?.[1];
        expect(names.has(name ?? ''), line).toBe(true);
      }
      for (const e of [...x.events, ...x.prospects]) {
        expect(e.evidence.text).toBe(text.slice(e.evidence.start, e.evidence.end));
      }
    },
  );

  it('every decision of the corpus is traced by a refiner of the list', () => {
    const seen = new Set<string>();
    for (const [text, date] of CORPUS)
      for (const l of run(text, date).trace) seen.add(/^\[([a-z-]+)\]/.exec(l)?.[1] ?? '');
    for (const name of [
      'sentence-mentions',
      'governing-acts',
      'modality',
      'no-participant',
      'story-present',
      'other-side-from-pair',
      'code-by-modality',
      'two-parties',
      'never-after-report',
      'candidates',
    ])
      expect(seen, name).toContain(name);
  });
});

describe('--explain names the refiner behind each decision', () => {
  it.each([
    [
      'Japan urged China to withdraw its ships from the disputed waters.',
      null,
      "[governing-acts] drop RETREAT 'withdraw': the content or purpose of an earlier trigger",
    ],
    [
      'Norway signed a trade deal with Chile rather than imposing sanctions on it.',
      null,
      "[modality] drop SANCTION 'imposing'",
    ],
    [
      'Chile and Peru met in 2010. Progress in cooperation was slow.',
      null,
      "[no-participant] drop COOPERATE 'cooperation'",
    ],
    [
      'Chile and Peru met in 2010. Chile and Peru met again in 2011. Bolivia imposed a curfew.',
      null,
      "[two-parties] drop COERCE 'imposed'",
    ],
    [
      'Brazil did not sign the agreement with Argentina.',
      null,
      "[code-by-modality] change AGREE 'sign'",
    ],
    [
      'Ghana and Togo signed an accord next month.',
      '2024-03-08',
      "[never-after-report] undate AGREE 'signed'",
    ],
    [
      'Estonia and Latvia signed a treaty on Monday. Estonia also criticised Latvia.',
      '2024-03-08',
      "[story-present] date ACCUSE 'criticised'",
    ],
    [
      'On Tuesday, Kenya said Somalia had attacked its border posts.',
      '2024-03-08',
      "[other-side-from-pair] change ASSAULT 'attacked'",
    ],
  ] as const)('%s', (text, date, want) => {
    const { trace } = run(text, date);
    expect(trace.join('\n')).toContain(want);
  });
});

// The event stage's decisions on the dependency tree, end to end: sentences written for each
// class the clause heuristics miss, with the events they must give and the refiner that decides.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';

function run(text: string, date: string | null = '2019-06-01') {
  const trace: string[] = [];
  const x = extract({ text, date }, { trace: (l) => trace.push(l) });
  const events = x.events.map((e) => `${e.type} ${[...e.actors].sort().join('+')}`);
  return { events, trace: trace.join('\n') };
}

describe('events on the tree', () => {
  it('a fronted circumstance does not swallow the main act, nor lend it its parties', () => {
    const { events, trace } = run(
      "After Norway voiced support for the rebels on Monday, Sweden's envoy was summoned by " +
        'the Norwegian foreign ministry.',
    );
    expect(trace).toContain('[fronted-circumstance] keep');
    expect(trace).toContain(
      "[circumstance-roles] roles of 'voiced' kept to its circumstance clause",
    );
    expect(events).toContain('ACCUSE NOR+SWE');
  });

  it('a list extended past its "and" is every party', () => {
    const { events, trace } = run(
      'Japan and South Korea, along with the Philippines, held naval drills on Thursday.',
    );
    expect(trace).toContain('[roles-on-tree]');
    expect(events).toEqual(['COOPERATE JPN+KOR+PHL']);
  });

  it('a governing "no" negates the act: no intention of lifting is a refusal', () => {
    const { events, trace } = run(
      'Russia has no intention of lifting the restrictions on Georgian wine, the Kremlin said.',
    );
    expect(trace).toMatch(/negation/);
    expect(events).toEqual(['REJECT GEO+RUS']);
  });

  it('an act under a condition is no event', () => {
    const { events, trace } = run('If Togo attacks its border posts, Ghana will close the border.');
    expect(trace).toContain("[governed-on-tree] drop ASSAULT 'attacks': the condition");
    expect(events.some((e) => e.startsWith('ASSAULT'))).toBe(false);
  });

  it('the agent of a passive verb is its whole list', () => {
    const { events } = run(
      'The plan was criticised on Monday by French, German, Italian and Spanish diplomats.',
      null,
    );
    expect(events.some((e) => /ESP/.test(e) && /FRA/.test(e) && /DEU/.test(e))).toBe(true);
  });

  it('a sentence with no cue for the tree is not parsed', () => {
    const { trace } = run('Chile condemned the strike on Tuesday and urged Peru to withdraw.');
    expect(trace).not.toMatch(/on the tree|from the tree/);
  });
});

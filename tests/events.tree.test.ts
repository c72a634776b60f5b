// The event stage's reading of the dependency tree (src/extract/events/tree): for a trigger in a
// sentence written for each class, its clause role, its arguments and its modality, with the
// shipped parser (data/models/).
import { describe, expect, it } from 'vitest';
import {
  argumentCovering,
  argumentsOf,
  clausePlace,
  coordinatedPredicates,
  headOfSpan,
  parseSentence,
  polarityOf,
  type SentenceTree,
} from '../src/extract/events/tree/index.ts';

/** The tree of `text` and the predicate word of the first occurrence of `trigger`. */
function at(text: string, trigger: string): { tree: SentenceTree; p: number } {
  const tree = parseSentence(text, 0, text.length);
  const i = text.indexOf(trigger);
  if (i < 0) throw new Error(`no '${trigger}' in '${text}'`);
  return { tree, p: headOfSpan(tree, i, i + trigger.length) };
}

/** "rel:word" for each argument, with "*" when inherited and "<->" when reciprocal. */
function args(text: string, trigger: string): string[] {
  const { tree, p } = at(text, trigger);
  return argumentsOf(tree, p).map(
    (a) =>
      `${a.rel}:${tree.words[a.word]!.text}${a.marker ? `(${a.marker})` : ''}` +
      `${a.inherited ? '*' : ''}${a.reciprocal ? '<->' : ''}`,
  );
}

describe('clause role of a trigger', () => {
  const rows: [string, string, string][] = [
    [
      'After Norway voiced support for the rebels, Sweden summoned its envoy.',
      'voiced',
      'circumstance',
    ],
    ['After Norway voiced support for the rebels, Sweden summoned its envoy.', 'summoned', 'main'],
    ['Chile condemned the strike and urged Peru to withdraw its troops.', 'urged', 'main'],
    ['Chile condemned the strike and urged Peru to withdraw its troops.', 'withdraw', 'content'],
    ['Mali said Niger had violated the ceasefire.', 'violated', 'reported'],
    ['Ghana will retaliate if Togo closes the border.', 'closes', 'condition'],
    ['Moscow has no intention of lifting the restrictions.', 'lifting', 'content'],
    ['Because Iran seized the tanker, Britain summoned its envoy.', 'seized', 'circumstance'],
    ['Kenya sent troops to Somalia to fight the militants.', 'fight', 'purpose'],
  ];
  it.each(rows)('%s [%s] is %s', (text, trigger, role) => {
    const { tree, p } = at(text, trigger);
    expect(clausePlace(tree, p).role).toBe(role);
  });
});

describe('arguments of a trigger', () => {
  const rows: [string, string, string[]][] = [
    // A conjunct shares its first conjunct's subject.
    [
      'Chile condemned the strike and urged Peru to withdraw.',
      'urged',
      ['subject:Chile*', 'object:Peru'],
    ],
    // A passive's patient and its agent.
    ['The accord was signed by Kenya and Uganda.', 'signed', ['patient:accord', 'agent:Kenya(by)']],
    // A list of countries is one subject.
    [
      'Brazil, Argentina and Paraguay signed the pact.',
      'signed',
      ['subject:Brazil', 'object:pact'],
    ],
    // "each other" stands for the subject's parties.
    ['Ghana and Togo accused each other of lying.', 'accused', ['subject:Ghana', 'object:each<->']],
    // An oblique keeps its case marker.
    [
      'Japan imposed sanctions on Iran.',
      'imposed',
      ['subject:Japan', 'object:sanctions', 'oblique:Iran(on)'],
    ],
    [
      'India held talks with Nepal.',
      'held',
      ['subject:India', 'object:talks', 'oblique:Nepal(with)'],
    ],
  ];
  it.each(rows)('%s [%s]', (text, trigger, want) => {
    expect(args(text, trigger)).toEqual(want);
  });

  it('reaches every member of a coordinated list', () => {
    const text = 'Brazil, Argentina and Paraguay signed the pact.';
    const { tree, p } = at(text, 'signed');
    const all = argumentsOf(tree, p);
    for (const name of ['Brazil', 'Argentina', 'Paraguay']) {
      const i = text.indexOf(name);
      expect(argumentCovering(tree, all, { start: i, end: i + name.length })?.rel).toBe('subject');
    }
    const i = text.indexOf('pact');
    expect(argumentCovering(tree, all, { start: i, end: i + 4 })?.rel).toBe('object');
  });

  it('lists the predicates coordinated with a trigger', () => {
    const { tree, p } = at('Chile condemned the strike and urged Peru to withdraw.', 'condemned');
    expect(coordinatedPredicates(tree, p).map((i) => tree.words[i]!.text)).toEqual([
      'condemned',
      'urged',
    ]);
  });
});

describe('negation and modality of a trigger', () => {
  const rows: [string, string, string][] = [
    ['Moscow has no intention of lifting the restrictions.', 'lifting', 'negated'],
    ['Chad did not recognize the new government.', 'recognize', 'negated'],
    ['Peru refused to sign the accord.', 'sign', 'negated'],
    ['Investors can take advantage by investing in Laos.', 'investing', 'hypothetical'],
    ['Oman will host the talks next week.', 'host', 'future'],
    ['Iraq must pay compensation to Kuwait.', 'pay', 'obligation'],
    ['Chile condemned the strike and urged Peru to withdraw.', 'urged', 'asserted'],
    ['Mali said Niger had violated the ceasefire.', 'violated', 'asserted'],
  ];
  it.each(rows)('%s [%s] is %s', (text, trigger, modality) => {
    const { tree, p } = at(text, trigger);
    expect(polarityOf(tree, p).modality).toBe(modality);
  });
});

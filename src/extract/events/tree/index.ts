// The event stage on the dependency tree: where a trigger stands, its arguments, its modality.
export { argumentCovering, argumentsOf, argumentWords, isPassive } from './arguments.ts';
export type { Argument, ArgumentRel } from './arguments.ts';
export { clausePlace, coordinatedPredicates } from './clause-role.ts';
export type { ClausePlace, ClauseRole } from './clause-role.ts';
export { polarityOf } from './polarity.ts';
export type { Polarity, TreeModality } from './polarity.ts';
export { headOfSpan, parseSentence, treeOf } from './sentence-tree.ts';
export type { SentenceTree, TreeWord } from './sentence-tree.ts';

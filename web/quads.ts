// Colours and labels of PLOVER's quad classes: cooperation in blues and greens, conflict in
// oranges and reds, so the timeline reads at a glance.
import type { QuadClass } from '../src/codes/plover.ts';

/** The quad classes in the order the legend and the lanes use: cooperation first. */
export const QUADS: readonly QuadClass[] = [
  'verbal-cooperation',
  'material-cooperation',
  'verbal-conflict',
  'material-conflict',
];

/** Fill colour of each quad class (WCAG AA against white for the legend text next to it). */
export const QUAD_COLOR: Record<QuadClass, string> = {
  'verbal-cooperation': '#2b6cb0',
  'material-cooperation': '#2f855a',
  'verbal-conflict': '#c05621',
  'material-conflict': '#c53030',
};

/** Words for a quad class. */
export const QUAD_LABEL: Record<QuadClass, string> = {
  'verbal-cooperation': 'Verbal cooperation',
  'material-cooperation': 'Material cooperation',
  'verbal-conflict': 'Verbal conflict',
  'material-conflict': 'Material conflict',
};

/** True when `s` is a quad class name. */
export function isQuad(s: string): s is QuadClass {
  return (QUADS as readonly string[]).includes(s);
}

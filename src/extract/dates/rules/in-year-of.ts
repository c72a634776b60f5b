// Placing a yearless date ("5 March", "in March") in the year of its reference.
import type { DateValue } from '../../types.ts';
import { firstDay, lastDay } from '../value.ts';

/**
 * A resolver for a yearless date: in the reference's year when the reference lies within one
 * year; against a one-day reference (the document date) the nearest occurrence on or before it,
 * or on or after it for a sentence about the future.
 */
export function inYearOf(
  make: (year: number) => DateValue | null,
  future: boolean,
): (reference: DateValue) => DateValue | null {
  return (reference) => {
    const a = firstDay(reference);
    if (a.y !== lastDay(reference).y) return null;
    const value = make(a.y);
    if (!value || reference.precision !== 'day') return value;
    if (future) return value.last < reference.first ? make(a.y + 1) : value;
    return value.first > reference.last ? make(a.y - 1) : value;
  };
}

// Every date rule, in priority order. Where two findings overlap, the longer wins; on equal
// spans, the earlier rule here wins. So each group is ordered from the most specific reading to
// the least.
import type { TimeRule } from '../rule.ts';
import { attributiveYear } from './attributive-year.ts';
import { century } from './century.ts';
import { clauseOffset } from './clause-offset.ts';
import { crossMonthRange } from './cross-month-range.ts';
import { dayMonthYear } from './day-month-year.ts';
import { dayMonth } from './day-month.ts';
import { decade } from './decade.ts';
import { deicticSpan } from './deictic-span.ts';
import { dayPart } from './day-part.ts';
import { deicticUnit } from './deictic-unit.ts';
import { eraYear } from './era-year.ts';
import { eventAcronym } from './event-acronym.ts';
import { eventNameYear } from './event-name-year.ts';
import { eventOffset } from './event-offset.ts';
import { eventTime } from './event-time.ts';
import { isoDate } from './iso-date.ts';
import { monthAlone } from './month-alone.ts';
import { monthDayYear } from './month-day-year.ts';
import { monthYear } from './month-year.ts';
import { numericDate } from './numeric-date.ts';
import { relativeMonth } from './relative-month.ts';
import { samePeriod } from './same-period.ts';
import { seasonYear } from './season-year.ts';
import { shiftedPeriod } from './shifted-period.ts';
import { statementYear } from './statement-year.ts';
import { vagueRecent } from './vague-recent.ts';
import { visitLength } from './visit-length.ts';
import { weekday } from './weekday.ts';
import { yearInContext } from './year-in-context.ts';
import { lastSeason } from './last-season.ts';
import { leadingYear } from './leading-year.ts';
import { yearPart } from './year-part.ts';
import { yearRange } from './year-range.ts';

export const TIME_RULES: readonly TimeRule[] = [
  // Written dates first: their spans contain the years and months the later rules would take.
  isoDate,
  numericDate,
  crossMonthRange,
  monthDayYear,
  dayMonthYear,
  monthYear,
  seasonYear,
  // Years, coarsest reading last: a range or a decade before a lone year.
  yearRange,
  decade,
  century,
  yearPart,
  eventNameYear,
  eraYear,
  yearInContext,
  leadingYear,
  // A year before a statement noun: the statement's, which the event stage reads by its role.
  statementYear,
  attributiveYear,
  // Dates that need a year from elsewhere.
  dayMonth,
  monthAlone,
  weekday,
  // "last year" is the calendar year before the document's, even after "in" (deictic-span
  // would read "in last year" as the twelve months back).
  deicticUnit,
  dayPart,
  lastSeason,
  deicticSpan,
  samePeriod,
  shiftedPeriod,
  // "the following March": longer than month-alone's "March", which it contains.
  relativeMonth,
  // A visit told by its length only, before event-time, which reads the same span as an event.
  visitLength,
  // Events: a count from an event before the bare event, which contains it.
  eventOffset,
  // A count before a clause ("two days after Erdogan denounced …"): shorter than an event's.
  clauseOffset,
  eventTime,
  eventAcronym,
  vagueRecent,
];

// One event type across layers: the extractor's PLOVER type and the quad class hold through the
// store, the services and the exports. Checked by the type checker (`npm test` runs tsc first).
import { describe, expectTypeOf, it } from 'vitest';
import type { QuadClass } from '../src/codes/plover.ts';
import type { ExtractedEvent, ExtractedFigure, PloverType } from '../src/extract/types.ts';
import type { ContractEvent } from '../src/interop/json.ts';
import type { ExportActor, ExportEvent, ExportMention } from '../src/interop/types.ts';
import type {
  TimelineActor,
  TimelineEvent,
  TimelineMention,
} from '../src/services/events.service.ts';
import type { ProspectItem } from '../src/services/prospects.service.ts';
import type { FigureRecord } from '../src/merge/conflicts.ts';
import type { FigureRow } from '../src/store/conflicts.repo.ts';
import type { EventFilter, EventRow, MentionFields } from '../src/store/events.repo.ts';

describe('event types', () => {
  it('keep PloverType and QuadClass from extraction to export', () => {
    expectTypeOf<ExtractedEvent['type']>().toEqualTypeOf<PloverType>();
    expectTypeOf<EventRow['type']>().toEqualTypeOf<PloverType>();
    expectTypeOf<EventRow['quad']>().toEqualTypeOf<QuadClass>();
    expectTypeOf<MentionFields['type']>().toEqualTypeOf<PloverType>();
    expectTypeOf<NonNullable<EventFilter['types']>>().toEqualTypeOf<PloverType[]>();
    expectTypeOf<TimelineEvent['type']>().toEqualTypeOf<PloverType>();
    expectTypeOf<TimelineEvent['quad']>().toEqualTypeOf<QuadClass>();
    expectTypeOf<ContractEvent['type']>().toEqualTypeOf<PloverType>();
    expectTypeOf<ProspectItem['type']>().toEqualTypeOf<PloverType>();
  });

  it('are the timeline’s own in the exports, not a restatement', () => {
    expectTypeOf<ExportEvent>().toEqualTypeOf<TimelineEvent>();
    expectTypeOf<ExportActor>().toEqualTypeOf<TimelineActor>();
    expectTypeOf<ExportMention>().toEqualTypeOf<TimelineMention>();
  });

  it('keep the extracted figure’s fields in the store and the conflict detector', () => {
    type Facts = Omit<ExtractedFigure, 'id' | 'about' | 'evidence'>;
    expectTypeOf<Pick<FigureRow, keyof Facts>>().toEqualTypeOf<Facts>();
    expectTypeOf<Pick<FigureRecord, keyof Facts>>().toEqualTypeOf<Facts>();
    expectTypeOf<FigureRecord['about']>().toEqualTypeOf<ExtractedFigure['about']>();
  });
});

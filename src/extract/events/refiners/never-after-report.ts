// An act reported as done cannot come after the report: a partial or relative date so placed was
// misread (a date written in full is the text's own claim), so the act stays undated.
import { labelOf, type TriggerRefiner } from './state.ts';

/** Undates an asserted act's mention dated after the document date. */
export const neverAfterReport: TriggerRefiner = {
  name: 'never-after-report',
  scope: 'trigger',
  run(t) {
    const documentDate = t.doc.ctx.date;
    if (!documentDate || t.modality.modality !== 'asserted') return undefined;
    for (const mention of t.mentions) {
      const d = mention.time;
      if (mention.planned || !d?.value || d.anchor === 'absolute') continue;
      if (d.value.first <= documentDate) continue;
      mention.date = null;
      t.doc.trace?.(`undate ${labelOf(t)}: '${d.text}' read as after the document date`);
    }
    return undefined;
  },
};

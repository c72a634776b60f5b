// `ties timeline A [B]`: the events between two actors (or involving one), with their sources.
import { TiesError } from '../../errors.ts';
import type { TimelineEvent } from '../../services/events.service.ts';
import { check, COUNTRY_ARGS, dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';

const who = (e: TimelineEvent) => {
  if (e.source && e.target) return `${e.source.name} → ${e.target.name}`;
  if (e.source) return e.source.name;
  return e.actors.join(', ');
};

export default defineCommand({
  name: 'timeline',
  summary: 'the events between two countries (or involving one), in date order',
  args: 'A [B]',
  about: `The events between A and B (or involving A), in date order, undated ones last, each with its
evidence and document (events a user corrected say so). A and B are names or codes ("Azerbaijan", "AZE", "UN").`,
  flags: {
    from: { type: 'string', value: 'YYYY', help: 'only events reaching into this year or later' },
    to: { type: 'string', value: 'YYYY', help: 'only events reaching into this year or earlier' },
    type: {
      type: 'string',
      multiple: true,
      value: 'T',
      help: 'PLOVER types (repeat, or comma-separate: --type AGREE,CONSULT)',
    },
    json: { type: 'boolean', help: 'print the events as JSON, as GET /api/events gives them' },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    if (positionals.length < 1 || positionals.length > 2) {
      throw new TiesError('INVALID', 'give one or two countries (ties timeline --help)');
    }
    const [{ openStore }, { timeline }, { timelineQuery }] = await Promise.all([
      import('../../services/database.service.ts'),
      import('../../services/events.service.ts'),
      import('../../services/schemas.ts'),
    ]);
    const input = {
      a: positionals[0],
      b: positionals[1],
      from: values.from,
      to: values.to,
      type: values.type,
    };
    const q = check(timelineQuery, input, COUNTRY_ARGS);
    const db = openStore(values.db, true);
    try {
      const result = timeline(db, { a: q.a, b: q.b, from: q.from, to: q.to, types: q.type });
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return 0;
      }
      const title = result.b
        ? `${result.a.name} (${result.a.code}) – ${result.b.name} (${result.b.code})`
        : `${result.a.name} (${result.a.code})`;
      console.log(
        `${title}: ${result.events.length} event${result.events.length === 1 ? '' : 's'}`,
      );
      for (const e of result.events) {
        const corrected = e.corrections?.length
          ? `corrected: ${[...new Set(e.corrections.map((c) => c.kind))].join(', ')}`
          : '';
        const flags = [
          e.negated ? 'negated' : '',
          e.mentions.length > 1 ? `${e.mentions.length} sources` : '',
          corrected,
        ]
          .filter(Boolean)
          .join(', ');
        console.log(
          `\n${(e.date ?? 'undated').padEnd(21)} ${e.type.padEnd(9)} ${who(e)}${flags ? `  (${flags})` : ''}`,
        );
        for (const m of e.mentions) {
          const where = `${m.documentTitle ?? m.documentId.slice(0, 12)}${m.evidence ? ` @${m.evidence.start}` : ''}`;
          console.log(`  “${m.evidence?.text ?? m.url ?? ''}”  — ${where}`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
});

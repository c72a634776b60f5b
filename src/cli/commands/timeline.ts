// `ties timeline A [B]`: the events between two actors (or involving one), with their sources.
import { openStore } from '../../services/database.service.ts';
import { timeline, type TimelineEvent } from '../../services/events.service.ts';
import { timelineQuery, validate } from '../../services/schemas.ts';
import { TiesError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';

const usage = `usage: ties timeline A [B] [--from YYYY] [--to YYYY] [--type T…] [--json] [--db FILE]

The events between A and B (or involving A), in date order, undated ones last, each with its
evidence and document. A and B are names or codes ("Azerbaijan", "AZE", "UN").
  --from, --to  years the events reach into
  --type T      PLOVER types (repeat, or comma-separate: --type AGREE,CONSULT)
  --json        the events as JSON, as GET /api/events gives them`;

const who = (e: TimelineEvent) => {
  if (e.source && e.target) return `${e.source.name} → ${e.target.name}`;
  if (e.source) return e.source.name;
  return e.actors.join(', ');
};

/** `ties timeline`. */
export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'the events between two countries (or involving one), in date order',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      type: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      db: { type: 'string' },
    });
    if (positionals.length < 1 || positionals.length > 2) throw new TiesError('INVALID', 'give one or two countries (ties timeline --help)');
    const q = validate(timelineQuery, { a: positionals[0], b: positionals[1], from: values.from, to: values.to, type: values.type });
    const db = openStore(values.db, true);
    try {
      const result = timeline(db, { a: q.a, b: q.b, from: q.from, to: q.to, types: q.type });
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return 0;
      }
      const title = result.b ? `${result.a.name} (${result.a.code}) – ${result.b.name} (${result.b.code})` : `${result.a.name} (${result.a.code})`;
      console.log(`${title}: ${result.events.length} event${result.events.length === 1 ? '' : 's'}`);
      for (const e of result.events) {
        const flags = [e.negated ? 'negated' : '', e.mentions.length > 1 ? `${e.mentions.length} sources` : ''].filter(Boolean).join(', ');
        console.log(`\n${(e.date ?? 'undated').padEnd(21)} ${e.type.padEnd(9)} ${who(e)}${flags ? `  (${flags})` : ''}`);
        for (const m of e.mentions) {
          const where = m.documentTitle ?? m.documentId.slice(0, 12);
          console.log(`  “${m.evidence?.text ?? m.url ?? ''}”  — ${where}${m.evidence ? ` @${m.evidence.start}` : ''}`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

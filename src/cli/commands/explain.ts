// `ties explain EVENT`: why the mentions of one stored event were merged, and where they disagree.
import { explainEvent } from '../../services/conflicts.service.ts';
import { openStore } from '../../services/database.service.ts';
import { TiesError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';

const usage = `usage: ties explain EVENT [--json] [--db FILE]

Shows a stored event (its id is in 'ties timeline --json' and the API) with every mention that
was merged into it, the merge decision between the first mention and each other one (the
reasons: type, participants, people, dates, wording), and the conflicts found on it.
  --json  print the explanation as JSON`;

/** `ties explain`. */
export const explainCommand: Command = {
  name: 'explain',
  summary: 'why the mentions of one event were merged, and where they disagree',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, db: { type: 'string' } });
    if (positionals.length !== 1 || !/^\d+$/.test(positionals[0]!)) throw new TiesError('INVALID', 'give one event id, a number (ties explain --help)');
    const db = openStore(values.db, true);
    try {
      const x = explainEvent(db, positionals[0]!);
      if (values.json) {
        console.log(JSON.stringify(x, null, 2));
        return 0;
      }
      const e = x.event;
      const who = [e.source?.name, e.target?.name].filter(Boolean).join(' → ') || e.actors.join(', ');
      console.log(`event ${e.id}: ${e.type} ${who}, ${e.date ?? 'undated'}, ${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}`);
      e.mentions.forEach((m, i) => {
        console.log(`  [${i}] “${m.evidence?.text ?? m.url ?? ''}”  — ${m.documentTitle ?? m.documentId.slice(0, 12)}${m.evidence ? ` @${m.evidence.start}` : ''}`);
      });
      if (e.mentions.length < 2) console.log('\nOne mention: nothing was merged.');
      for (const v of x.verdicts) {
        console.log(`\n[${v.mentions[0]}] and [${v.mentions[1]}]: ${v.verdict.same ? 'same event' : 'would not merge today'} (score ${v.verdict.score.toFixed(2)})`);
        for (const r of v.verdict.reasons) console.log(`  - ${r}`);
      }
      for (const c of x.conflicts) {
        console.log(`\nconflict #${c.id} ${c.kind}: ${c.summary}`);
        for (const claim of c.claims) console.log(`  ${claim.value}: “${claim.evidence.text}” — ${claim.documentTitle ?? claim.documentId.slice(0, 12)}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

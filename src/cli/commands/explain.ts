// `ties explain EVENT`: why the mentions of one stored event were merged, and where they disagree.
import { TiesError } from '../../errors.ts';
import { dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'explain',
  summary: 'why the mentions of one event were merged, and where they disagree',
  args: 'EVENT',
  about: `Shows a stored event (its id is in 'ties timeline --json' and the API) with every mention that
was merged into it, the merge decision between the first mention and each other one (the
reasons: type, participants, people, dates, wording), and the conflicts found on it.`,
  flags: {
    json: { type: 'boolean', help: 'print the explanation as JSON' },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    if (positionals.length !== 1 || !/^\d+$/.test(positionals[0]!)) {
      throw new TiesError('INVALID', 'give one event id, a number (ties explain --help)');
    }
    const [{ explainEvent }, { openStore }] = await Promise.all([
      import('../../services/conflicts.service.ts'),
      import('../../services/database.service.ts'),
    ]);
    const db = openStore(values.db, true);
    try {
      const x = explainEvent(db, positionals[0]!);
      if (values.json) {
        console.log(JSON.stringify(x, null, 2));
        return 0;
      }
      const e = x.event;
      const who =
        [e.source?.name, e.target?.name].filter(Boolean).join(' → ') || e.actors.join(', ');
      const n = e.mentions.length;
      console.log(
        `event ${e.id}: ${e.type} ${who}, ${e.date ?? 'undated'}, ${n} mention${n === 1 ? '' : 's'}`,
      );
      e.mentions.forEach((m, i) => {
        const where = `${m.documentTitle ?? m.documentId.slice(0, 12)}${m.evidence ? ` @${m.evidence.start}` : ''}`;
        console.log(`  [${i}] “${m.evidence?.text ?? m.url ?? ''}”  — ${where}`);
      });
      if (n < 2) console.log('\nOne mention: nothing was merged.');
      for (const v of x.verdicts) {
        const verdict = v.verdict.same ? 'same event' : 'would not merge today';
        console.log(
          `\n[${v.mentions[0]}] and [${v.mentions[1]}]: ${verdict} (score ${v.verdict.score.toFixed(2)})`,
        );
        for (const r of v.verdict.reasons) console.log(`  - ${r}`);
      }
      for (const c of x.conflicts) {
        console.log(`\nconflict #${c.id} ${c.kind}: ${c.summary}`);
        for (const claim of c.claims) {
          const where = claim.documentTitle ?? claim.documentId.slice(0, 12);
          console.log(`  ${claim.value}: “${claim.evidence.text}” — ${where}`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
});

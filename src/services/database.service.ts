// Opening the database a command names, with the errors a user can act on.
import { existsSync } from 'node:fs';
import { TiesError } from '../errors.ts';
import { defaultDatabasePath, openDatabase, type Db } from '../store/db.ts';
import { backfillClauseWording } from './clause-wording.ts';
import { backfillConflicts } from './conflict-index.ts';

/** Opens `file` (default `TIES_DB` or ./ties.db). With `mustExist`, a missing file is NOT_FOUND instead of a new empty database. */
export function openStore(file: string | undefined, mustExist = false): Db {
  const path = file ?? defaultDatabasePath();
  if (mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new TiesError(
      'NOT_FOUND',
      `no database at ${path} (run 'ties ingest' first, or pass --db FILE)`,
    );
  }
  const db = openDatabase(path);
  // A store made before ingest kept claims (or clause wording) has them read once, here, not on
  // a request.
  backfillConflicts(db);
  backfillClauseWording(db);
  return db;
}

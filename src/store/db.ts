// The one place a database is opened: every connection gets the same pragmas and the schema
// brought up to date by the numbered migrations in ./migrations.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TiesError } from '../errors.ts';

/** An open ties database (better-sqlite3, synchronous). */
export type Db = Database.Database;

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** Open without migrating or writing (fails when the schema is older than the code). */
  readonly?: boolean;
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** A numbered migration file: `NNNN_name.sql` applies as schema version NNNN. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations shipped with the code, in version order. */
export function migrations(dir = MIGRATIONS_DIR): Migration[] {
  const list = readdirSync(dir)
    .map((file) => /^(\d{4})_([\w-]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      version: Number(m[1]),
      name: m[2] ?? '',
      sql: readFileSync(join(dir, m[0]), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    // A gap or a duplicate would make user_version lie about what was applied.
    if (m.version !== i + 1) throw new Error(`migration ${m.version}_${m.name} is out of sequence`);
  });
  return list;
}

/** Applies the migrations newer than `PRAGMA user_version`, each in its own transaction. */
export function migrate(db: Db, list: Migration[] = migrations()): number {
  for (;;) {
    // The version is read inside the write transaction: two processes opening a new database at
    // once must not both apply the same migration.
    const applied = db
      .transaction(() => {
        const current = db.pragma('user_version', { simple: true }) as number;
        if (current > list.length) {
          throw new TiesError(
            'CONFLICT',
            `database schema version ${current} is newer than this ties (${list.length})`,
          );
        }
        const next = list[current];
        if (!next) return false;
        db.exec(next.sql);
        db.pragma(`user_version = ${next.version}`);
        return true;
      })
      .immediate();
    if (!applied) return list.length;
  }
}

/** Opens (creating if needed) the database at `file` with WAL, foreign keys and a busy timeout. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  let db: Db;
  try {
    if (file !== ':memory:' && !options.readonly) mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (e) {
    throw new TiesError('IO', `cannot open database ${file}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  // busy_timeout first: the other pragmas may already need the lock held by a concurrent writer.
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) db.pragma('journal_mode = WAL');
  // NORMAL is durable across process kills in WAL mode; only an OS crash can lose the last commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // 32 MB of page cache (default 2 MB): index inserts at random keys stay in memory far longer.
  db.pragma('cache_size = -32768');
  // Sorts and IN-lists of a 10,000-event timeline stay in memory; reads of a large file map its
  // pages instead of copying each into the page cache (256 MB of address space, not of memory).
  db.pragma('temp_store = MEMORY');
  db.pragma('mmap_size = 268435456');
  // Checkpoint every ~40 MB of WAL instead of ~4 MB: a page rewritten by many small ingest
  // commits is copied to the database once per checkpoint. Measured on 3,000 documents stored one
  // transaction each: 18% less CPU, 25% less wall time. The size limit truncates the WAL after.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  if (options.readonly) {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== migrations().length) {
      db.close();
      throw new TiesError(
        'CONFLICT',
        `database ${file} is at schema version ${version}, expected ${migrations().length}`,
      );
    }
  } else {
    migrate(db);
  }
  return db;
}

/** The database file `ties` uses when none is given: `TIES_DB`, else `./ties.db`. */
export function defaultDatabasePath(): string {
  return process.env.TIES_DB || 'ties.db';
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement cached per connection: preparing costs more than running small ones. */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}

// Different for every connection of every process: a version seen before a restart never matches.
const BOOT = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const connectionIds = new WeakMap<Db, string>();
let connections = 0;

/**
 * A token that changes whenever anything is committed to the store, for HTTP validators.
 * `PRAGMA data_version` changes when another connection (another process, a worker) commits,
 * but not for this connection's own writes; `total_changes()` counts exactly those. Both are
 * per connection and start over when it is opened again, hence the boot prefix. Nothing is
 * written to keep it: no trigger slows ingest.
 */
export function storeVersion(db: Db): string {
  // One prepared statement: `db.pragma()` prepares its statement on every call, which made this
  // the largest cost of answering a cached page.
  const versions = prepared(
    db,
    `SELECT (SELECT data_version FROM pragma_data_version()) || '.' || total_changes()`,
  )
    .pluck()
    .get() as string;
  let id = connectionIds.get(db);
  if (!id) connectionIds.set(db, (id = `${BOOT}${(++connections).toString(36)}`));
  return `${id}.${versions}`;
}

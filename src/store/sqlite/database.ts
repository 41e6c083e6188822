import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreUnavailable } from '../repository.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type Db = Database.Database;

export interface OpenDbOptions {
  path: string;
  readonly?: boolean;
  durability?: 'full' | 'normal';
  migrations?: readonly Migration[];
}

/**
 * Opens the database in WAL mode (readers never block the writer; a commit appends to the log)
 * and brings its schema up to date. Commits do not sync (synchronous=NORMAL): the store syncs
 * the log off the event loop before it acknowledges a write (wal-sync.ts), and a checkpoint
 * thread copies the log into the database (checkpointer.ts). `busy_timeout` lets a second
 * process (the `incident` command) wait for the gateway's write lock instead of failing.
 */
export function openDatabase(options: OpenDbOptions): Db {
  let db: Db;
  try {
    if (options.readonly && !existsSync(options.path))
      throw new StoreUnavailable(
        `no incident database at ${options.path}; start the gateway first or pass the data directory it uses`,
      );
    if (!options.readonly) mkdirSync(dirname(options.path), { recursive: true });
    db = new Database(options.path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (err) {
    if (err instanceof StoreUnavailable) throw err;
    throw new StoreUnavailable(
      `cannot open the incident database ${options.path}: ${(err as Error).message}; check the path and its permissions`,
    );
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // Acknowledged writes are synced by wal-sync.ts off the event loop (durability 'full').
      db.pragma('synchronous = NORMAL');
      db.pragma('journal_size_limit = 67108864');
      db.pragma('foreign_keys = ON');
      migrate(db, options.migrations ?? MIGRATIONS);
    } else {
      checkVersion(db, options.migrations ?? MIGRATIONS, options.path);
    }
  } catch (err) {
    db.close();
    if (err instanceof StoreUnavailable) throw err;
    throw new StoreUnavailable(`cannot use the incident database ${options.path}: ${(err as Error).message}`);
  }
  return db;
}

const latest = (migrations: readonly Migration[]) => migrations.at(-1)?.version ?? 0;

function appliedVersion(db: Db): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return 0;
  return (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
}

function tooNew(path: string, found: number, known: number): StoreUnavailable {
  return new StoreUnavailable(
    `the incident database ${path} has schema version ${found}, newer than this sre-nanobot knows (${known}); upgrade sre-nanobot or use another --data-dir`,
  );
}

/** Applies each migration newer than the database, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = appliedVersion(db);
  if (current > latest(migrations)) throw tooNew(db.name, current, latest(migrations));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}

function checkVersion(db: Db, migrations: readonly Migration[], path: string): void {
  const current = appliedVersion(db);
  if (current > latest(migrations)) throw tooNew(path, current, latest(migrations));
  if (current < latest(migrations))
    throw new StoreUnavailable(
      `the incident database ${path} has schema version ${current}, older than this sre-nanobot (${latest(migrations)}); start the gateway once to migrate it`,
    );
}

import { join } from 'node:path';
import type { IncidentStore } from './repository.ts';

export * from './repository.ts';

export interface OpenStoreOptions {
  /** The SQLite file; created with its folder when missing unless `readonly`. */
  path: string;
  /** Open an existing database for reading only (the `incident` command): fails when it is missing. */
  readonly?: boolean;
  /**
   * `full` (default): a write is synced to disk before it is acknowledged (a 202, an approval), so
   * it survives a power loss; `normal`: it survives a crash of the process, not of the machine.
   */
  durability?: 'full' | 'normal';
}

/** The database file inside a data directory (`Config.dataDir`, `gateway --data-dir`). */
export const databasePath = (dataDir: string) => join(dataDir, 'incidents.db');

/** Opens the embedded SQLite store (better-sqlite3 is loaded here, not at import). Throws StoreUnavailable. */
export async function openIncidentStore(options: OpenStoreOptions): Promise<IncidentStore> {
  const { openSqliteStore } = await import('./sqlite/store.ts');
  return openSqliteStore(options);
}

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database.ts';

/**
 * Copies the write-ahead log into the database file from a worker thread, so the gateway's event
 * loop never stalls on a checkpoint (megabytes of page writes and an fsync of the database file)
 * in the middle of an alert storm. The main connection's automatic checkpoint is turned off while
 * the worker runs and back on if it fails. A PASSIVE checkpoint never blocks the writer; every
 * 5 s (not continuously) so a storm's log writes and their syncs do not share the disk with it.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
`;

export function startCheckpointer(
  db: Db,
  options: { path: string; intervalMs?: number },
): { stop(): Promise<void> } {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { module, path: options.path, intervalMs: options.intervalMs ?? 5000 },
  });
  let failed = false;
  worker.on('error', () => {
    failed = true;
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  worker.unref();
  return {
    async stop() {
      if (failed) return;
      const stopped = new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('exit', () => resolve());
      });
      // Unreferenced while it runs (it must not keep the process alive); referenced while it finishes.
      worker.ref();
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}

import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const fdatasyncAsync = promisify(fdatasync);

/**
 * Makes committed transactions durable without blocking the event loop. The connection runs with
 * synchronous=NORMAL (a commit only writes the log); before a write is acknowledged, this syncs
 * the write-ahead log (fdatasync on libuv's thread pool; each call covers every commit made
 * before it, and calls run side by side, so a commit never waits for a sync that began before
 * it). With SQLite's own syncs at checkpoints (NORMAL syncs the log before and the database after
 * each one, and the log header on reuse), an acknowledged write survives a power loss, as with
 * synchronous=FULL, whose sync would stall the single JavaScript thread at every commit.
 */
export function walSyncer(databasePath: string): { sync(): Promise<void>; close(): Promise<void> } {
  const walPath = `${databasePath}-wal`;
  let fd: number | undefined;
  const running = new Set<Promise<void>>();

  const open = () => {
    if (fd !== undefined) return fd;
    fd = openSync(walPath, 'r');
    // The log's directory entry must be durable too, once, after SQLite created the file.
    const dir = openSync(dirname(walPath), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return fd;
  };

  return {
    sync() {
      const done: Promise<void> = fdatasyncAsync(open()).finally(() => running.delete(done));
      running.add(done);
      return done;
    },
    /** Waits for the syncs in flight, then closes the log file. */
    async close() {
      await Promise.allSettled([...running]);
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { groupCommit } from './group-commit.ts';
import { walSyncer } from './wal-sync.ts';

describe('group commit', () => {
  it('runs calls of one event-loop turn in one transaction; a failing call rolls back only itself', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v INTEGER UNIQUE)');
    const commits: number[] = [];
    const insert = groupCommit(
      db,
      (v: number) => {
        db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
        return v * 10;
      },
      async () => void commits.push((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n),
    );
    const results = await Promise.allSettled([insert(1), insert(2), insert(2), insert(3)]);
    assert.deepEqual(
      results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected')),
      [10, 20, 'rejected', 30],
    );
    assert.deepEqual(commits, [3], 'one commit for the four calls, the failed one rolled back');
    await insert(4);
    assert.deepEqual(commits, [3, 4]);
  });

  it('answers nobody when the commit cannot be made durable', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v INTEGER)');
    const insert = groupCommit(
      db,
      (v: number) => db.prepare('INSERT INTO t (v) VALUES (?)').run(v),
      async () => {
        throw new Error('disk gone');
      },
    );
    await assert.rejects(insert(1), /disk gone/);
  });
});

describe('WAL sync', () => {
  it('syncs the log on the thread pool, side by side, and closes after the syncs in flight', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sre-nanobot-wal-'));
    const path = join(dir, 'x.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v INTEGER)');
    const wal = walSyncer(path);
    const syncs = [wal.sync(), wal.sync(), wal.sync()];
    assert.equal(new Set(syncs).size, 3, 'a commit never waits for a sync that began before it');
    const closed = wal.close();
    await Promise.all([...syncs, closed]);
    db.close();
  });

  it('caps a group so the first callers are answered without waiting for a whole turn', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v INTEGER)');
    const groups: number[] = [];
    let inGroup = 0;
    const insert = groupCommit(
      db,
      (v: number) => {
        inGroup++;
        return db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
      },
      async () => {
        groups.push(inGroup);
        inGroup = 0;
      },
      2,
    );
    await Promise.all([1, 2, 3, 4, 5].map((v) => insert(v)));
    assert.deepEqual(groups, [2, 2, 1]);
  });
});

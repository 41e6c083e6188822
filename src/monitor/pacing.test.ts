import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PACING, mayProcess } from './pacing.ts';

describe('processing pace', () => {
  const p = DEFAULT_PACING;
  it('processes freely when no webhook arrives', () => {
    assert.equal(mayProcess(10, false, { lastStart: 9, lastDuration: 5, backlogSince: 0 }, p), true);
  });

  it('gives way to a storm, yet runs one batch per deferMs', () => {
    const s = { lastStart: 1000, lastDuration: 5, backlogSince: 900 };
    assert.equal(mayProcess(1500, true, s, p), false);
    assert.equal(mayProcess(2000, true, s, p), true);
  });

  it('takes a quarter of the thread once the backlog is two seconds old', () => {
    const s = { lastStart: 5000, lastDuration: 4, backlogSince: 1000 };
    assert.equal(mayProcess(5010, true, s, p), false, 'rested 6 ms of the 12 it needs');
    assert.equal(mayProcess(5016, true, s, p), true);
    assert.equal(mayProcess(5016, true, { ...s, backlogSince: 4000 }, p), false, 'not lagging yet');
  });
});

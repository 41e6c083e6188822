import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultStep, resolveTime, stepSeconds } from './time.ts';

const NOW = Date.parse('2024-05-01T12:00:00Z');

describe('time arguments', () => {
  test('now, relative, unix seconds and RFC 3339', () => {
    assert.equal(resolveTime('now', NOW), NOW / 1000);
    assert.equal(resolveTime('now-1h', NOW), NOW / 1000 - 3600);
    assert.equal(resolveTime('-30m', NOW), NOW / 1000 - 1800);
    assert.equal(resolveTime('1714564800', NOW), 1714564800);
    assert.equal(resolveTime('2024-05-01T11:00:00Z', NOW), NOW / 1000 - 3600);
    assert.equal(resolveTime(undefined, NOW), undefined);
  });

  test('a bad time or duration says what to write', () => {
    assert.throws(() => resolveTime('yesterday', NOW), /use now, now-1h, -30m/);
    assert.throws(() => resolveTime('now-1x', NOW), /'1x' is not a duration/);
  });

  test('steps', () => {
    assert.equal(stepSeconds('1m30s'), 90);
    assert.equal(stepSeconds('15'), 15);
    assert.equal(defaultStep(0, 3600), 60);
    assert.equal(defaultStep(0, 10), 1);
  });
});

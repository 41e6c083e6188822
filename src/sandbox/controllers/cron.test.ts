import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCron } from './cron.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

test('steps, ranges, lists and names', () => {
  assert.equal(iso(parseCron('*/5 * * * *').next(at('2024-03-01T10:02:30Z'))), '2024-03-01T10:05:00.000Z');
  assert.equal(
    iso(parseCron('0 9-17 * * mon-fri').next(at('2024-03-01T17:30:00Z'))),
    '2024-03-04T09:00:00.000Z',
  );
  assert.equal(
    iso(parseCron('15,45 */6 * * *').next(at('2024-03-01T06:20:00Z'))),
    '2024-03-01T06:45:00.000Z',
  );
  assert.equal(iso(parseCron('0 0 1 jan *').next(at('2024-03-01T00:00:00Z'))), '2025-01-01T00:00:00.000Z');
  assert.equal(iso(parseCron('@hourly').next(at('2024-03-01T06:00:00Z'))), '2024-03-01T07:00:00.000Z');
});

test('previous finds the latest missed time, day-of-month OR day-of-week when both are set', () => {
  assert.equal(
    iso(parseCron('*/10 * * * *').previous(at('2024-03-01T10:37:00Z'))),
    '2024-03-01T10:30:00.000Z',
  );
  const s = parseCron('0 12 13 * 5');
  assert.ok(s.matches(at('2024-09-13T12:00:00Z')));
  assert.ok(s.matches(at('2024-09-06T12:00:00Z')));
  assert.ok(!s.matches(at('2024-09-07T12:00:00Z')));
});

test('malformed schedules are rejected', () => {
  assert.throws(() => parseCron('* * *'), /5 fields/);
  assert.throws(() => parseCron('61 * * * *'), /out of range/);
  assert.throws(() => parseCron('*/0 * * * *'), /bad step/);
});

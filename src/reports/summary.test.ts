import assert from 'node:assert/strict';
import { test } from 'node:test';
import { between, humanDuration, utc } from './duration.ts';
import { summarizeIncident, topFinding } from './summary.ts';
import { openIncident, resolvedIncident } from './test-fixtures.ts';

test('human durations name the two largest units', () => {
  assert.equal(humanDuration(0), '0ms');
  assert.equal(humanDuration(850), '850ms');
  assert.equal(humanDuration(1_000), '1s');
  assert.equal(humanDuration(252_000), '4m 12s');
  assert.equal(humanDuration(3_600_000), '1h');
  assert.equal(humanDuration(3_780_000), '1h 3m');
  assert.equal(humanDuration(3_600_000 + 59_000), '1h', 'seconds below the two largest units are dropped');
  assert.equal(humanDuration(2 * 86_400_000 + 4 * 3_600_000 + 5_000), '2d 4h');
  assert.equal(humanDuration(-65_000), '-1m 5s');
});

test('UTC times and spans between ISO strings', () => {
  assert.equal(utc('2024-05-01T10:04:12.345Z'), '2024-05-01 10:04:12');
  assert.equal(utc('2024-05-01T12:04:12+02:00'), '2024-05-01 10:04:12');
  assert.equal(utc('not a time'), 'not a time');
  assert.equal(between('2024-05-01T10:00:00Z', '2024-05-01T10:01:05Z'), 65_000);
  assert.equal(between('2024-05-01T10:00:00Z', null), null);
  assert.equal(between('garbage', '2024-05-01T10:00:00Z'), null);
});

test('a resolved incident: MTTA, MTTR, counts, impact and the user-facing window', () => {
  const s = summarizeIncident(resolvedIncident(), new Date('2024-05-02T00:00:00Z'));
  assert.deepEqual(s.mtta, { ms: 65_000, text: '1m 5s' });
  assert.deepEqual(s.mttr, { ms: 852_000, text: '14m 12s' });
  assert.deepEqual(
    s.duration,
    { ms: 852_000, text: '14m 12s' },
    'a resolved incident does not grow with the clock',
  );
  assert.equal(s.ongoing, false);
  assert.equal(s.endedAt, '2024-05-01T10:14:12Z');
  assert.equal(s.verification, 'passed', 'the last verification counts');
  assert.deepEqual(s.counts, {
    alerts: 2,
    firing: 0,
    resolved: 2,
    findings: 2,
    actions: 1,
    actionsSucceeded: 1,
    actionsFailed: 0,
    approvals: 1,
    approvalsPending: 0,
    verifications: 2,
    verificationsPassed: 1,
    timeline: 6,
  });
  assert.deepEqual(s.impact, {
    priority: 'P1',
    severity: 'critical',
    namespaces: ['shop'],
    workloads: ['Deployment shop/cart'],
    services: ['shop/cart'],
    nodes: [],
    // First alert start (09:58:30) to the last alert end (10:13:40): users were hurt before the incident opened.
    userImpact: { from: '2024-05-01T09:58:30Z', to: '2024-05-01T10:13:40Z', ms: 910_000, text: '15m 10s' },
  });
});

test('an open incident runs on the clock and has no MTTA or MTTR', () => {
  const s = summarizeIncident(openIncident(), new Date('2024-05-01T11:12:30Z'));
  assert.equal(s.ongoing, true);
  assert.equal(s.endedAt, null);
  assert.equal(s.mtta, null);
  assert.equal(s.mttr, null);
  assert.deepEqual(s.duration, { ms: 750_000, text: '12m 30s' });
  assert.equal(s.verification, 'none');
  assert.deepEqual(s.impact.workloads, ['Deployment production/api-service']);
  assert.deepEqual(s.impact.userImpact, {
    from: '2024-05-01T10:59:00Z',
    to: null,
    ms: 810_000,
    text: '13m 30s',
  });
  assert.equal(s.impact.severity, 'warning');
});

test('a failed incident ends at its last update, without an MTTR; no alerts means unknown user impact', () => {
  const view = openIncident();
  view.incident.status = 'failed';
  view.incident.acknowledgedAt = '2024-05-01T11:00:30Z';
  view.incident.updatedAt = '2024-05-01T11:20:00Z';
  view.alerts = [];
  const s = summarizeIncident(view, new Date('2024-05-03T00:00:00Z'));
  assert.equal(s.ongoing, false);
  assert.equal(s.endedAt, '2024-05-01T11:20:00Z');
  assert.deepEqual(s.duration, { ms: 1_200_000, text: '20m' });
  assert.deepEqual(s.mtta, { ms: 30_000, text: '30s' });
  assert.equal(s.mttr, null);
  assert.equal(s.impact.userImpact, null);
  assert.equal(s.impact.severity, null);
});

test('the top finding is the first root cause, not a symptom listed before it', () => {
  const view = resolvedIncident();
  view.findings.reverse();
  assert.equal(topFinding(view)?.pattern, 'oom_killed');
  assert.equal(topFinding(openIncident()), null);
});

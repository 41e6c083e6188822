import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderReport } from './index.ts';
import { JSON_REPORT_FORMAT } from './json.ts';
import { hostileIncident, openIncident, resolvedIncident } from './test-fixtures.ts';

const now = new Date('2024-05-01T11:12:30Z');

test('the IncidentView with its computed summary, format tag first', () => {
  const view = resolvedIncident();
  const out = JSON.parse(renderReport(view, 'json', { now }));
  assert.deepEqual(Object.keys(out), [
    'format',
    'generatedAt',
    'summary',
    'incident',
    'alerts',
    'findings',
    'runbook',
    'actions',
    'approvals',
    'verifications',
    'timeline',
    'related',
  ]);
  assert.equal(out.format, JSON_REPORT_FORMAT);
  assert.equal(out.format, 'sre-nanobot.incident-report/v1');
  assert.equal(out.generatedAt, '2024-05-01T11:12:30.000Z');
  const { format: _f, generatedAt: _g, summary, ...rest } = out;
  assert.deepEqual(rest, view, 'the view comes back unchanged');
  assert.deepEqual(summary.mtta, { ms: 65_000, text: '1m 5s' });
  assert.deepEqual(summary.mttr, { ms: 852_000, text: '14m 12s' });
  assert.equal(summary.counts.alerts, 2);
  assert.deepEqual(summary.impact.workloads, ['Deployment shop/cart']);
  assert.equal(summary.impact.userImpact.text, '15m 10s');
});

test('stable: the same incident in another key order gives the same bytes', () => {
  const view = resolvedIncident();
  const shuffled = JSON.parse(JSON.stringify(view), (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).reverse())
      : value,
  );
  assert.equal(renderReport(shuffled, 'json', { now }), renderReport(view, 'json', { now }));
  const out = JSON.parse(renderReport(view, 'json', { now }));
  assert.deepEqual(Object.keys(out.incident), Object.keys(out.incident).sort());
});

test('an open incident has null MTTA and MTTR and empty lists, not missing keys', () => {
  const out = JSON.parse(renderReport(openIncident(), 'json', { now }));
  assert.equal(out.summary.mtta, null);
  assert.equal(out.summary.mttr, null);
  assert.equal(out.summary.ongoing, true);
  assert.deepEqual(out.findings, []);
  assert.equal(out.runbook, null);
});

test('hostile strings survive as data', () => {
  const view = hostileIncident();
  const out = JSON.parse(renderReport(view, 'json', { now }));
  assert.equal(out.alerts[0].annotations.summary, view.alerts[0].annotations.summary);
  assert.equal(out.incident.title, view.incident.title);
});

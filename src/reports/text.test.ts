import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostileIncident, openIncident, resolvedIncident } from './test-fixtures.ts';
import { incidentBrief, incidentTable } from './text.ts';

const now = new Date('2024-05-01T11:12:30Z');

test('the brief of a resolved incident: status, MTTA/MTTR, root cause with its whys, actions, verification', () => {
  const lines = incidentBrief(resolvedIncident(), now).split('\n');
  assert.equal(lines[0], 'inc-20240501-0001  cart pods OOMKilled in shop');
  assert.ok(lines.includes('Status:     resolved · P1 · critical'));
  assert.ok(lines.includes('Opened:     2024-05-01 10:00:00 UTC, resolved after 14m 12s'));
  assert.ok(lines.includes('MTTA/MTTR:  1m 5s / 14m 12s'));
  assert.ok(
    lines.some((l) =>
      l.startsWith('Root cause: oom_killed on Pod shop/cart-5d8c9-x2x: Container cart exceeds'),
    ),
  );
  assert.equal(lines.filter((l) => /^ {12}\d\. Why/.test(l)).length, 5);
  assert.ok(
    lines.some((l) =>
      /^Actions: {4}2024-05-01 10:06:30 deployments_set_resources Deployment shop\/cart: succeeded; undo: /.test(
        l,
      ),
    ),
  );
  assert.ok(lines.includes('Verified:   PASS — error rate below 1%, observed 0.2%'));
  assert.ok(
    lines.includes('Full report: sre-nanobot incident report inc-20240501-0001 --format md|html|json'),
  );
});

test('the brief of a fresh incident says what is missing', () => {
  const text = incidentBrief(openIncident(), now);
  assert.match(text, /^MTTA\/MTTR: {2}— \/ —$/m);
  assert.match(text, /^Root cause: No diagnosis yet\.$/m);
  assert.match(text, /^Actions: {4}No actions taken\.$/m);
  assert.match(text, /^Verified: {3}not yet$/m);
  assert.match(text, /users affected 13m 30s so far/);
});

test('alert text cannot move the cursor or recolour the terminal, nor add lines', () => {
  const view = hostileIncident();
  view.alerts[0].labels.alertname = 'Evil\u001b[2J\u001b[31mRED\nsecond line';
  const text = incidentBrief(view, now);
  assert.ok(!text.includes('\u001b'));
  assert.match(text, /Evil\ufffd\[2J\ufffd\[31mRED second line/);
  const table = incidentTable([{ ...view.incident, title: 'a\u001b]0;title\u0007b' }], now);
  assert.ok(!table.includes('\u001b') && !table.includes('\u0007'));
  assert.match(table, /a\ufffd\]0;title\ufffdb/);
});

test('the list is a table with aligned columns and ages', () => {
  const table = incidentTable([openIncident().incident, resolvedIncident().incident], now).split('\n');
  assert.match(table[0], /^ID {18}STATUS {5}PRIORITY {3}TITLE {25}ALERTS {9}AGE$/);
  assert.match(
    table[1],
    /^inc-20240501-0002 {3}open {7}P3 {9}api-service latency high {6}1 \(1 firing\) {3}12m30s$/,
  );
  assert.match(
    table[2],
    /^inc-20240501-0001 {3}resolved {3}P1 {9}cart pods OOMKilled in shop {3}2 \(0 firing\) {3}1h12m$/,
  );
  const long = incidentTable([{ ...openIncident().incident, title: 'x'.repeat(100) }], now);
  assert.match(long, /x{59}… /);
});

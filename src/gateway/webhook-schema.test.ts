import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alert, payload } from '../monitor/testkit.ts';
import { formatPath, parseWebhook } from './webhook-schema.ts';

const valid = () =>
  JSON.parse(JSON.stringify(payload([alert({ alertname: 'A' }), alert({ alertname: 'B' })])));
const reason = (body: unknown) => {
  const r = parseWebhook(body);
  assert.equal(r.ok, false, 'expected a rejection');
  return (r as { reason: string }).reason;
};

describe('webhook schema', () => {
  it('accepts what Alertmanager sends, and fills what other senders leave out', () => {
    const r = parseWebhook(valid());
    assert.ok(r.ok);
    const minimal = parseWebhook({
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'X' },
          startsAt: '2025-01-01T00:00:00.123456789Z',
          fingerprint: 'f1',
        },
      ],
    });
    assert.ok(minimal.ok);
    assert.deepEqual(minimal.payload.alerts[0].annotations, {});
    assert.equal(minimal.payload.alerts[0].endsAt, '0001-01-01T00:00:00Z');
  });

  it('names the field and what was expected', () => {
    const bad = valid();
    bad.alerts[1].startsAt = 'yesterday';
    assert.equal(reason(bad), 'alerts[1].startsAt: expected an RFC 3339 time');
    const missing = valid();
    delete missing.alerts[0].fingerprint;
    assert.equal(reason(missing), 'alerts[0].fingerprint: required');
    const typed = valid();
    typed.alerts[0].labels.severity = 3;
    assert.equal(reason(typed), 'alerts[0].labels.severity: expected string, received number');
    const status = valid();
    status.alerts[0].status = 'pending';
    assert.equal(reason(status), 'alerts[0].status: expected one of "firing"|"resolved"');
    assert.equal(
      reason({ ...valid(), version: '3' }),
      'version: expected "4" (Alertmanager webhook version 4)',
    );
    assert.equal(reason({ ...valid(), alerts: [] }), 'alerts: expected at least one alert');
    assert.equal(reason([1]), 'body: expected a JSON object (an Alertmanager webhook, version 4)');
    assert.equal(reason(null), 'body: expected a JSON object (an Alertmanager webhook, version 4)');
  });

  it('lists at most three problems and counts the rest', () => {
    const bad = valid();
    bad.alerts = Array.from({ length: 5 }, () => ({}));
    assert.match(
      reason(bad),
      /^alerts\[0\]\.status: required; alerts\[0\]\.labels: required; .*; and \d+ more problem\(s\)$/,
    );
  });

  it('writes paths as code would', () => {
    assert.equal(
      formatPath(['alerts', 3, 'labels', 'app.kubernetes.io/name']),
      'alerts[3].labels["app.kubernetes.io/name"]',
    );
    assert.equal(formatPath([]), 'body');
  });
});

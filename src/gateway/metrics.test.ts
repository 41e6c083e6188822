import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Counter, gatewayMetrics, Histogram } from './metrics.ts';

describe('gateway metrics', () => {
  it('renders counters with escaped labels and cumulative histogram buckets', () => {
    const c = new Counter('x_total', 'x');
    assert.deepEqual(c.render(), ['x_total 0']);
    c.inc(2, { code: '4"0\\0\n' });
    assert.deepEqual(c.render(), ['x_total{code="4\\"0\\\\0\\n"} 2']);
    const h = new Histogram('d_seconds', 'd', [0.1, 1]);
    for (const v of [0.05, 0.5, 0.7, 3]) h.observe(v);
    assert.deepEqual(h.render(), [
      'd_seconds_bucket{le="0.1"} 1',
      'd_seconds_bucket{le="1"} 3',
      'd_seconds_bucket{le="+Inf"} 4',
      'd_seconds_sum 4.25',
      'd_seconds_count 4',
    ]);
  });

  it('writes HELP and TYPE for every family and reads the store at scrape time', async () => {
    const m = gatewayMetrics(async () => ({ incidentsByStatus: { open: 3, resolved: 1 }, pendingEvents: 7 }));
    m.alertsReceived.inc(100);
    const text = await m.render();
    assert.match(
      text,
      /^# TYPE sre_nanobot_alerts_received_total counter\nsre_nanobot_alerts_received_total 100$/m,
    );
    assert.match(text, /^# TYPE sre_nanobot_webhook_duration_seconds histogram$/m);
    assert.match(text, /^sre_nanobot_incidents\{status="open"\} 3$/m);
    assert.match(text, /^sre_nanobot_alert_events_pending 7$/m);
    const families = [...text.matchAll(/^# TYPE (\S+)/gm)].map((x) => x[1]);
    assert.equal(new Set(families).size, families.length, 'each family once');
    assert.ok(text.endsWith('\n'));
  });
});

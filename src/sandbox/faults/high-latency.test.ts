import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Harness, histogramQuantile, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

async function p99(service: string): Promise<number> {
  const first = h.metrics();
  await h.elapse(30);
  return histogramQuantile(first, h.metrics(), 'production', service, 0.99);
}

test('high_latency: a traffic surge queues payment-service; a restart does not help, scaling out does', async () => {
  assert.ok((await p99('payment-service')) <= 0.25, 'healthy before');
  const { id, params } = h.faults.inject({
    type: 'high_latency',
    namespace: 'production',
    target: 'deployment/payment-service',
  });
  assert.ok(Number(params.multiplier) > 2);

  assert.ok((await p99('payment-service')) >= 1, 'p99 climbs past a second');
  const traffic = h.runtime.traffic.service('production', 'payment-service')!;
  assert.ok(traffic.utilization > 1);
  const text = h.metrics();
  assert.ok(
    (sample(text, 'http_requests_total', { service: 'payment-service', code: '503', method: 'GET' }) ?? 0) >
      0,
  );

  h.restart('production', 'payment-service');
  await h.waitFor('the restart to finish', () => {
    const pods = h.pods('production', 'payment-service');
    return (
      pods.length === 2 &&
      pods.every((p) => p.status?.containerStatuses?.[0]?.ready) &&
      h.runtime.traffic.service('production', 'payment-service')!.readyEndpoints === 2
    );
  });
  await h.elapse(30);
  assert.equal(h.fault(id).status, 'active');

  h.scale('Deployment', 'production', 'payment-service', 5);
  await h.waitFor('high_latency to clear', () => h.fault(id).status === 'cleared', 20_000);
  assert.ok((await p99('payment-service')) <= 0.5);
});

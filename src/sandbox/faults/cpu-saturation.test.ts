import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const throttled = (text: string) =>
  new Map(
    text
      .split('\n')
      .filter((l) =>
        l.startsWith('container_cpu_cfs_throttled_periods_total{namespace="production",pod="payment-service'),
      )
      .map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]),
  );

/** Throttled periods added over `simSeconds` by the containers running throughout. */
async function throttledDuring(simSeconds: number): Promise<number> {
  const before = throttled(h.metrics());
  await h.elapse(simSeconds);
  let added = 0;
  for (const [series, value] of throttled(h.metrics())) added += value - (before.get(series) ?? value);
  return added;
}

test('cpu_saturation: payment-service is throttled; a restart does not help, a higher CPU limit does', async () => {
  assert.equal(await throttledDuring(20), 0, 'no throttling when healthy');
  const { id } = h.faults.inject({
    type: 'cpu_saturation',
    namespace: 'production',
    target: 'deployment/payment-service',
  });
  assert.ok((await throttledDuring(20)) > 100, 'throttled periods climb');
  const pod = h.pods('production', 'payment-service')[0].metadata.name;
  const text = h.metrics();
  const usage = h.runtime.traffic.podLoad(h.pods('production', 'payment-service')[0]);
  assert.ok(usage.cpuDemandCores > 0.5);
  assert.equal(sample(text, 'container_spec_cpu_quota', { pod }), 50_000);
  assert.ok(
    h.runtime.traffic.service('production', 'payment-service')!.utilization > 0.5,
    'throttling slows requests',
  );

  h.restart('production', 'payment-service');
  await h.elapse(60);
  assert.equal(h.fault(id).status, 'active');

  h.setMainContainer('production', 'payment-service', (c) => {
    c.resources.limits.cpu = '1500m';
  });
  await h.waitFor('cpu_saturation to clear', () => h.fault(id).status === 'cleared', 20_000);
  assert.equal(await throttledDuring(20), 0, 'no throttling after the fix');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const errors = (text: string) =>
  (sample(text, 'http_requests_total', { service: 'checkout', method: 'GET', code: '500' }) ?? 0) +
  (sample(text, 'http_requests_total', { service: 'checkout', method: 'POST', code: '500' }) ?? 0);

const hasFlag = (pod: any) =>
  (pod.spec.containers[0].env ?? []).some((e: any) => e.name === 'FEATURE_NEW_PRICING_ENGINE');

test('high_error_rate: a flag release fails requests with 500; a restart keeps it, a rollback clears it', async () => {
  const { id } = h.faults.inject({
    type: 'high_error_rate',
    namespace: 'production',
    target: 'deployment/checkout',
  });
  await h.waitFor('the flagged revision to roll out', () => {
    const pods = h.pods('production', 'checkout');
    return pods.length === 2 && pods.every((p) => hasFlag(p) && p.status?.containerStatuses?.[0]?.ready);
  });
  const before = h.metrics();
  await h.elapse(30);
  const after = h.metrics();
  assert.ok(errors(after) - errors(before) > 100, 'checkout answers 500s');
  assert.ok(h.runtime.traffic.service('production', 'checkout')!.errorRatio > 0.2);
  const pod = h.pods('production', 'checkout')[0].metadata.name;
  assert.ok(
    h.logs('production', pod).some((l) => l.includes('"status":500') && l.includes('pricing engine v2')),
  );
  assert.ok(
    h.runtime.traffic.service('production', 'web-frontend')!.errorRatio > 0,
    'the frontend sees upstream errors',
  );

  h.restart('production', 'checkout');
  await h.elapse(60);
  assert.equal(h.fault(id).status, 'active');

  h.rollback('production', 'checkout', 1);
  await h.waitFor('high_error_rate to clear', () => h.fault(id).status === 'cleared', 20_000);
  assert.ok(h.pods('production', 'checkout').every((p) => !hasFlag(p)));
  const quiet = h.metrics();
  await h.elapse(30);
  assert.equal(errors(h.metrics()) - errors(quiet), 0);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const lastTermination = (pod: any) => pod.status?.containerStatuses?.[0]?.lastState?.terminated;

test('oom: payment-service is OOMKilled; a restart does not help, a higher memory limit does', async () => {
  const { id, params } = h.faults.inject({
    type: 'oom',
    namespace: 'production',
    target: 'deployment/payment-service',
  });
  assert.equal(params.memory, '768Mi');

  const killed = await h.waitFor('an OOMKilled payment-service container', () =>
    h.pods('production', 'payment-service').find((p) => lastTermination(p)?.reason === 'OOMKilled'),
  );
  assert.equal(lastTermination(killed).exitCode, 137);
  const name = killed.metadata.name;
  await h.waitFor('the OOM kill in the metrics', () => {
    const text = h.metrics();
    return (
      sample(text, 'kube_pod_container_status_last_terminated_reason', { pod: name, reason: 'OOMKilled' }) ===
        1 && (sample(text, 'container_oom_events_total', { pod: name }) ?? 0) >= 1
    );
  });

  h.restart('production', 'payment-service');
  await h.waitFor('restarted pods to be OOMKilled too', () => {
    const pods = h.pods('production', 'payment-service');
    return (
      pods.length > 0 &&
      pods.every((p) => p.metadata.name !== name) &&
      pods.some((p) => lastTermination(p)?.reason === 'OOMKilled')
    );
  });
  await h.elapse(30);
  assert.equal(h.fault(id).status, 'active');

  h.setMainContainer('production', 'payment-service', (c) => {
    c.resources.limits.memory = '1Gi';
  });
  await h.waitFor('oom to clear', () => h.fault(id).status === 'cleared', 20_000);
  await h.elapse(30);
  for (const pod of h.pods('production', 'payment-service')) {
    assert.equal(pod.spec.containers[0].resources.limits.memory, '1Gi');
    assert.equal(pod.status.containerStatuses[0].restartCount, 0);
    assert.equal(pod.status.containerStatuses[0].ready, true);
  }
  const text = h.metrics();
  const used = sample(text, 'container_memory_working_set_bytes', {
    container: 'payment-service',
    namespace: 'production',
  });
  assert.ok(used !== undefined && used > 700 * 2 ** 20 && used < 2 ** 30, `working set ${used}`);
});

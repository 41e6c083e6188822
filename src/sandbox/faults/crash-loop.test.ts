import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const waitingReason = (pod: any) => pod.status?.containerStatuses?.[0]?.state?.waiting?.reason;

test('crash_loop: existing checkout pods crash-loop; scaling out does not clear it, a rollout restart does', async () => {
  const before = h.pods('production', 'checkout').map((p) => p.metadata.name);
  const { id } = h.faults.inject({
    type: 'crash_loop',
    namespace: 'production',
    target: 'deployment/checkout',
  });

  // The running process is killed by its failing liveness probe; from then on every start crashes.
  const crashing = await h.waitFor('a checkout pod crash-looping', () =>
    h
      .pods('production', 'checkout')
      .find(
        (p) => waitingReason(p) === 'CrashLoopBackOff' && p.status.containerStatuses[0].restartCount >= 2,
      ),
  );
  assert.ok(before.includes(crashing.metadata.name));
  const previous = h.logs('production', crashing.metadata.name, true).join('\n');
  assert.match(previous, /"level":"fatal".*failed to load cache snapshot/);
  assert.ok(
    h
      .warnings('production', 'BackOff')
      .some((e) => (e.involvedObject as any).name === crashing.metadata.name),
  );
  const text = h.metrics();
  assert.equal(
    sample(text, 'kube_pod_container_status_waiting_reason', {
      pod: crashing.metadata.name,
      reason: 'CrashLoopBackOff',
    }),
    1,
  );
  assert.ok(
    (sample(text, 'kube_pod_container_status_restarts_total', { pod: crashing.metadata.name }) ?? 0) >= 1,
  );
  assert.equal(
    sample(text, 'kube_pod_container_status_last_terminated_exitcode', { pod: crashing.metadata.name }),
    1,
  );

  h.scale('Deployment', 'production', 'checkout', 3);
  await h.waitFor('a third, healthy checkout pod', () =>
    h
      .pods('production', 'checkout')
      .find((p) => !before.includes(p.metadata.name) && p.status?.containerStatuses?.[0]?.ready),
  );
  await h.elapse(60);
  assert.equal(h.fault(id).status, 'active');
  assert.ok(h.pods('production', 'checkout').some((p) => before.includes(p.metadata.name)));

  h.restart('production', 'checkout');
  await h.waitFor('crash_loop to clear', () => h.fault(id).status === 'cleared', 20_000);
  const pods = h.pods('production', 'checkout');
  assert.equal(pods.length, 3);
  assert.ok(pods.every((p) => !before.includes(p.metadata.name) && p.status?.containerStatuses?.[0]?.ready));
  assert.ok(h.fault(id).clearedAt);
  assert.doesNotMatch(
    h.metrics(),
    /kube_pod_container_status_waiting_reason\{namespace="production",pod="checkout/,
  );
});

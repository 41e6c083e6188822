import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rt } from '../core/resources.ts';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const status = (pod: any) => pod.status?.containerStatuses?.[0];

test('bad_release: the new revision panics at start; a restart keeps the bad image, a rollback clears it', async () => {
  const { id, params } = h.faults.inject({
    type: 'bad_release',
    namespace: 'production',
    target: 'deployment/api-service',
  });
  assert.equal(params.image, 'ghcr.io/acme/api-service:1.8.3');
  const deployment = h.cluster.store.get(rt('Deployment'), 'production', 'api-service')!;
  assert.match(deployment.metadata.annotations?.['kubernetes.io/change-cause'] ?? '', /set image .*1\.8\.3/);

  const crashing = await h.waitFor('a 1.8.3 pod crash-looping', () =>
    h
      .pods('production', 'api-service')
      .find((p) => p.spec.containers[0].image.endsWith(':1.8.3') && status(p)?.lastState?.terminated),
  );
  assert.equal(status(crashing).lastState.terminated.exitCode, 2);
  const previous = h.logs('production', crashing.metadata.name, true).join('\n');
  assert.match(previous, /panic: runtime error: invalid memory address or nil pointer dereference/);
  assert.match(previous, /goroutine 1 \[running\]/);
  await h.waitFor(
    'CrashLoopBackOff in the metrics',
    () =>
      sample(h.metrics(), 'kube_pod_container_status_waiting_reason', {
        pod: crashing.metadata.name,
        reason: 'CrashLoopBackOff',
      }) === 1,
  );
  assert.ok(
    h.pods('production', 'api-service').filter((p) => p.spec.containers[0].image.endsWith(':1.8.2')).length >=
      2,
  );

  h.restart('production', 'api-service');
  await h.elapse(60);
  assert.equal(h.fault(id).status, 'active');

  h.rollback('production', 'api-service', 1);
  await h.waitFor('bad_release to clear', () => h.fault(id).status === 'cleared', 20_000);
  const pods = h.pods('production', 'api-service');
  assert.equal(pods.length, 3);
  assert.ok(pods.every((p) => p.spec.containers[0].image.endsWith(':1.8.2') && status(p).ready));
});

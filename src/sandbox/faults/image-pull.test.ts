import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const waiting = (pod: any) => pod.status?.containerStatuses?.[0]?.state?.waiting;

test('image_pull: the new revision cannot pull; a restart keeps it stuck, setting a valid image clears it', async () => {
  const { id, params } = h.faults.inject({
    type: 'image_pull',
    namespace: 'production',
    target: 'deployment/web-frontend',
  });
  assert.equal(params.image, 'ghcr.io/acme/web-frontend:2.14.1');

  const stuck = await h.waitFor('a pod in ImagePullBackOff', () =>
    h.pods('production', 'web-frontend').find((p) => waiting(p)?.reason === 'ImagePullBackOff'),
  );
  const pulls = h.warnings('production', 'Failed').map((e) => String(e.message));
  assert.ok(
    pulls.some((m) =>
      m.includes(
        'rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/web-frontend:2.14.1": failed to resolve reference "ghcr.io/acme/web-frontend:2.14.1": ghcr.io/acme/web-frontend:2.14.1: not found',
      ),
    ),
    pulls.join('\n'),
  );
  assert.equal(
    sample(h.metrics(), 'kube_pod_container_status_waiting_reason', {
      pod: stuck.metadata.name,
      reason: 'ImagePullBackOff',
    }),
    1,
  );
  const serving = h
    .pods('production', 'web-frontend')
    .filter((p) => p.spec.containers[0].image.endsWith(':2.14.0'));
  assert.ok(serving.length >= 1, 'old replicas keep serving while the rollout is stuck');

  h.restart('production', 'web-frontend');
  await h.elapse(60);
  assert.equal(h.fault(id).status, 'active');
  assert.ok(
    h
      .pods('production', 'web-frontend')
      .some((p) => waiting(p)?.reason?.includes('ImagePull') || waiting(p)?.reason === 'ErrImagePull'),
  );

  h.setMainContainer('production', 'web-frontend', (c) => {
    c.image = 'ghcr.io/acme/web-frontend:2.14.0';
  });
  await h.waitFor('image_pull to clear', () => h.fault(id).status === 'cleared', 20_000);
  const pods = h.pods('production', 'web-frontend');
  assert.equal(pods.length, 2);
  assert.ok(
    pods.every((p) => p.spec.containers[0].image === 'ghcr.io/acme/web-frontend:2.14.0' && !waiting(p)),
  );
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rt } from '../core/resources.ts';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const PVC = rt('PersistentVolumeClaim');
const postgres = () => h.cluster.store.get(rt('Pod'), 'production', 'postgres-0');
const expand = (storage: string) =>
  h.cluster.store.mutate(PVC, 'production', 'data-postgres-0', (pvc) => {
    pvc.spec.resources.requests.storage = storage;
  });
const capacity = () => h.cluster.store.get(PVC, 'production', 'data-postgres-0')?.status?.capacity?.storage;

test('pvc_full: postgres panics on a full volume; restarts and a too-small expansion do not clear it, a real one does', async () => {
  const { id, target } = h.faults.inject({ type: 'pvc_full', namespace: 'production' });
  assert.equal(target, 'statefulset/postgres');

  await h.waitFor(
    'postgres to crash-loop',
    () => (postgres()?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 2,
    20_000,
  );
  const previous = h.logs('production', 'postgres-0', true).join('\n');
  assert.match(
    previous,
    /PANIC: {2}could not write to file "pg_wal\/xlogtemp\.\d+": No space left on device/,
  );
  const text = h.metrics();
  const used = sample(text, 'kubelet_volume_stats_used_bytes', {
    persistentvolumeclaim: 'data-postgres-0',
    namespace: 'production',
  })!;
  const size = sample(text, 'kubelet_volume_stats_capacity_bytes', {
    persistentvolumeclaim: 'data-postgres-0',
    namespace: 'production',
  })!;
  assert.ok(used / size > 0.98);
  assert.equal(sample(text, 'pg_up', { namespace: 'production', service: 'postgres' }), 0);
  const api = h.runtime.traffic.service('production', 'api-service')!;
  assert.ok(api.errorRatio > 0.5, 'api-service fails the requests that need the database');
  const apiPod = h.pods('production', 'api-service')[0].metadata.name;
  await h.waitFor('api-service to log refused connections', () =>
    h
      .logs('production', apiPod)
      .some((l) => /dial tcp 10\.96\.10\.21:5432: connect: connection refused/.test(l)),
  );

  h.deletePod('production', 'postgres-0');
  await h.waitFor(
    'a new postgres-0',
    () => postgres()?.status?.containerStatuses?.[0]?.lastState?.terminated,
  );
  expand('10400Mi');
  await h.waitFor('the small expansion to land', () => capacity() === '10400Mi', 20_000);
  await h.waitFor(
    'postgres to start on the slightly larger volume',
    () => postgres()?.status?.containerStatuses?.[0]?.ready,
  );
  await h.elapse(30);
  assert.equal(h.fault(id).status, 'active', 'still above 85% used');

  expand('20Gi');
  await h.waitFor('pvc_full to clear', () => h.fault(id).status === 'cleared', 20_000);
  assert.equal(capacity(), '20Gi');
  assert.equal(sample(h.metrics(), 'pg_up', { namespace: 'production', service: 'postgres' }), 1);
  assert.ok(h.runtime.traffic.service('production', 'api-service')!.errorRatio < 0.01);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../core/cluster.ts';
import { PODS, REPLICA_SETS } from './kinds.ts';
import { container, eventsFor, runningReady, startTestCluster, waitFor } from './testkit.ts';

const replicaSet = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-6b7f9c4d5', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' }, annotations: { team: 'shop' } },
      spec: {
        containers: [container({ readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 1 } })],
      },
    },
  },
});

const pods = (cluster: Cluster) => cluster.store.list(PODS, 'default');
const live = (cluster: Cluster) =>
  pods(cluster).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed');
const rs = (cluster: Cluster) => cluster.store.mustGet(REPLICA_SETS, 'default', 'web-6b7f9c4d5');

test('a ReplicaSet creates labelled, owned pods, replaces failed ones and scales down the unready first', async (t) => {
  const unready = new Set<string>();
  const { cluster, stop } = startTestCluster({
    runtime: { probe: (p) => ({ ready: !unready.has(p.metadata.name), live: true }) },
  });
  t.after(stop);
  const { store } = cluster;
  store.create(REPLICA_SETS, replicaSet(3));
  await waitFor('3 ready', () => rs(cluster).status?.readyReplicas === 3);
  const status = rs(cluster).status;
  assert.deepEqual(
    [status.replicas, status.fullyLabeledReplicas, status.availableReplicas, status.observedGeneration],
    [3, 3, 3, 1],
  );
  for (const p of pods(cluster)) {
    assert.match(p.metadata.name, /^web-6b7f9c4d5-[b-z2-9]{5}$/);
    assert.equal(p.metadata.annotations?.team, 'shop');
    assert.equal(p.metadata.ownerReferences?.[0].uid, rs(cluster).metadata.uid);
  }
  assert.equal(eventsFor(cluster, 'web-6b7f9c4d5', 'SuccessfulCreate').length, 3);

  // An evicted pod (Failed) no longer counts: it is kept and a replacement is created.
  const evicted = pods(cluster)[0].metadata.name;
  store.mutate(PODS, 'default', evicted, (p) => {
    p.status = { ...p.status, phase: 'Failed', reason: 'Evicted' };
  });
  await waitFor(
    'replacement ready',
    () => live(cluster).filter(runningReady).length === 3 && pods(cluster).length === 4,
  );
  assert.equal(rs(cluster).status.replicas, 3);

  const slow = live(cluster)[1].metadata.name;
  unready.add(slow);
  await waitFor(
    'the slow pod unready',
    () => !runningReady(store.mustGet(PODS, 'default', slow)) && rs(cluster).status.readyReplicas === 2,
  );
  store.mutate(REPLICA_SETS, 'default', 'web-6b7f9c4d5', (r) => {
    r.spec.replicas = 2;
  });
  await waitFor('scaled down', () => live(cluster).length === 2 && rs(cluster).status.replicas === 2);
  assert.ok(!live(cluster).some((p) => p.metadata.name === slow), 'the unready pod goes first');
  assert.ok(
    eventsFor(cluster, 'web-6b7f9c4d5', 'SuccessfulDelete').some((e) => e.message === `Deleted pod: ${slow}`),
  );
});

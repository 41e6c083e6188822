import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../core/cluster.ts';
import { CONTROLLER_REVISIONS, PODS, PVCS, STATEFUL_SETS, STORAGE_CLASSES } from './kinds.ts';
import { container, eventsFor, runningReady, startTestCluster, waitFor } from './testkit.ts';

const statefulSet = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas,
    serviceName: 'web',
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container()] } },
    volumeClaimTemplates: [
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
  },
});

const pods = (cluster: Cluster) =>
  cluster.store.list(PODS, 'default').filter((p) => p.metadata.name.startsWith('web-'));
const getSet = (cluster: Cluster) => cluster.store.mustGet(STATEFUL_SETS, 'default', 'web');

test('a StatefulSet creates ordered pods with claims, rolls updates from the top ordinal down, and scales down in reverse', async (t) => {
  const { cluster, stop } = startTestCluster({ speed: 100 });
  t.after(stop);
  const { store } = cluster;
  store.create(STORAGE_CLASSES, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  });
  const outOfOrder: string[] = [];
  const deletions: string[] = [];
  const unsubscribe = store.subscribe(({ type, rt, object }) => {
    if (rt.kind !== 'Pod') return;
    const ordinal = Number(object.metadata.name.split('-')[1]);
    const previous = store.get(PODS, 'default', `web-${ordinal - 1}`);
    if (type === 'ADDED' && ordinal > 0 && !(previous && runningReady(previous)))
      outOfOrder.push(object.metadata.name);
    if (type === 'MODIFIED' && object.metadata.deletionTimestamp && !deletions.includes(object.metadata.name))
      deletions.push(object.metadata.name);
  });
  t.after(unsubscribe);
  store.create(STATEFUL_SETS, statefulSet(3));
  await waitFor('3 ready', () => getSet(cluster).status?.readyReplicas === 3);
  assert.deepEqual(outOfOrder, []);
  assert.deepEqual(
    pods(cluster)
      .map((p) => p.metadata.name)
      .sort(),
    ['web-0', 'web-1', 'web-2'],
  );
  const web1 = store.mustGet(PODS, 'default', 'web-1');
  assert.equal(web1.spec.hostname, 'web-1');
  assert.equal(web1.spec.subdomain, 'web');
  assert.deepEqual(web1.spec.volumes, [{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-1' } }]);
  assert.equal(store.mustGet(PVCS, 'default', 'data-web-1').status.phase, 'Bound');
  assert.ok(
    eventsFor(cluster, 'web', 'SuccessfulCreate').some(
      (e) => e.message === 'create Claim data-web-0 Pod web-0 in StatefulSet web success',
    ),
  );
  assert.ok(
    eventsFor(cluster, 'web', 'SuccessfulCreate').some(
      (e) => e.message === 'create Pod web-2 in StatefulSet web successful',
    ),
  );
  const firstRevision = getSet(cluster).status.currentRevision;

  store.mutate(STATEFUL_SETS, 'default', 'web', (s) => {
    s.spec.template.spec.containers[0].image = 'nginx:1.26';
  });
  await waitFor('updated', () => {
    const s = getSet(cluster).status;
    return (
      s.updatedReplicas === 3 &&
      s.readyReplicas === 3 &&
      s.currentRevision === s.updateRevision &&
      s.updateRevision !== firstRevision
    );
  });
  assert.deepEqual(deletions, ['web-2', 'web-1', 'web-0']);
  assert.equal(store.list(CONTROLLER_REVISIONS, 'default').length, 2);

  deletions.length = 0;
  store.mutate(STATEFUL_SETS, 'default', 'web', (s) => {
    s.spec.replicas = 1;
  });
  await waitFor('scaled to 1', () => pods(cluster).length === 1 && getSet(cluster).status.replicas === 1);
  assert.deepEqual(deletions, ['web-2', 'web-1']);
  assert.ok(store.get(PVCS, 'default', 'data-web-2'), 'claims outlive their pods');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../core/cluster.ts';
import { PODS, PVCS, PVS, STORAGE_CLASSES } from './kinds.ts';
import { container, eventsFor, pod, startTestCluster, waitFor } from './testkit.ts';

const claim = (name: string, storageClassName?: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: {
    ...(storageClassName ? { storageClassName } : {}),
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '10Gi' } },
  },
});

const storageClass = (name: string, extra: object = {}) => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'ebs.csi.aws.com',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'Immediate',
  allowVolumeExpansion: true,
  ...extra,
});

const getClaim = (cluster: Cluster, name: string) => cluster.store.mustGet(PVCS, 'default', name);

test('a claim of the default class is provisioned and bound both ways; a missing class stays Pending', async (t) => {
  const { cluster, stop } = startTestCluster({ speed: 100 });
  t.after(stop);
  const { store } = cluster;
  store.create(STORAGE_CLASSES, storageClass('gp3'));
  store.create(PVCS, claim('data'));
  store.create(PVCS, claim('fast', 'fast-ssd'));
  const bound = await waitFor(
    'bound',
    () => getClaim(cluster, 'data').status?.phase === 'Bound' && getClaim(cluster, 'data'),
  );
  const pv = store.mustGet(PVS, undefined, `pvc-${bound.metadata.uid}`);
  assert.equal(bound.spec.volumeName, pv.metadata.name);
  assert.deepEqual(bound.status.capacity, { storage: '10Gi' });
  assert.equal(pv.spec.claimRef.uid, bound.metadata.uid);
  assert.equal(pv.status.phase, 'Bound');
  assert.equal(pv.spec.storageClassName, 'gp3');
  assert.ok(
    eventsFor(cluster, 'data', 'ProvisioningSucceeded').some(
      (e) => e.message === `Successfully provisioned volume ${pv.metadata.name}`,
    ),
  );

  await waitFor('ProvisioningFailed', () => eventsFor(cluster, 'fast', 'ProvisioningFailed').length);
  const failed = eventsFor(cluster, 'fast', 'ProvisioningFailed')[0];
  assert.equal(failed.type, 'Warning');
  assert.equal(failed.message, 'storageclass.storage.k8s.io "fast-ssd" not found');
  assert.equal(getClaim(cluster, 'fast').status.phase, 'Pending');
  store.create(STORAGE_CLASSES, storageClass('fast-ssd', { metadata: { name: 'fast-ssd' } }));
  await waitFor(
    'fast bound once its class exists',
    () => getClaim(cluster, 'fast').status?.phase === 'Bound',
  );

  store.delete(PVCS, 'default', 'data');
  await waitFor(
    'Delete reclaim policy removes the volume',
    () => !store.get(PVS, undefined, pv.metadata.name),
  );
});

test('expanding a bound claim grows the volume and then the claim, with resize events', async (t) => {
  const { cluster, stop } = startTestCluster({ speed: 100 });
  t.after(stop);
  const { store } = cluster;
  store.create(STORAGE_CLASSES, storageClass('gp3'));
  store.create(PVCS, claim('data'));
  await waitFor('bound', () => getClaim(cluster, 'data').status?.phase === 'Bound');
  store.mutate(PVCS, 'default', 'data', (c) => {
    c.spec.resources.requests.storage = '20Gi';
  });
  await waitFor('claim resized', () => getClaim(cluster, 'data').status.capacity.storage === '20Gi');
  const pvc = getClaim(cluster, 'data');
  assert.equal(store.mustGet(PVS, undefined, pvc.spec.volumeName).spec.capacity.storage, '20Gi');
  assert.equal(pvc.status.conditions, undefined);
  for (const reason of [
    'ExternalExpanding',
    'Resizing',
    'FileSystemResizeRequired',
    'FileSystemResizeSuccessful',
  ]) {
    assert.ok(eventsFor(cluster, 'data', reason).length, `missing ${reason}`);
  }
});

test('WaitForFirstConsumer binds once a pod using the claim is scheduled, on that node', async (t) => {
  const { cluster, stop } = startTestCluster({ speed: 100 });
  t.after(stop);
  const { store } = cluster;
  store.create(
    STORAGE_CLASSES,
    storageClass('local-path', {
      provisioner: 'rancher.io/local-path',
      volumeBindingMode: 'WaitForFirstConsumer',
    }),
  );
  store.create(PVCS, claim('data'));
  await waitFor(
    'WaitForFirstConsumer event',
    () => eventsFor(cluster, 'data', 'WaitForFirstConsumer').length,
  );
  assert.equal(getClaim(cluster, 'data').status.phase, 'Pending');
  store.create(
    PODS,
    pod('db', {
      containers: [container()],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
    }),
  );
  const running = await waitFor('db running', () => {
    const p = store.get(PODS, 'default', 'db');
    return p?.status?.phase === 'Running' && p;
  });
  const pv = store.mustGet(PVS, undefined, getClaim(cluster, 'data').spec.volumeName);
  assert.deepEqual(pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values, [
    running.spec.nodeName,
  ]);
});

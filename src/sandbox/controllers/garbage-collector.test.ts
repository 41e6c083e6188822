import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONFIG_MAPS, DEPLOYMENTS, NAMESPACES, PODS, REPLICA_SETS, SERVICES } from './kinds.ts';
import { deployment, podsOf, runningReady, startTestCluster, waitFor } from './testkit.ts';

test('deleting a Deployment cascades to its ReplicaSets and pods; a second owner keeps a dependent', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  const { store } = cluster;
  const d = store.create(DEPLOYMENTS, deployment('api', { replicas: 2 }));
  const keeper = store.create(CONFIG_MAPS, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'keeper', namespace: 'default' },
    data: {},
  });
  store.create(CONFIG_MAPS, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'shared',
      namespace: 'default',
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: d.metadata.uid! },
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'keeper', uid: keeper.metadata.uid! },
      ],
    },
    data: {},
  });
  await waitFor('2 ready', () => podsOf(cluster, 'api').filter(runningReady).length === 2);
  store.delete(DEPLOYMENTS, 'default', 'api');
  await waitFor(
    'all gone',
    () => store.list(REPLICA_SETS, 'default').length === 0 && podsOf(cluster, 'api').length === 0,
  );
  const shared = store.mustGet(CONFIG_MAPS, 'default', 'shared');
  assert.deepEqual(
    shared.metadata.ownerReferences?.map((o) => o.name),
    ['keeper'],
  );
});

test('foreground deletion waits for dependents before the owner goes', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  const { store } = cluster;
  store.create(DEPLOYMENTS, deployment('api', { replicas: 2 }));
  await waitFor('2 ready', () => podsOf(cluster, 'api').filter(runningReady).length === 2);
  let replicaSetsWhenOwnerWent = -1;
  t.after(
    store.subscribe(({ type, rt }) => {
      if (rt.kind === 'Deployment' && type === 'DELETED')
        replicaSetsWhenOwnerWent = store.list(REPLICA_SETS, 'default').length;
    }),
  );
  store.mutate(DEPLOYMENTS, 'default', 'api', (d) => {
    d.metadata.finalizers = ['foregroundDeletion'];
    d.metadata.deletionTimestamp = cluster.clock.iso();
  });
  await waitFor('deployment gone last', () => !store.get(DEPLOYMENTS, 'default', 'api'));
  assert.equal(replicaSetsWhenOwnerWent, 0);
});

test('a Terminating namespace is emptied of everything, then removed', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  const { store } = cluster;
  store.create(NAMESPACES, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'shop' },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
  store.create(DEPLOYMENTS, deployment('cart', { namespace: 'shop', replicas: 2 }));
  store.create(SERVICES, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'cart', namespace: 'shop' },
    spec: { selector: { app: 'cart' }, ports: [{ port: 80 }] },
  });
  await waitFor('2 ready', () => podsOf(cluster, 'cart', 'shop').filter(runningReady).length === 2);
  store.mutate(NAMESPACES, undefined, 'shop', (ns) => {
    ns.metadata.deletionTimestamp = cluster.clock.iso();
    ns.status = { phase: 'Terminating' };
  });
  const remaining = await waitFor('content remaining reported', () =>
    store
      .get(NAMESPACES, undefined, 'shop')
      ?.status?.conditions?.find((c: any) => c.type === 'NamespaceContentRemaining'),
  );
  assert.match(remaining.message, /^Some resources are remaining: pods\. has 2 resource instances/);
  await waitFor('namespace removed', () => !store.get(NAMESPACES, undefined, 'shop'));
  assert.equal(store.list(PODS, 'shop').length, 0);
  assert.equal(store.list(SERVICES, 'shop').length, 0);
});

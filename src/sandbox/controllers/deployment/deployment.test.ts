import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../../core/cluster.ts';
import type { KubeObject } from '../../core/types.ts';
import { DEPLOYMENTS, ENDPOINTS, PODS, REPLICA_SETS, SERVICES } from '../kinds.ts';
import { withoutHashLabel } from '../template-hash.ts';
import {
  container,
  deployment,
  eventsFor,
  podsOf,
  runningReady,
  startTestCluster,
  waitFor,
} from '../testkit.ts';

const REVISION = 'deployment.kubernetes.io/revision';

const getDeployment = (cluster: Cluster, name = 'api') => cluster.store.mustGet(DEPLOYMENTS, 'default', name);
const replicaSets = (cluster: Cluster) =>
  cluster.store
    .list(REPLICA_SETS, 'default')
    .sort((a, b) => Number(a.metadata.annotations?.[REVISION]) - Number(b.metadata.annotations?.[REVISION]));
const edit = (cluster: Cluster, change: (d: KubeObject) => void, name = 'api') =>
  cluster.store.mutate(DEPLOYMENTS, 'default', name, change);

/** kubectl rollout status's verdict. */
function rolledOut(d: KubeObject): boolean {
  const s = d.status ?? {};
  return (
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1) &&
    (s.updatedReplicas ?? 0) === d.spec.replicas &&
    (s.replicas ?? 0) === (s.updatedReplicas ?? 0) &&
    (s.availableReplicas ?? 0) === (s.updatedReplicas ?? 0)
  );
}

const waitRolledOut = (cluster: Cluster, name = 'api') =>
  waitFor(
    `${name} rolled out`,
    () => rolledOut(getDeployment(cluster, name)) && getDeployment(cluster, name),
  );

test('a deployment comes up: ReplicaSet, Running and Ready pods, endpoints, status and events', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  const { store } = cluster;
  store.create(SERVICES, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'api', namespace: 'default' },
    spec: { selector: { app: 'api' }, ports: [{ port: 80, targetPort: 8080 }] },
  });
  store.create(DEPLOYMENTS, deployment('api'));
  const d = await waitRolledOut(cluster);
  const [rs] = replicaSets(cluster);
  assert.match(rs.metadata.name, /^api-[4-9bcdf]{10}$/);
  assert.equal(rs.metadata.labels?.['pod-template-hash'], rs.metadata.name.slice(4));
  assert.equal(rs.metadata.annotations?.[REVISION], '1');
  assert.equal(d.metadata.annotations?.[REVISION], '1');
  assert.equal(podsOf(cluster, 'api').filter(runningReady).length, 3);
  const conds = Object.fromEntries(d.status.conditions.map((c: any) => [c.type, c]));
  assert.equal(conds.Available.reason, 'MinimumReplicasAvailable');
  await waitFor('NewReplicaSetAvailable', () =>
    getDeployment(cluster).status.conditions.find((c: any) => c.reason === 'NewReplicaSetAvailable'),
  );
  assert.ok(
    eventsFor(cluster, 'api', 'ScalingReplicaSet').some(
      (e) => e.message === `Scaled up replica set ${rs.metadata.name} from 0 to 3`,
    ),
  );
  const ep = await waitFor(
    'endpoints',
    () =>
      (store.get(ENDPOINTS, 'default', 'api')?.subsets as any)?.[0]?.addresses?.length === 3 &&
      store.get(ENDPOINTS, 'default', 'api'),
  );
  assert.deepEqual((ep.subsets as any)[0].ports, [{ port: 8080, protocol: 'TCP' }]);
});

test('scaling up and down records ScalingReplicaSet events and keeps status right', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  cluster.store.create(DEPLOYMENTS, deployment('api'));
  await waitRolledOut(cluster);
  const rsName = replicaSets(cluster)[0].metadata.name;
  edit(cluster, (d) => {
    d.spec.replicas = 5;
  });
  await waitFor('5 available', () => getDeployment(cluster).status.availableReplicas === 5);
  edit(cluster, (d) => {
    d.spec.replicas = 2;
  });
  await waitFor(
    '2 pods left',
    () => rolledOut(getDeployment(cluster)) && podsOf(cluster, 'api').length === 2,
  );
  const messages = eventsFor(cluster, 'api', 'ScalingReplicaSet').map((e) => e.message);
  assert.ok(messages.includes(`Scaled up replica set ${rsName} from 3 to 5`));
  assert.ok(messages.includes(`Scaled down replica set ${rsName} from 5 to 2`));
  assert.equal(replicaSets(cluster).length, 1);
});

/** Watches a rollout and records the most pods ever requested and the fewest ever ready. */
function watchRollout(cluster: Cluster) {
  const seen = { maxRequested: 0, minReady: Number.POSITIVE_INFINITY };
  const unsubscribe = cluster.store.subscribe(() => {
    const requested = replicaSets(cluster).reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
    const ready = podsOf(cluster, 'api').filter(
      (p) => !p.metadata.deletionTimestamp && runningReady(p),
    ).length;
    seen.maxRequested = Math.max(seen.maxRequested, requested);
    seen.minReady = Math.min(seen.minReady, ready);
  });
  return { seen, unsubscribe };
}

for (const [surge, unavailable] of [
  [1, 0],
  [0, 2],
] as const) {
  test(`a rolling update keeps within maxSurge=${surge} and maxUnavailable=${unavailable}`, async (t) => {
    const { cluster, stop } = startTestCluster();
    t.after(stop);
    cluster.store.create(
      DEPLOYMENTS,
      deployment('api', {
        replicas: 4,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
      }),
    );
    await waitRolledOut(cluster);
    const watch = watchRollout(cluster);
    edit(cluster, (d) => {
      d.spec.template.spec.containers[0].image = 'nginx:1.26';
    });
    const d = await waitFor('rollout to 1.26', () => {
      const current = getDeployment(cluster);
      return current.metadata.annotations?.[REVISION] === '2' && rolledOut(current) && current;
    });
    watch.unsubscribe();
    assert.ok(watch.seen.maxRequested <= 4 + surge, `requested ${watch.seen.maxRequested} pods`);
    assert.ok(watch.seen.minReady >= 4 - unavailable, `only ${watch.seen.minReady} ready`);
    const [old, current] = replicaSets(cluster);
    assert.equal(old.spec.replicas, 0);
    assert.equal(current.spec.replicas, 4);
    assert.equal(d.status.updatedReplicas, 4);
    await waitFor('old pods gone', () =>
      podsOf(cluster, 'api').every((p) => p.spec.containers[0].image === 'nginx:1.26'),
    );
  });
}

test('rollback (template of an old ReplicaSet) adopts that ReplicaSet with the next revision', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  cluster.store.create(DEPLOYMENTS, deployment('api', { replicas: 2 }));
  await waitRolledOut(cluster);
  edit(cluster, (d) => {
    d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'upgrade to 1.26' };
    d.spec.template.spec.containers[0].image = 'nginx:1.26';
  });
  await waitFor(
    'revision 2 rolled out',
    () =>
      getDeployment(cluster).metadata.annotations?.[REVISION] === '2' && rolledOut(getDeployment(cluster)),
  );
  const [first, second] = replicaSets(cluster);
  assert.equal(second.metadata.annotations?.['kubernetes.io/change-cause'], 'upgrade to 1.26');
  // What `kubectl rollout undo` sends: the old ReplicaSet's template without pod-template-hash.
  edit(cluster, (d) => {
    d.spec.template = withoutHashLabel(first.spec.template);
  });
  await waitFor(
    'revision 3',
    () =>
      getDeployment(cluster).metadata.annotations?.[REVISION] === '3' && rolledOut(getDeployment(cluster)),
  );
  const adopted = cluster.store.mustGet(REPLICA_SETS, 'default', first.metadata.name);
  assert.equal(adopted.metadata.annotations?.[REVISION], '3');
  assert.equal(adopted.metadata.annotations?.['deployment.kubernetes.io/revision-history'], '1');
  assert.equal(adopted.spec.replicas, 2);
  assert.equal(cluster.store.mustGet(REPLICA_SETS, 'default', second.metadata.name).spec.replicas, 0);
  assert.equal(replicaSets(cluster).length, 2);
});

test('rollout restart (a template annotation) creates a new ReplicaSet', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  cluster.store.create(DEPLOYMENTS, deployment('api', { replicas: 2 }));
  await waitRolledOut(cluster);
  const before = podsOf(cluster, 'api').map((p) => p.metadata.name);
  edit(cluster, (d) => {
    d.spec.template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': cluster.clock.iso() };
  });
  await waitFor('restart rolled out', () => {
    const d = getDeployment(cluster);
    return (
      d.metadata.annotations?.[REVISION] === '2' &&
      rolledOut(d) &&
      podsOf(cluster, 'api').every((p) => !before.includes(p.metadata.name))
    );
  });
  assert.equal(replicaSets(cluster).length, 2);
  assert.ok(
    podsOf(cluster, 'api').every((p) => p.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']),
  );
});

test('Recreate scales the old ReplicaSet away completely before the new one starts', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  cluster.store.create(DEPLOYMENTS, deployment('api', { replicas: 3, strategy: { type: 'Recreate' } }));
  await waitRolledOut(cluster);
  const oldHash = replicaSets(cluster)[0].metadata.labels?.['pod-template-hash'];
  let overlap = false;
  const unsubscribe = cluster.store.subscribe(({ rt, object }) => {
    if (rt.kind !== 'Pod' || object.metadata.labels?.['pod-template-hash'] === oldHash) return;
    if (podsOf(cluster, 'api').some((p) => p.metadata.labels?.['pod-template-hash'] === oldHash))
      overlap = true;
  });
  edit(cluster, (d) => {
    d.spec.template.spec.containers[0].image = 'nginx:1.26';
  });
  await waitFor(
    'recreated',
    () =>
      getDeployment(cluster).metadata.annotations?.[REVISION] === '2' && rolledOut(getDeployment(cluster)),
  );
  unsubscribe();
  assert.equal(overlap, false);
});

test('paused deployments do not roll out; revisionHistoryLimit prunes old ReplicaSets', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  const d = deployment('api', { replicas: 1 });
  d.spec.revisionHistoryLimit = 1;
  cluster.store.create(DEPLOYMENTS, d);
  await waitRolledOut(cluster);
  edit(cluster, (x) => {
    x.spec.paused = true;
    x.spec.template.spec.containers[0].image = 'nginx:1.26';
  });
  await waitFor('paused condition', () =>
    getDeployment(cluster).status.conditions.find(
      (c: any) => c.reason === 'DeploymentPaused' && c.status === 'Unknown',
    ),
  );
  assert.equal(replicaSets(cluster).length, 1);
  edit(cluster, (x) => {
    x.spec.paused = false;
  });
  await waitFor(
    'revision 2',
    () =>
      getDeployment(cluster).metadata.annotations?.[REVISION] === '2' && rolledOut(getDeployment(cluster)),
  );
  edit(cluster, (x) => {
    x.spec.template.spec.containers[0].image = 'nginx:1.27';
  });
  await waitFor(
    'revision 3 and pruned history',
    () =>
      getDeployment(cluster).metadata.annotations?.[REVISION] === '3' &&
      rolledOut(getDeployment(cluster)) &&
      replicaSets(cluster).length === 2,
  );
  assert.deepEqual(
    replicaSets(cluster).map((rs) => rs.metadata.annotations?.[REVISION]),
    ['2', '3'],
  );
});

test('a rollout that cannot progress reports ProgressDeadlineExceeded', async (t) => {
  const { cluster, stop } = startTestCluster({
    speed: 200,
    runtime: { pullImage: (image) => (image.endsWith(':broken') ? 'manifest unknown' : undefined) },
  });
  t.after(stop);
  const d = deployment('api', { replicas: 2 });
  d.spec.progressDeadlineSeconds = 30;
  cluster.store.create(DEPLOYMENTS, d);
  await waitRolledOut(cluster);
  edit(cluster, (x) => {
    x.spec.template.spec.containers[0].image = 'nginx:broken';
  });
  const cond = await waitFor('deadline exceeded', () =>
    getDeployment(cluster).status.conditions.find(
      (c: any) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded',
    ),
  );
  assert.equal(cond.status, 'False');
  assert.match(cond.message, /^ReplicaSet "api-[4-9bcdf]{10}" has timed out progressing\.$/);
  assert.equal(getDeployment(cluster).status.availableReplicas, 2);
  assert.ok(cluster.store.list(PODS, 'default').some((p) => p.spec.containers[0].image === 'nginx:broken'));
});

test('a template that cannot be served keeps the old pods: maxUnavailable holds the line', async (t) => {
  const { cluster, stop } = startTestCluster({
    runtime: { pullImage: (image) => (image.endsWith(':broken') ? 'not found' : undefined) },
  });
  t.after(stop);
  cluster.store.create(
    DEPLOYMENTS,
    deployment('api', { replicas: 4, podSpec: { containers: [container()] } }),
  );
  await waitRolledOut(cluster);
  edit(cluster, (x) => {
    x.spec.template.spec.containers[0].image = 'nginx:broken';
  });
  await waitFor(
    'new pods in image pull back-off',
    () =>
      podsOf(cluster, 'api').filter(
        (p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff',
      ).length === 2,
  );
  const d = getDeployment(cluster);
  assert.equal(d.status.availableReplicas, 3);
  assert.equal(d.status.updatedReplicas, 2);
  assert.equal(d.status.replicas, 5);
  // As `kubectl describe` shows it: 4 desired | 2 updated | 5 total | 3 available | 2 unavailable.
  assert.equal(d.status.unavailableReplicas, 2);
});

test('minReadySeconds holds pods back from counting as available', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  cluster.store.create(DEPLOYMENTS, deployment('api', { replicas: 2, minReadySeconds: 20 }));
  const d = await waitFor('ready but not yet available', () => {
    const x = getDeployment(cluster);
    return x.status?.readyReplicas === 2 && x;
  });
  assert.equal(d.status.availableReplicas ?? 0, 0);
  assert.equal(d.status.conditions.find((c: any) => c.type === 'Available').status, 'False');
  const readyAt = cluster.clock.now();
  await waitFor('available', () => getDeployment(cluster).status.availableReplicas === 2);
  assert.ok(cluster.clock.now() - readyAt >= 15_000);
  assert.equal(
    getDeployment(cluster).status.conditions.find((c: any) => c.type === 'Available').reason,
    'MinimumReplicasAvailable',
  );
});

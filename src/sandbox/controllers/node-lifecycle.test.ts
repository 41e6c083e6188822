import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../core/cluster.ts';
import { HEALTHY_NODE, type NodeHealth } from '../core/runtime.ts';
import { DEPLOYMENTS, LEASES, NODES } from './kinds.ts';
import {
  container,
  deployment,
  eventsFor,
  podsOf,
  runningReady,
  startTestCluster,
  waitFor,
} from './testkit.ts';

const node = (cluster: Cluster, name: string) => cluster.store.mustGet(NODES, undefined, name);
const condition = (cluster: Cluster, name: string, type: string) =>
  node(cluster, name).status.conditions.find((c: any) => c.type === type);
const taintKeys = (cluster: Cluster, name: string) =>
  (node(cluster, name).spec.taints ?? []).map((t: any) => `${t.key}:${t.effect}`);

/** A runtime whose node health the test changes as it goes. */
function faultyNodes() {
  const health = new Map<string, Partial<NodeHealth>>();
  return { health, nodeHealth: (name: string): NodeHealth => ({ ...HEALTHY_NODE, ...health.get(name) }) };
}

test('nodes post Ready with real reasons and renew their lease; cordon taints, uncordon untaints', async (t) => {
  const { cluster, stop } = startTestCluster({ nodes: 2 });
  t.after(stop);
  const ready = condition(cluster, 'node-1', 'Ready');
  assert.equal(ready.status, 'True');
  assert.equal(ready.reason, 'KubeletReady');
  assert.equal(ready.message, 'kubelet is posting ready status');
  assert.equal(condition(cluster, 'node-1', 'DiskPressure').reason, 'KubeletHasNoDiskPressure');
  const lease = cluster.store.mustGet(LEASES, 'kube-node-lease', 'node-1');
  assert.equal(lease.spec.holderIdentity, 'node-1');
  await waitFor(
    'lease renewed',
    () => cluster.store.mustGet(LEASES, 'kube-node-lease', 'node-1').spec.renewTime !== lease.spec.renewTime,
  );
  cluster.store.mutate(NODES, undefined, 'node-1', (n) => {
    n.spec.unschedulable = true;
  });
  await waitFor('cordon taint', () =>
    taintKeys(cluster, 'node-1').includes('node.kubernetes.io/unschedulable:NoSchedule'),
  );
  await waitFor('NodeNotSchedulable event', () => eventsFor(cluster, 'node-1', 'NodeNotSchedulable').length);
  cluster.store.mutate(NODES, undefined, 'node-1', (n) => {
    n.spec.unschedulable = false;
  });
  await waitFor('taint removed', () => taintKeys(cluster, 'node-1').length === 0);
});

test('a node whose kubelet stops goes Unknown, its pods NotReady, then evicted and replaced elsewhere', async (t) => {
  const nodes = faultyNodes();
  const { cluster, stop } = startTestCluster({ speed: 100, runtime: { nodeHealth: nodes.nodeHealth } });
  t.after(stop);
  const tolerations = [
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 20 },
  ];
  cluster.store.create(
    DEPLOYMENTS,
    deployment('api', { replicas: 3, podSpec: { tolerations, containers: [container()] } }),
  );
  await waitFor('3 ready', () => podsOf(cluster, 'api').filter(runningReady).length === 3);
  const victim = podsOf(cluster, 'api').find((p) => p.spec.nodeName === 'node-1')!;
  nodes.health.set('node-1', { kubeletUp: false });

  await waitFor('Ready Unknown', () => condition(cluster, 'node-1', 'Ready').status === 'Unknown');
  const ready = condition(cluster, 'node-1', 'Ready');
  assert.equal(ready.reason, 'NodeStatusUnknown');
  assert.equal(ready.message, 'Kubelet stopped posting node status.');
  assert.equal(condition(cluster, 'node-1', 'MemoryPressure').status, 'Unknown');
  await waitFor('unreachable taints', () =>
    ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'].every((k) =>
      taintKeys(cluster, 'node-1').includes(k),
    ),
  );
  assert.ok(
    eventsFor(cluster, 'node-1', 'NodeNotReady').some(
      (e) => e.message === 'Node node-1 status is now: NodeNotReady',
    ),
  );
  await waitFor('pod NotReady event', () => eventsFor(cluster, victim.metadata.name, 'NodeNotReady').length);

  await waitFor(
    'victim evicted and gone',
    () => !podsOf(cluster, 'api').some((p) => p.metadata.name === victim.metadata.name),
  );
  assert.ok(
    eventsFor(cluster, victim.metadata.name, 'TaintManagerEviction').some(
      (e) => e.message === `Marking for deletion Pod default/${victim.metadata.name}`,
    ),
  );
  await waitFor('replacement ready elsewhere', () => {
    const pods = podsOf(cluster, 'api').filter(runningReady);
    return pods.length === 3 && pods.every((p) => p.spec.nodeName !== 'node-1');
  });

  nodes.health.set('node-1', { kubeletUp: true });
  await waitFor('Ready again', () => condition(cluster, 'node-1', 'Ready').status === 'True');
  await waitFor('untainted', () => taintKeys(cluster, 'node-1').length === 0);
});

test('disk pressure taints the node and evicts BestEffort pods, which are replaced elsewhere', async (t) => {
  const nodes = faultyNodes();
  const { cluster, stop } = startTestCluster({ speed: 100, runtime: { nodeHealth: nodes.nodeHealth } });
  t.after(stop);
  cluster.store.create(DEPLOYMENTS, deployment('web', { replicas: 3 }));
  await waitFor('3 ready', () => podsOf(cluster, 'web').filter(runningReady).length === 3);
  const victim = podsOf(cluster, 'web').find((p) => p.spec.nodeName === 'node-2')!;
  nodes.health.set('node-2', { diskPressure: true });
  await waitFor('DiskPressure', () => condition(cluster, 'node-2', 'DiskPressure').status === 'True');
  assert.equal(condition(cluster, 'node-2', 'DiskPressure').reason, 'KubeletHasDiskPressure');
  await waitFor('disk-pressure taint', () =>
    taintKeys(cluster, 'node-2').includes('node.kubernetes.io/disk-pressure:NoSchedule'),
  );
  const evicted = await waitFor('evicted', () => {
    const p = podsOf(cluster, 'web').find((x) => x.metadata.name === victim.metadata.name);
    return p?.status.reason === 'Evicted' && p;
  });
  assert.equal(evicted.status.phase, 'Failed');
  assert.match(evicted.status.message, /^The node was low on resource: ephemeral-storage\. /);
  assert.ok(eventsFor(cluster, victim.metadata.name, 'Evicted').length);
  assert.ok(eventsFor(cluster, 'node-2', 'EvictionThresholdMet').length);
  await waitFor(
    '3 ready replicas off node-2',
    () => podsOf(cluster, 'web').filter((p) => runningReady(p) && p.spec.nodeName !== 'node-2').length === 3,
  );
});

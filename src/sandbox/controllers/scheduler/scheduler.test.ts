import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../../core/cluster.ts';
import { DEPLOYMENTS, NODES, PODS, PVCS } from '../kinds.ts';
import {
  container,
  deployment,
  eventsFor,
  makeNode,
  pod,
  podsOf,
  startTestCluster,
  waitFor,
} from '../testkit.ts';

const getPod = (cluster: Cluster, name: string) => cluster.store.get(PODS, 'default', name);
const unschedulable = (cluster: Cluster, name: string) =>
  waitFor(`${name} unschedulable`, () =>
    getPod(cluster, name)?.status?.conditions?.find(
      (c: any) => c.type === 'PodScheduled' && c.status === 'False',
    ),
  );

const controlPlane = makeNode('control-plane', {
  labels: { 'node-role.kubernetes.io/control-plane': '' },
  taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
});

test('insufficient memory and an untolerated taint give the real FailedScheduling message', async (t) => {
  const { cluster, stop } = startTestCluster({
    nodes: [controlPlane, makeNode('worker-1'), makeNode('worker-2')],
  });
  t.after(stop);
  cluster.store.create(PODS, pod('big', { containers: [container({ requests: { memory: '32Gi' } })] }));
  const cond = await unschedulable(cluster, 'big');
  const expected =
    '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. ' +
    'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
  assert.equal(cond.reason, 'Unschedulable');
  assert.equal(cond.message, expected);
  const event = eventsFor(cluster, 'big', 'FailedScheduling')[0];
  assert.equal(event.type, 'Warning');
  assert.equal(event.message, expected);
  assert.equal(getPod(cluster, 'big')?.status.phase, 'Pending');
});

test('nodeSelector, cpu and anti-affinity failures; a new node that fits gets the pod', async (t) => {
  const { cluster, stop } = startTestCluster({ nodes: 2 });
  t.after(stop);
  cluster.store.create(PODS, pod('picky', { nodeSelector: { disktype: 'ssd' }, containers: [container()] }));
  cluster.store.create(PODS, pod('greedy', { containers: [container({ requests: { cpu: '6' } })] }));
  assert.equal(
    (await unschedulable(cluster, 'picky')).message,
    "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  );
  assert.equal(
    (await unschedulable(cluster, 'greedy')).message,
    '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
  );
  cluster.store.create(NODES, makeNode('node-ssd', { cpu: '8', labels: { disktype: 'ssd' } }));
  await waitFor('picky bound', () => getPod(cluster, 'picky')?.spec.nodeName === 'node-ssd');
  await waitFor('greedy bound', () => getPod(cluster, 'greedy')?.spec.nodeName === 'node-ssd');
  assert.ok(
    eventsFor(cluster, 'picky', 'Scheduled').some(
      (e) => e.message === 'Successfully assigned default/picky to node-ssd',
    ),
  );
  const scheduled = getPod(cluster, 'picky')?.status.conditions.find((c: any) => c.type === 'PodScheduled');
  assert.equal(scheduled.status, 'True');
});

test('required pod anti-affinity on hostname puts one replica per node', async (t) => {
  const { cluster, stop } = startTestCluster({ nodes: 2 });
  t.after(stop);
  const antiAffinity = {
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [
        { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' },
      ],
    },
  };
  cluster.store.create(
    DEPLOYMENTS,
    deployment('db', { replicas: 3, podSpec: { affinity: antiAffinity, containers: [container()] } }),
  );
  const stuck = await waitFor('third replica stuck', () =>
    podsOf(cluster, 'db').find((p) =>
      p.status?.conditions?.some((c: any) => c.type === 'PodScheduled' && c.status === 'False'),
    ),
  );
  assert.match(
    stuck.status.conditions[0].message,
    /^0\/2 nodes are available: 2 node\(s\) didn't match pod anti-affinity rules\. preemption: /,
  );
  const bound = podsOf(cluster, 'db').filter((p) => p.spec.nodeName);
  assert.deepEqual(bound.map((p) => p.spec.nodeName).sort(), ['node-1', 'node-2']);
});

test('replicas spread across nodes; a cordoned node takes none; an unbound claim blocks scheduling', async (t) => {
  const { cluster, stop } = startTestCluster({ nodes: 3 });
  t.after(stop);
  cluster.store.mutate(NODES, undefined, 'node-3', (n) => {
    n.spec.unschedulable = true;
  });
  cluster.store.create(DEPLOYMENTS, deployment('web', { replicas: 4 }));
  await waitFor('4 bound', () => podsOf(cluster, 'web').filter((p) => p.spec.nodeName).length === 4);
  const perNode = new Map<string, number>();
  for (const p of podsOf(cluster, 'web'))
    perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  assert.deepEqual([...perNode].sort(), [
    ['node-1', 2],
    ['node-2', 2],
  ]);
  cluster.store.create(PVCS, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'default' },
    spec: {
      storageClassName: 'nope',
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
    },
  });
  cluster.store.create(
    PODS,
    pod('db', {
      containers: [container()],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
    }),
  );
  assert.equal(
    (await unschedulable(cluster, 'db')).message,
    '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  );
});

test('capacity freed by a deleted pod lets a waiting pod in', async (t) => {
  const { cluster, stop } = startTestCluster({ nodes: [makeNode('solo', { memory: '8Gi' })] });
  t.after(stop);
  cluster.store.create(PODS, pod('first', { containers: [container({ requests: { memory: '6Gi' } })] }));
  await waitFor('first bound', () => getPod(cluster, 'first')?.spec.nodeName === 'solo');
  cluster.store.create(PODS, pod('second', { containers: [container({ requests: { memory: '6Gi' } })] }));
  assert.match(
    (await unschedulable(cluster, 'second')).message,
    /^0\/1 nodes are available: 1 Insufficient memory\./,
  );
  cluster.store.delete(PODS, 'default', 'first');
  await waitFor('second bound', () => getPod(cluster, 'second')?.spec.nodeName === 'solo');
});

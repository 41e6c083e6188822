import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAEMON_SETS, NODES, PODS } from './kinds.ts';
import { container, makeNode, startTestCluster, waitFor } from './testkit.ts';

test('a DaemonSet runs one pod per eligible node, cordoned ones included, tainted ones only when tolerated', async (t) => {
  const nodes = [
    makeNode('node-1'),
    makeNode('node-2', { unschedulable: true }),
    makeNode('gpu', { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] }),
  ];
  const { cluster, stop } = startTestCluster({ nodes });
  t.after(stop);
  const { store } = cluster;
  store.create(DAEMON_SETS, {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [container()] } },
    },
  });
  const placement = () =>
    store
      .list(PODS, 'default')
      .filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)
      .map((p) => p.spec.nodeName)
      .sort();
  await waitFor('2 daemons', () => store.mustGet(DAEMON_SETS, 'default', 'agent').status?.numberReady === 2);
  assert.deepEqual(placement(), ['node-1', 'node-2']);
  const status = store.mustGet(DAEMON_SETS, 'default', 'agent').status;
  assert.equal(status.desiredNumberScheduled, 2);
  assert.equal(status.currentNumberScheduled, 2);
  const tolerations = store.list(PODS, 'default')[0].spec.tolerations.map((t: any) => t.key);
  assert.ok(
    tolerations.includes('node.kubernetes.io/unreachable') &&
      tolerations.includes('node.kubernetes.io/unschedulable'),
  );

  store.mutate(DAEMON_SETS, 'default', 'agent', (ds) => {
    ds.spec.template.spec.tolerations = [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }];
  });
  await waitFor('3 daemons on the new revision', () => {
    const s = store.mustGet(DAEMON_SETS, 'default', 'agent').status;
    return s.numberReady === 3 && s.updatedNumberScheduled === 3 && placement().length === 3;
  });
  assert.deepEqual(placement(), ['gpu', 'node-1', 'node-2']);
  store.delete(NODES, undefined, 'node-1');
  await waitFor(
    'desired follows nodes',
    () => store.mustGet(DAEMON_SETS, 'default', 'agent').status.desiredNumberScheduled === 2,
  );
});

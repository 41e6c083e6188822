import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../core/cluster.ts';
import type { KubeObject } from '../core/types.ts';
import { DEPLOYMENTS, NODES, PODS, REPLICA_SETS } from './kinds.ts';
import { container, deployment, eventsFor, pod, startTestCluster, waitFor } from './testkit.ts';

/** A snapshot-style estate: a deployment, its ReplicaSet and two pods, with the status a file gave them. */
function seedSnapshot(cluster: Cluster): void {
  const { store } = cluster;
  const freeze = (obj: KubeObject) => {
    store.freeze(obj);
    return obj;
  };
  const d = freeze(
    store.create(DEPLOYMENTS, {
      ...deployment('api', { replicas: 2 }),
      status: { replicas: 2, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 2 },
    }),
  );
  const rs = freeze(
    store.create(REPLICA_SETS, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'api-5d8c9f7b4d',
        namespace: 'default',
        labels: { app: 'api', 'pod-template-hash': '5d8c9f7b4d' },
        annotations: { 'deployment.kubernetes.io/revision': '1' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: d.metadata.uid!, controller: true },
        ],
      },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'api', 'pod-template-hash': '5d8c9f7b4d' } },
        template: {
          metadata: { labels: { app: 'api', 'pod-template-hash': '5d8c9f7b4d' } },
          spec: { containers: [container()] },
        },
      },
      status: { replicas: 2, readyReplicas: 1, availableReplicas: 1 },
    }),
  );
  const crashing = {
    name: 'app',
    ready: false,
    restartCount: 7,
    state: {
      waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=app' },
    },
    lastState: { terminated: { exitCode: 1, reason: 'Error' } },
  };
  for (const [name, status] of [
    [
      'api-5d8c9f7b4d-aaaaa',
      {
        phase: 'Running',
        podIP: '10.244.1.7',
        containerStatuses: [
          {
            name: 'app',
            ready: true,
            restartCount: 0,
            state: { running: { startedAt: '2024-01-01T00:00:00Z' } },
          },
        ],
      },
    ],
    ['api-5d8c9f7b4d-bbbbb', { phase: 'Running', podIP: '10.244.2.7', containerStatuses: [crashing] }],
  ] as const) {
    freeze(
      store.create(PODS, {
        ...pod(name, { nodeName: name.endsWith('a') ? 'node-1' : 'node-2', containers: [container()] }),
        metadata: {
          name,
          namespace: 'default',
          labels: { app: 'api', 'pod-template-hash': '5d8c9f7b4d' },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: rs.metadata.name,
              uid: rs.metadata.uid!,
              controller: true,
            },
          ],
        },
        status,
      }),
    );
  }
  freeze(
    store.create(PODS, {
      ...pod('stuck', { containers: [container()] }),
      status: {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes are available: 3 Insufficient memory.',
          },
        ],
      },
    }),
  );
  store.freeze(store.mustGet(NODES, undefined, 'node-1'));
}

test('frozen snapshot objects keep their given status; a scale-down of their ReplicaSet still deletes a frozen pod', async (t) => {
  const { cluster, stop } = startTestCluster({ speed: 100, seed: seedSnapshot });
  t.after(stop);
  const { store } = cluster;
  const versions = () =>
    store.list(PODS, 'default').map((p) => `${p.metadata.name}@${p.metadata.resourceVersion}`);
  const before = versions();
  const d = store.mustGet(DEPLOYMENTS, 'default', 'api');
  const start = cluster.clock.now();
  await waitFor('a minute passes', () => cluster.clock.now() > start + 60_000);
  assert.deepEqual(versions(), before);
  assert.equal(
    store.mustGet(DEPLOYMENTS, 'default', 'api').metadata.resourceVersion,
    d.metadata.resourceVersion,
  );
  assert.equal(store.mustGet(PODS, 'default', 'stuck').spec.nodeName, undefined);
  assert.equal(store.list(REPLICA_SETS, 'default').length, 1);
  assert.equal(store.mustGet(NODES, undefined, 'node-1').status.conditions, undefined);
  assert.ok(store.mustGet(NODES, undefined, 'node-2').status.conditions, 'unfrozen nodes are managed');

  // kubectl scale rs: the write unfreezes the ReplicaSet, whose controller then deletes the crash-looping pod.
  store.mutate(REPLICA_SETS, 'default', 'api-5d8c9f7b4d', (rs) => {
    rs.spec.replicas = 1;
  });
  await waitFor('crashing pod removed', () => !store.get(PODS, 'default', 'api-5d8c9f7b4d-bbbbb'));
  assert.ok(store.get(PODS, 'default', 'api-5d8c9f7b4d-aaaaa'));
  assert.ok(
    eventsFor(cluster, 'api-5d8c9f7b4d', 'SuccessfulDelete').some(
      (e) => e.message === 'Deleted pod: api-5d8c9f7b4d-bbbbb',
    ),
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../core/cluster.ts';
import { DEPLOYMENTS, HPAS } from './kinds.ts';
import {
  container,
  deployment,
  eventsFor,
  podsOf,
  runningReady,
  startTestCluster,
  waitFor,
} from './testkit.ts';

const hpa = (name: string, maxReplicas: number) => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name, namespace: 'default' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
    minReplicas: 2,
    maxReplicas,
    metrics: [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
      },
    ],
  },
});

const condition = (cluster: Cluster, name: string, type: string) =>
  cluster.store.get(HPAS, 'default', name)?.status?.conditions?.find((c: any) => c.type === type);

test('CPU above target scales the deployment up, doubling per step, then capped at maxReplicas', async (t) => {
  const { cluster, stop } = startTestCluster({
    speed: 100,
    runtime: { usage: () => ({ cpuCores: 0.4, memoryBytes: 100 * 2 ** 20 }) },
  });
  t.after(stop);
  const { store } = cluster;
  store.create(
    DEPLOYMENTS,
    deployment('api', { replicas: 2, podSpec: { containers: [container({ requests: { cpu: '200m' } })] } }),
  );
  await waitFor('2 ready', () => podsOf(cluster, 'api').filter(runningReady).length === 2);
  store.create(HPAS, hpa('api', 10));
  await waitFor('scaled to 4', () => store.mustGet(DEPLOYMENTS, 'default', 'api').spec.replicas === 4);
  assert.ok(
    eventsFor(cluster, 'api', 'SuccessfulRescale').some(
      (e) =>
        e.message === 'New size: 4; reason: cpu resource utilization (percentage of request) above target',
    ),
  );
  const status = store.mustGet(HPAS, 'default', 'api').status;
  assert.equal(status.currentMetrics[0].resource.current.averageUtilization, 200);
  assert.equal(status.currentMetrics[0].resource.current.averageValue, '400m');
  assert.equal(condition(cluster, 'api', 'ScalingActive').reason, 'ValidMetricFound');
  assert.equal(condition(cluster, 'api', 'ScalingLimited').reason, 'ScaleUpLimit');
  await waitFor(
    'capped at 10',
    () =>
      store.mustGet(DEPLOYMENTS, 'default', 'api').spec.replicas === 10 &&
      condition(cluster, 'api', 'ScalingLimited')?.reason === 'TooManyReplicas',
  );
  assert.equal(condition(cluster, 'api', 'AbleToScale').status, 'True');
});

test('a target without cpu requests cannot be autoscaled: ScalingActive False with FailedGetResourceMetric', async (t) => {
  const { cluster, stop } = startTestCluster({ speed: 100 });
  t.after(stop);
  const { store } = cluster;
  store.create(DEPLOYMENTS, deployment('web', { replicas: 2 }));
  await waitFor('2 ready', () => podsOf(cluster, 'web').filter(runningReady).length === 2);
  store.create(HPAS, hpa('web', 5));
  const active = await waitFor(
    'ScalingActive False',
    () =>
      condition(cluster, 'web', 'ScalingActive')?.status === 'False' &&
      condition(cluster, 'web', 'ScalingActive'),
  );
  assert.equal(active.reason, 'FailedGetResourceMetric');
  assert.match(
    active.message,
    /^the HPA was unable to compute the replica count: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container app of Pod web-[4-9bcdf]{10}-\w{5}$/,
  );
  const event = eventsFor(cluster, 'web', 'FailedGetResourceMetric')[0];
  assert.equal(event.type, 'Warning');
  assert.match(
    event.message as string,
    /^failed to get cpu utilization: missing request for cpu in container app of Pod web-/,
  );
  assert.equal(store.mustGet(DEPLOYMENTS, 'default', 'web').spec.replicas, 2);
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Cluster, createCluster } from '../core/cluster.ts';
import { HEALTHY_NODE, healthyRuntime } from '../core/runtime.ts';
import { namespace, pod, seed, startTestApi, type TestApi } from './test-fixtures.ts';

describe('metrics.k8s.io', () => {
  let api: TestApi;
  let cluster: Cluster;
  before(async () => {
    cluster = createCluster({
      speed: 50,
      runtime: {
        ...healthyRuntime,
        usage: (p) => ({
          cpuCores: p.metadata.name === 'busy' ? 0.75 : 0.25,
          memoryBytes: 256 * 1024 * 1024,
        }),
        nodeHealth: (name) => ({ ...HEALTHY_NODE, kubeletUp: name !== 'down' }),
      },
    });
    api = await startTestApi(cluster);
    seed(cluster, namespace('m'));
    for (const name of ['n1', 'down']) {
      seed(cluster, {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name, labels: { role: 'worker' } },
        spec: {},
      });
    }
    seed(cluster, pod('m', 'busy', { nodeName: 'n1', containers: ['a', 'b'] }));
    seed(cluster, pod('m', 'idle', { nodeName: 'n1', labels: { app: 'idle' } }));
    seed(cluster, pod('m', 'pending', { phase: 'Pending' }));
    seed(cluster, pod('m', 'lost', { nodeName: 'down' }));
  });
  after(() => api.close());

  it('serves PodMetrics for running pods on reachable nodes', async () => {
    const list = await api.json('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/m/pods');
    assert.equal(list.kind, 'PodMetricsList');
    assert.deepEqual(
      list.items.map((i: any) => i.metadata.name),
      ['busy', 'idle'],
    );
    const busy = list.items[0];
    assert.deepEqual(busy.containers, [
      { name: 'a', usage: { cpu: '750000000n', memory: '262144Ki' } },
      { name: 'b', usage: { cpu: '750000000n', memory: '262144Ki' } },
    ]);
    const selected = await api.json('GET', '/apis/metrics.k8s.io/v1beta1/pods?labelSelector=app%3Didle');
    assert.deepEqual(
      selected.items.map((i: any) => i.metadata.name),
      ['idle'],
    );
    const one = await api.json('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/m/pods/idle');
    assert.equal(one.kind, 'PodMetrics');
    const missing = await api.call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/m/pods/pending');
    assert.equal(missing.status, 404);
  });

  it('serves NodeMetrics as the sum of the node pods plus system overhead', async () => {
    const list = await api.json('GET', '/apis/metrics.k8s.io/v1beta1/nodes');
    assert.deepEqual(
      list.items.map((i: any) => i.metadata.name),
      ['n1'],
    );
    const cpu = Number(list.items[0].usage.cpu.slice(0, -1)) / 1e9;
    assert.ok(cpu > 1.75 && cpu < 2, `cpu ${cpu}`);
    assert.match(list.items[0].usage.memory, /^\d+Ki$/);
  });

  it('is read-only', async () => {
    assert.equal(
      (await api.call('DELETE', '/apis/metrics.k8s.io/v1beta1/namespaces/m/pods/busy')).status,
      405,
    );
    assert.equal((await api.call('GET', '/apis/metrics.k8s.io/v1beta1/pods?watch=true')).status, 405);
  });
});

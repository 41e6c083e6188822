import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createCluster } from '../core/cluster.ts';
import { rt } from '../core/resources.ts';
import { applySnapshot, loadSnapshotFiles } from './index.ts';

const SHOP = fileURLToPath(new URL('./testdata/shop.yaml', import.meta.url));

describe('applySnapshot', () => {
  it('creates namespaces first, resolves owners and involved objects, freezes and keeps status', () => {
    const cluster = createCluster();
    applySnapshot(cluster, loadSnapshotFiles([SHOP]));
    const { store } = cluster;
    const namespaces = store.list(rt('Namespace')).map((n) => n.metadata.name);
    assert.deepEqual(namespaces, ['default', 'shop', 'staging']);

    const deployment = store.get(rt('Deployment'), 'shop', 'cart')!;
    const rs = store.get(rt('ReplicaSet'), 'shop', 'cart-5d8c9')!;
    const pod = store.get(rt('Pod'), 'shop', 'cart-5d8c9-x2x')!;
    assert.equal(rs.metadata.ownerReferences?.[0].uid, deployment.metadata.uid);
    assert.equal(pod.metadata.ownerReferences?.[0].uid, rs.metadata.uid);
    const event = store.get(rt('Event'), 'shop', 'cart-5d8c9-x2x.1')!;
    assert.equal((event.involvedObject as { uid: string }).uid, pod.metadata.uid);

    assert.deepEqual(deployment.status, { replicas: 2, readyReplicas: 1, availableReplicas: 1 });
    assert.equal(pod.status.containerStatuses[0].restartCount, 7);
    assert.ok(
      deployment.metadata.uid && deployment.metadata.resourceVersion && deployment.metadata.creationTimestamp,
    );
    for (const type of ['Namespace', 'Deployment', 'ReplicaSet', 'Pod', 'Service', 'Event', 'ConfigMap']) {
      for (const obj of store.list(rt(type)))
        assert.ok(store.isFrozen(obj), `${type} ${obj.metadata.name} is frozen`);
    }
    assert.equal(
      store.get(rt('Service'), 'default', 'cart')?.spec.clusterIP,
      undefined,
      'frozen objects get no defaults',
    );
    cluster.clock.stop();
  });

  it('turns log annotations into container logs, a second apart, ending now', () => {
    const cluster = createCluster({ startTime: Date.parse('2025-05-01T12:00:00Z') });
    applySnapshot(cluster, loadSnapshotFiles([SHOP]));
    const now = cluster.clock.now();
    const current = cluster.logs.read('shop', 'cart-5d8c9-x2x', 'app')!;
    assert.deepEqual(
      current.map((l) => l.text),
      ['starting cart', 'connecting to redis'],
    );
    assert.ok(current[1].time <= now && now - current[1].time < 5000);
    assert.equal(current[1].time - current[0].time, 1000);
    const previous = cluster.logs.read('shop', 'cart-5d8c9-x2x', 'app', true)!;
    assert.deepEqual(
      previous.map((l) => l.text),
      ['starting cart', 'panic: redis: connection refused'],
    );
    assert.equal(
      previous[1].time,
      Date.parse('2025-05-01T11:58:00Z'),
      'the previous instance ends when it terminated',
    );
    assert.deepEqual(
      cluster.logs.read('shop', 'cart-5d8c9-x2x', 'proxy')?.map((l) => l.text),
      ['proxy up'],
    );
    assert.equal(cluster.logs.read('shop', 'cart-5d8c9-x2x', 'proxy', true), undefined);
    cluster.clock.stop();
  });

  it('applies API defaults and leaves objects unfrozen when not frozen', () => {
    const cluster = createCluster();
    applySnapshot(cluster, loadSnapshotFiles([SHOP]), { frozen: false });
    const svc = cluster.store.get(rt('Service'), 'default', 'cart')!;
    assert.ok(!cluster.store.isFrozen(svc));
    assert.equal(svc.spec.type, 'ClusterIP');
    assert.match(svc.spec.clusterIP, /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal(
      cluster.store.get(rt('Namespace'), undefined, 'shop')?.metadata.labels?.['kubernetes.io/metadata.name'],
      'shop',
    );
    cluster.clock.stop();
  });
});

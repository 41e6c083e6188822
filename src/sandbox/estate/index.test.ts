import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rt } from '../core/resources.ts';
import { histogramQuantile, sample, startEstate } from '../faults/harness.ts';
import { secretCertificate } from '../runtime/certificates.ts';
import { defaultEstate } from './index.ts';

const DAY = 86_400_000;

test('the empty estate has the cluster but no workloads', () => {
  const objects = defaultEstate({ empty: true });
  const kinds = new Set(objects.map((o) => o.kind));
  assert.deepEqual(
    objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name),
    ['default', 'kube-system', 'kube-public', 'kube-node-lease'],
  );
  assert.equal(objects.filter((o) => o.kind === 'Node').length, 3);
  for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod']) assert.ok(!kinds.has(kind), kind);
});

test('the default estate is the documented production-like shop', () => {
  const objects = defaultEstate();
  const find = (kind: string, namespace: string | undefined, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name);
  assert.equal(find('Deployment', 'production', 'api-service')?.spec.replicas, 3);
  assert.equal(find('Deployment', 'kube-system', 'coredns')?.spec.replicas, 2);
  assert.equal(find('Service', 'kube-system', 'kube-dns')?.spec.clusterIP, '10.96.0.10');
  assert.equal(find('StorageClass', undefined, 'standard')?.allowVolumeExpansion, true);
  assert.equal(find('Ingress', 'production', 'api')?.spec.ingressClassName, 'nginx');
  assert.ok(find('HorizontalPodAutoscaler', 'production', 'api-service'));
  assert.ok(find('PodDisruptionBudget', 'production', 'api-service'));
  assert.ok(find('ResourceQuota', 'production', 'compute-quota'));
  const payment = find('Deployment', 'production', 'payment-service')!;
  assert.deepEqual(payment.spec.template.spec.containers[0].envFrom, [
    { secretRef: { name: 'payment-db-credentials' } },
  ]);
  const tls = find('Secret', 'production', 'api-tls')!;
  assert.equal(tls.type, 'kubernetes.io/tls');
  const cert = secretCertificate(tls)!;
  assert.ok(cert.notAfter - Date.now() > 30 * DAY && cert.notBefore < Date.now());
  for (const node of objects.filter((o) => o.kind === 'Node')) {
    assert.equal(node.status.capacity.cpu, '4');
    assert.ok(node.metadata.labels?.['topology.kubernetes.io/zone']);
    assert.equal(node.spec.taints, undefined);
  }
  assert.deepEqual(
    defaultEstate({ now: 1_700_000_000_000 }),
    defaultEstate({ now: 1_700_000_000_000 }),
    'deterministic',
  );
});

test('the estate comes up healthy within simulated seconds, with nothing to alert on', async () => {
  const h = await startEstate({ speed: 50 });
  try {
    const settledAt = h.cluster.clock.iso();
    const before = h.metrics();
    await h.elapse(60);
    const text = h.metrics();
    for (const pod of h.cluster.store.list(rt('Pod'))) {
      assert.equal(pod.status?.phase, 'Running', pod.metadata.name);
      assert.equal(pod.status.containerStatuses[0].restartCount, 0, pod.metadata.name);
      for (const c of pod.spec.containers) {
        const limit = sample(text, 'container_spec_memory_limit_bytes', {
          pod: pod.metadata.name,
          container: c.name,
        });
        const used = sample(text, 'container_memory_working_set_bytes', {
          pod: pod.metadata.name,
          container: c.name,
        });
        if (limit) assert.ok(used! < 0.7 * limit, `${pod.metadata.name} memory ${used} of ${limit}`);
      }
    }
    for (const [ns, svc] of [
      ['production', 'api-service'],
      ['production', 'web-frontend'],
      ['production', 'payment-service'],
      ['production', 'checkout'],
      ['staging', 'api-service'],
    ]) {
      const t = h.runtime.traffic.service(ns, svc)!;
      assert.equal(t.errorRatio, 0, `${ns}/${svc} errors`);
      assert.ok(t.utilization < 0.6, `${ns}/${svc} utilization ${t.utilization}`);
      assert.ok(histogramQuantile(before, text, ns, svc, 0.99) <= 0.25, `${ns}/${svc} p99`);
    }
    assert.equal(sample(text, 'pg_up', { namespace: 'production' }), 1);
    assert.equal(sample(text, 'redis_up', { namespace: 'production' }), 1);
    assert.ok(!h.runtime.databases.postgres('production', 'postgres').exhausted);
    for (const line of text.split('\n').filter((l) => l.startsWith('kubelet_volume_stats_used_bytes'))) {
      const claim = /persistentvolumeclaim="([^"]+)"/.exec(line)![1];
      const cap = sample(text, 'kubelet_volume_stats_capacity_bytes', { persistentvolumeclaim: claim })!;
      assert.ok(Number(line.split(' ').pop()) / cap < 0.5, claim);
    }
    assert.equal(sample(text, 'kube_node_status_condition', { condition: 'Ready', status: 'false' }), 0);
    assert.ok(!/throttled_periods_total\{[^}]*\} [1-9]/.test(text), 'no CPU throttling');
    const warnings = h.cluster.store
      .list(rt('Event'))
      .filter((e) => e.type === 'Warning' && String(e.lastTimestamp) > settledAt)
      .map((e) => `${e.reason}: ${e.message}`);
    assert.deepEqual(warnings, [], 'no warnings once the estate is up');
  } finally {
    h.stop();
  }
});

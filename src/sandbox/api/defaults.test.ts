import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster } from '../core/cluster.ts';
import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { applyDefaults } from './defaults.ts';
import { seed } from './test-fixtures.ts';

const defaulted = (obj: KubeObject, cluster = createCluster()) => {
  const copy = structuredClone(obj);
  applyDefaults(cluster, rt(obj.kind), copy);
  return copy;
};

describe('applyDefaults', () => {
  it('defaults pods as the API server and its admission plugins do', () => {
    const pod = defaulted({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        containers: [
          {
            name: 'a',
            image: 'nginx',
            resources: { limits: { cpu: '1', memory: '1Gi' } },
            ports: [{ containerPort: 80 }],
          },
          { name: 'b', image: 'redis:7.2', readinessProbe: { httpGet: { path: '/', port: 80 } } },
        ],
      },
    });
    assert.equal(pod.spec.restartPolicy, 'Always');
    assert.equal(pod.spec.dnsPolicy, 'ClusterFirst');
    assert.equal(pod.spec.terminationGracePeriodSeconds, 30);
    assert.equal(pod.spec.schedulerName, 'default-scheduler');
    assert.equal(pod.spec.serviceAccountName, 'default');
    assert.deepEqual(pod.spec.tolerations, [
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
    const [a, b] = pod.spec.containers;
    assert.equal(a.imagePullPolicy, 'Always');
    assert.equal(b.imagePullPolicy, 'IfNotPresent');
    assert.equal(a.terminationMessagePath, '/dev/termination-log');
    assert.deepEqual(a.resources.requests, { cpu: '1', memory: '1Gi' });
    assert.equal(a.ports[0].protocol, 'TCP');
    assert.deepEqual(b.readinessProbe, {
      httpGet: { path: '/', port: 80, scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    assert.equal(pod.status.phase, 'Pending');
    assert.equal(pod.status.qosClass, 'Burstable');
  });

  it('classifies QoS', () => {
    const qos = (resources: object) =>
      defaulted({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'a', image: 'x', resources }] },
      }).status.qosClass;
    assert.equal(qos({}), 'BestEffort');
    assert.equal(qos({ limits: { cpu: '500m', memory: '128Mi' } }), 'Guaranteed');
    assert.equal(
      qos({ requests: { cpu: '0.5', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } }),
      'Guaranteed',
    );
    assert.equal(qos({ requests: { cpu: '100m' } }), 'Burstable');
  });

  it('defaults deployments and their pod templates', () => {
    const d = defaulted({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: {}, template: { metadata: {}, spec: { containers: [{ name: 'a', image: 'x:1' }] } } },
    });
    assert.equal(d.spec.replicas, 1);
    assert.deepEqual(d.spec.strategy, {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    });
    assert.equal(d.spec.revisionHistoryLimit, 10);
    assert.equal(d.spec.progressDeadlineSeconds, 600);
    assert.equal(d.spec.template.spec.restartPolicy, 'Always');
    assert.equal(d.spec.template.spec.serviceAccountName, undefined, 'templates get no admission defaults');
    const recreate = defaulted({ ...d, spec: { ...d.spec, strategy: { type: 'Recreate' } } });
    assert.deepEqual(recreate.spec.strategy, { type: 'Recreate' });
  });

  it('allocates unique cluster IPs, with the well-known ones reserved', () => {
    const cluster = createCluster();
    const svc = (ns: string, name: string, spec: object = { ports: [{ port: 80 }] }) =>
      seed(cluster, { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec });
    assert.equal(svc('default', 'kubernetes').spec.clusterIP, '10.96.0.1');
    assert.equal(svc('kube-system', 'kube-dns').spec.clusterIP, '10.96.0.10');
    const ips = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const s = svc('apps', `svc-${i}`);
      assert.match(s.spec.clusterIP, /^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
      assert.deepEqual(s.spec.clusterIPs, [s.spec.clusterIP]);
      ips.add(s.spec.clusterIP);
    }
    assert.equal(ips.size, 50);
    assert.ok(!ips.has('10.96.0.1') && !ips.has('10.96.0.10'));
    const web = svc('apps', 'web', { ports: [{ port: 8080 }], type: 'NodePort' });
    assert.deepEqual(web.spec.ports, [
      { port: 8080, protocol: 'TCP', targetPort: 8080, nodePort: web.spec.ports[0].nodePort },
    ]);
    assert.ok(web.spec.ports[0].nodePort >= 30000 && web.spec.ports[0].nodePort <= 32767);
    assert.equal(web.spec.sessionAffinity, 'None');
    assert.deepEqual(web.spec.ipFamilies, ['IPv4']);
    assert.equal(svc('apps', 'headless', { clusterIP: 'None', ports: [{ port: 1 }] }).spec.clusterIP, 'None');
  });

  it('defaults namespaces, claims and jobs', () => {
    const ns = defaulted({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    assert.equal(ns.metadata.labels?.['kubernetes.io/metadata.name'], 'shop');
    assert.equal(ns.status.phase, 'Active');
    const cluster = createCluster();
    seed(cluster, {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'x',
    });
    const pvc = defaulted(
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'] },
      },
      cluster,
    );
    assert.deepEqual(
      [pvc.spec.volumeMode, pvc.spec.storageClassName, pvc.status.phase],
      ['Filesystem', 'standard', 'Pending'],
    );
    const job = defaulted({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'x:1' }] } } },
    });
    const uid = job.metadata.uid;
    assert.ok(uid);
    assert.deepEqual(job.spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    assert.equal(job.spec.template.metadata.labels['job-name'], 'migrate');
    assert.deepEqual([job.spec.completions, job.spec.parallelism, job.spec.backoffLimit], [1, 1, 6]);
  });

  it('leaves malformed objects alone rather than failing', () => {
    for (const kind of [
      'Pod',
      'Deployment',
      'Service',
      'Job',
      'CronJob',
      'StatefulSet',
      'DaemonSet',
      'Namespace',
    ]) {
      const type = rt(kind);
      for (const spec of [undefined, null, 5, 'x', [], { containers: 'x', template: 3, ports: {} }]) {
        const obj = { apiVersion: 'v1', kind, metadata: { name: 'x' }, spec } as unknown as KubeObject;
        assert.doesNotThrow(
          () => applyDefaults(createCluster(), type, obj),
          `${kind} ${JSON.stringify(spec)}`,
        );
      }
    }
  });
});

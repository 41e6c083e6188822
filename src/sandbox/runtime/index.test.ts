import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCluster } from '../core/cluster.ts';
import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { issueCertificate, readCertificate } from './certificates.ts';
import { bumpTag, normalizeImage, withTag } from './images.ts';
import { createSimRuntime } from './index.ts';
import { latencyCdf, latencyQuantile } from './latency.ts';
import { profileFor } from './profiles/index.ts';

const START = Date.UTC(2025, 4, 1, 12, 0, 0);

function pod(
  name: string,
  container: Record<string, unknown>,
  extra: Partial<KubeObject['spec']> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'demo', uid: `uid-${name}` },
    spec: { nodeName: 'node-1', containers: [{ name: 'main', ...container }], ...extra },
    status: { phase: 'Running', podIP: '10.244.0.9' },
  };
}

test('images resolve like containerd and missing tags fail with its wording', () => {
  assert.equal(normalizeImage('nginx:1.25'), 'docker.io/library/nginx:1.25');
  assert.equal(normalizeImage('bitnami/redis'), 'docker.io/bitnami/redis:latest');
  assert.equal(normalizeImage('ghcr.io/acme/api:1.2.3'), 'ghcr.io/acme/api:1.2.3');
  assert.equal(normalizeImage('localhost:5000/x:1'), 'localhost:5000/x:1');
  assert.equal(bumpTag('1.8.2'), '1.8.3');
  assert.equal(bumpTag('v2.0-alpine'), 'v2.1-alpine');
  assert.equal(bumpTag('latest'), 'latest-next');
  assert.equal(withTag('registry:5000/team/app:1.0', '1.1'), 'registry:5000/team/app:1.1');

  const cluster = createCluster({ startTime: START });
  const runtime = createSimRuntime(cluster);
  assert.equal(runtime.pullImage('x:tag'), undefined);
  runtime.effects.missingImages.add(normalizeImage('x:tag'));
  assert.equal(
    runtime.pullImage('x:tag'),
    'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/x:tag": failed to resolve reference "docker.io/library/x:tag": docker.io/library/x:tag: not found',
  );
  cluster.clock.stop();
});

test('profiles are chosen from the image, or named by annotation', () => {
  assert.equal(profileFor('postgres:16.2').name, 'postgres');
  assert.equal(profileFor('docker.io/library/redis:7').name, 'redis');
  assert.equal(profileFor('registry.k8s.io/coredns/coredns:v1.11.3').name, 'coredns');
  assert.equal(profileFor('nginx:1.25-alpine').name, 'nginx');
  assert.equal(profileFor('registry.k8s.io/kube-proxy:v1.32.2').name, 'quiet');
  assert.equal(profileFor('ghcr.io/acme/orders:3.1.0').name, 'http-app');
  assert.equal(profileFor('ghcr.io/acme/web:1.0', 'nginx').name, 'nginx');
});

test('processes start, crash and answer probes the way their state says', () => {
  const cluster = createCluster({ startTime: START });
  const runtime = createSimRuntime(cluster);
  cluster.runtime = runtime;
  const app = pod('api', {
    image: 'ghcr.io/acme/api:1.0.0',
    ports: [{ name: 'http', containerPort: 8080 }],
    livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
  });
  const c = app.spec.containers[0];
  const started = runtime.start(app, c, 0);
  assert.equal(started.outcome, 'run');
  assert.match(started.logLines.join('\n'), /"msg":"listening","addr":":8080"/);
  assert.deepEqual(runtime.probe(app, c, START, START + 10_000), { ready: true, live: true });
  assert.equal(runtime.probe(app, c, START, START + 1_000).ready, false, 'not ready while warming up');

  runtime.effects.crashingPods.set('uid-api', 'corrupt-state');
  const crash = runtime.start(app, c, 1);
  assert.equal(crash.outcome, 'crash');
  assert.equal(crash.exitCode, 1);
  assert.match(crash.logLines.join('\n'), /failed to load cache snapshot/);
  assert.deepEqual(runtime.probe(app, c, START, START + 60_000), {
    ready: false,
    live: false,
    message:
      'Liveness probe failed: Get "http://10.244.0.9:8080/healthz": dial tcp 10.244.0.9:8080: connect: connection refused',
  });

  const job = pod(
    'migrate',
    { image: 'busybox:1.36', command: ['sh', '-c', 'echo migrating; exit 3'] },
    { restartPolicy: 'Never' },
  );
  const run = runtime.start(job, job.spec.containers[0], 0);
  assert.equal(run.outcome, 'crash');
  assert.equal(run.exitCode, 3);
  cluster.clock.stop();
});

test('a database whose volume is full panics at start', () => {
  const cluster = createCluster({ startTime: START });
  const runtime = createSimRuntime(cluster);
  cluster.store.create(rt('PersistentVolumeClaim'), {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data-db-0', namespace: 'demo' },
    spec: { resources: { requests: { storage: '10Gi' } } },
    status: { phase: 'Bound', capacity: { storage: '10Gi' } },
  });
  const db = pod(
    'db-0',
    { image: 'postgres:16.2', livenessProbe: { exec: { command: ['pg_isready'] } } },
    { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }] },
  );
  const c = db.spec.containers[0];
  assert.equal(runtime.start(db, c, 0).outcome, 'run');
  runtime.effects.volumeUsage.set('demo/data-db-0', 10 * 2 ** 30);
  const crash = runtime.start(db, c, 1);
  assert.equal(crash.outcome, 'crash');
  assert.match(
    crash.logLines.join('\n'),
    /PANIC: {2}could not write to file "pg_wal\/xlogtemp\.\d+": No space left on device/,
  );
  assert.equal(
    runtime.probe(db, c, START, START + 60_000).message,
    'Liveness probe failed: /var/run/postgresql:5432 - no response',
  );
  cluster.clock.stop();
});

test('usage and logs are deterministic for the same pod and time', () => {
  const answers = () => {
    const cluster = createCluster({ startTime: START });
    const runtime = createSimRuntime(cluster);
    const db = pod('db-0', { image: 'postgres:16.2', resources: { limits: { memory: '1Gi', cpu: '1' } } });
    const c = db.spec.containers[0];
    const result = {
      usage: [0, 30_000, 600_000].map((t) => runtime.usage(db, c, START, START + t)),
      logs: runtime.logLines(db, c, START, START + 900_000),
    };
    cluster.clock.stop();
    return result;
  };
  const a = answers();
  assert.deepEqual(a, answers());
  assert.ok(a.usage.every((u) => u.memoryBytes < 2 ** 30 * 0.6 && u.cpuCores > 0));
  assert.ok(a.logs.some((l) => /LOG: {2}checkpoint complete: wrote \d+ buffers/.test(l)));
});

test('memory needs and leaks show in usage; kubelets go down per node', () => {
  const cluster = createCluster({ startTime: START });
  const runtime = createSimRuntime(cluster);
  const app = pod('api', { image: 'ghcr.io/acme/api:1', resources: { limits: { memory: '512Mi' } } });
  const c = app.spec.containers[0];
  const base = runtime.usage(app, c, START, START + 60_000).memoryBytes;
  runtime.effects.memoryLeaks.set('uid-api', { bytesPerSecond: 2 ** 20, since: START });
  assert.ok(runtime.usage(app, c, START, START + 60_000).memoryBytes > base + 50 * 2 ** 20);
  runtime.effects.kubeletDown.add('node-2');
  assert.equal(runtime.nodeHealth('node-2').kubeletUp, false);
  assert.equal(runtime.nodeHealth('node-1').kubeletUp, true);
  cluster.clock.stop();
});

test('latency quantiles invert the distribution', () => {
  const model = { fixedSeconds: 0.01, waitRate: 20, slowShare: 0.1, slowSeconds: 5 };
  for (const q of [0.5, 0.8, 0.89])
    assert.ok(Math.abs(latencyCdf(model, latencyQuantile(model, q)) - q) < 1e-9);
  assert.equal(latencyQuantile(model, 0.95), 5);
  assert.equal(latencyCdf(model, 5), 1);
});

test('issued certificates carry their validity and names', () => {
  const cert = issueCertificate({
    commonName: 'a.example.com',
    dnsNames: ['a.example.com', 'b.example.com'],
    notBefore: START,
    notAfter: START + 86_400_000,
  });
  const info = readCertificate(cert.certPem)!;
  assert.equal(info.notBefore, START);
  assert.equal(info.notAfter, START + 86_400_000);
  assert.deepEqual(info.dnsNames, ['a.example.com', 'b.example.com']);
  assert.equal(readCertificate('not a certificate'), undefined);
});

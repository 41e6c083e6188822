import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../../core/cluster.ts';
import { CONFIG_MAPS, PODS, SECRETS } from '../kinds.ts';
import { container, containerStatus, eventsFor, pod, startTestCluster, waitFor } from '../testkit.ts';

const getPod = (cluster: Cluster, name: string) => cluster.store.get(PODS, 'default', name);
const messages = (cluster: Cluster, name: string, reason: string) =>
  eventsFor(cluster, name, reason).map((e) => e.message);

test('a crashing container goes into CrashLoopBackOff with growing restarts, back-off events and previous logs', async (t) => {
  const { cluster, stop } = startTestCluster({
    speed: 100,
    runtime: {
      start: (_p, _c, restarts) => ({
        outcome: 'crash',
        runSeconds: 1,
        exitCode: 2,
        logLines: [`attempt ${restarts}: panic: db unreachable`],
      }),
    },
  });
  t.after(stop);
  cluster.store.create(PODS, pod('web', { containers: [container()] }));
  const p = await waitFor('3 restarts in back-off', () => {
    const s = containerStatus(getPod(cluster, 'web'));
    return s?.restartCount >= 3 && s.state.waiting?.reason === 'CrashLoopBackOff' && getPod(cluster, 'web');
  });
  const s = containerStatus(p);
  assert.equal(p.status.phase, 'Running');
  assert.equal(s.lastState.terminated.reason, 'Error');
  assert.equal(s.lastState.terminated.exitCode, 2);
  assert.equal(s.ready, false);
  assert.equal(
    s.state.waiting.message,
    `back-off ${s.restartCount === 3 ? '40s' : '1m20s'} restarting failed container=app pod=web_default(${p.metadata.uid})`,
  );
  assert.ok(
    messages(cluster, 'web', 'BackOff').includes(
      `Back-off restarting failed container app in pod web_default(${p.metadata.uid})`,
    ),
  );
  assert.equal(eventsFor(cluster, 'web', 'BackOff')[0].type, 'Warning');
  const previous = cluster.logs.read('default', 'web', 'app', true)?.map((l) => l.text);
  assert.deepEqual(previous, [`attempt ${s.restartCount - 1}: panic: db unreachable`]);
  const ready = p.status.conditions.find((c: any) => c.type === 'Ready');
  assert.equal(ready.reason, 'ContainersNotReady');
  assert.equal(ready.message, 'containers with unready status: [app]');
});

test('memory above the limit is OOMKilled (exit 137) and restarted', async (t) => {
  const { cluster, stop } = startTestCluster({
    speed: 100,
    runtime: { usage: () => ({ cpuCores: 0.1, memoryBytes: 600 * 2 ** 20 }) },
  });
  t.after(stop);
  cluster.store.create(PODS, pod('hog', { containers: [container({ limits: { memory: '512Mi' } })] }));
  const s = await waitFor('OOMKilled', () => {
    const st = containerStatus(getPod(cluster, 'hog'));
    return st?.lastState?.terminated?.reason === 'OOMKilled' && st;
  });
  assert.equal(s.lastState.terminated.exitCode, 137);
  assert.ok(s.restartCount >= 1);
  assert.equal(getPod(cluster, 'hog')?.status.qosClass, 'Burstable');
});

test('a missing secret gives CreateContainerConfigError until the secret appears', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  const env = [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'password' } } }];
  cluster.store.create(PODS, pod('api', { containers: [container({ env })] }));
  const s = await waitFor(
    'config error',
    () =>
      containerStatus(getPod(cluster, 'api'))?.state?.waiting?.reason === 'CreateContainerConfigError' &&
      containerStatus(getPod(cluster, 'api')),
  );
  assert.equal(s.state.waiting.message, 'secret "db-creds" not found');
  assert.ok(messages(cluster, 'api', 'Failed').includes('Error: secret "db-creds" not found'));
  assert.equal(getPod(cluster, 'api')?.status.phase, 'Pending');
  cluster.store.create(SECRETS, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db-creds', namespace: 'default' },
    data: { user: 'YQ==' },
  });
  await waitFor(
    'missing key',
    () =>
      containerStatus(getPod(cluster, 'api'))?.state?.waiting?.message ===
      "couldn't find key password in Secret default/db-creds",
  );
  cluster.store.mutate(SECRETS, 'default', 'db-creds', (s) => {
    s.data = { ...(s.data as object), password: 'cA==' };
  });
  await waitFor('running', () => containerStatus(getPod(cluster, 'api'))?.state?.running);
});

test('an image that cannot be pulled goes ErrImagePull then ImagePullBackOff', async (t) => {
  const error =
    'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.9": not found';
  const { cluster, stop } = startTestCluster({
    runtime: { pullImage: (image) => (image === 'nginx:9.9' ? error : undefined) },
  });
  t.after(stop);
  // ErrImagePull shows only between the failed pull and the back-off: record every waiting state posted.
  const waiting: { reason: string; message?: string }[] = [];
  t.after(
    cluster.store.subscribe(({ rt, object }) => {
      const w = rt.kind === 'Pod' ? containerStatus(object)?.state?.waiting : undefined;
      if (w && waiting.at(-1)?.reason !== w.reason) waiting.push(w);
    }),
  );
  cluster.store.create(PODS, pod('web', { containers: [container({ image: 'nginx:9.9' })] }));
  const s = await waitFor(
    'ImagePullBackOff',
    () =>
      containerStatus(getPod(cluster, 'web'))?.state?.waiting?.reason === 'ImagePullBackOff' &&
      containerStatus(getPod(cluster, 'web')),
  );
  assert.equal(s.state.waiting.message, 'Back-off pulling image "nginx:9.9"');
  assert.deepEqual(
    waiting.map((w) => w.reason),
    ['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff'],
  );
  assert.equal(waiting[1].message, error);
  assert.ok(messages(cluster, 'web', 'Failed').includes(`Failed to pull image "nginx:9.9": ${error}`));
  assert.ok(messages(cluster, 'web', 'Failed').includes('Error: ImagePullBackOff'));
  assert.ok(messages(cluster, 'web', 'BackOff').includes('Back-off pulling image "nginx:9.9"'));
  assert.ok(messages(cluster, 'web', 'Pulling').includes('Pulling image "nginx:9.9"'));
});

test('a volume from a missing ConfigMap keeps the pod ContainerCreating with FailedMount', async (t) => {
  const { cluster, stop } = startTestCluster();
  t.after(stop);
  cluster.store.create(
    PODS,
    pod('web', { containers: [container()], volumes: [{ name: 'cfg', configMap: { name: 'web-config' } }] }),
  );
  await waitFor('FailedMount', () =>
    messages(cluster, 'web', 'FailedMount').includes(
      'MountVolume.SetUp failed for volume "cfg" : configmap "web-config" not found',
    ),
  );
  assert.equal(containerStatus(getPod(cluster, 'web')).state.waiting.reason, 'ContainerCreating');
  cluster.store.create(CONFIG_MAPS, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'web-config', namespace: 'default' },
    data: {},
  });
  await waitFor('running', () => containerStatus(getPod(cluster, 'web'))?.state?.running);
});

test('readiness failures keep the pod unready with Unhealthy events; liveness failures restart it', async (t) => {
  const { cluster, stop } = startTestCluster({
    speed: 100,
    runtime: {
      probe: (p) =>
        p.metadata.name === 'unready'
          ? { ready: false, live: true, message: 'HTTP probe failed with statuscode: 503' }
          : {
              ready: true,
              live: false,
              message: 'Get "http://10.244.1.2:8080/healthz": context deadline exceeded',
            },
    },
  });
  t.after(stop);
  const httpProbe = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 2 };
  cluster.store.create(PODS, pod('unready', { containers: [container({ readinessProbe: httpProbe })] }));
  cluster.store.create(PODS, pod('dying', { containers: [container({ livenessProbe: httpProbe })] }));
  await waitFor('Unhealthy', () =>
    messages(cluster, 'unready', 'Unhealthy').includes(
      'Readiness probe failed: HTTP probe failed with statuscode: 503',
    ),
  );
  const unready = getPod(cluster, 'unready');
  assert.equal(unready?.status.phase, 'Running');
  assert.equal(containerStatus(unready).ready, false);
  assert.equal(unready?.status.conditions.find((c: any) => c.type === 'Ready').status, 'False');
  await waitFor('liveness restart', () => containerStatus(getPod(cluster, 'dying'))?.restartCount >= 1);
  assert.ok(
    messages(cluster, 'dying', 'Killing').includes('Container app failed liveness probe, will be restarted'),
  );
  assert.ok(
    messages(cluster, 'dying', 'Unhealthy').includes(
      'Liveness probe failed: Get "http://10.244.1.2:8080/healthz": context deadline exceeded',
    ),
  );
});

test('restartPolicy Never ends in Succeeded or Failed; a full status like a kubelet writes it', async (t) => {
  const { cluster, stop } = startTestCluster({
    runtime: {
      start: (p) => ({
        outcome: 'crash',
        runSeconds: 1,
        exitCode: p.metadata.name === 'ok' ? 0 : 3,
        logLines: ['done'],
      }),
    },
  });
  t.after(stop);
  cluster.store.create(PODS, pod('ok', { restartPolicy: 'Never', containers: [container()] }));
  cluster.store.create(PODS, pod('bad', { restartPolicy: 'Never', containers: [container()] }));
  const ok = await waitFor(
    'Succeeded',
    () => getPod(cluster, 'ok')?.status?.phase === 'Succeeded' && getPod(cluster, 'ok'),
  );
  const bad = await waitFor(
    'Failed',
    () => getPod(cluster, 'bad')?.status?.phase === 'Failed' && getPod(cluster, 'bad'),
  );
  assert.equal(containerStatus(ok).state.terminated.reason, 'Completed');
  assert.equal(containerStatus(bad).state.terminated.reason, 'Error');
  assert.equal(containerStatus(bad).state.terminated.exitCode, 3);
  assert.equal(ok.status.conditions.find((c: any) => c.type === 'Ready').reason, 'PodCompleted');
  assert.deepEqual(
    ok.status.conditions.map((c: any) => c.type),
    ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'],
  );
  assert.match(ok.status.podIP, /^10\.244\.\d+\.\d+$/);
  assert.match(containerStatus(ok).containerID, /^containerd:\/\/[0-9a-f]{64}$/);
  assert.match(containerStatus(ok).imageID, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  assert.equal(ok.status.qosClass, 'BestEffort');
  assert.ok(ok.status.startTime && ok.status.hostIP);
});

test('pods get unique IPs per node, logs are collected, and deleted pods are stopped and removed', async (t) => {
  const { cluster, stop } = startTestCluster({
    nodes: 1,
    runtime: { logLines: (_p, _c, from, to) => (to - from >= 1000 ? ['GET /healthz 200'] : []) },
  });
  t.after(stop);
  for (let i = 0; i < 5; i++) cluster.store.create(PODS, pod(`p${i}`, { containers: [container()] }));
  const pods = await waitFor('5 running', () => {
    const list = cluster.store.list(PODS, 'default');
    return list.length === 5 && list.every((p) => p.status?.phase === 'Running') && list;
  });
  assert.equal(new Set(pods.map((p) => p.status.podIP)).size, 5);
  assert.ok(pods.every((p) => p.status.podIP.startsWith('10.244.0.')));
  await waitFor('log lines', () =>
    (cluster.logs.read('default', 'p0', 'app') ?? []).some((l) => l.text === 'GET /healthz 200'),
  );
  cluster.store.mutate(PODS, 'default', 'p0', (p) => {
    p.metadata.deletionTimestamp = cluster.clock.iso(cluster.clock.now() + 30_000);
    p.metadata.deletionGracePeriodSeconds = 30;
  });
  await waitFor('p0 removed', () => !getPod(cluster, 'p0'));
  assert.ok(messages(cluster, 'p0', 'Killing').includes('Stopping container app'));
});

test('a pod that is already running (an estate or a restarted kubelet) is adopted, not restarted', async (t) => {
  const startedAt = '2024-05-01T10:00:00Z';
  const { cluster, stop } = startTestCluster({
    seed: ({ store }) => {
      store.create(PODS, {
        ...pod('old', { nodeName: 'node-1', containers: [container()] }),
        status: {
          phase: 'Running',
          podIP: '10.244.0.9',
          startTime: startedAt,
          containerStatuses: [
            {
              name: 'app',
              ready: true,
              started: true,
              restartCount: 4,
              containerID: 'containerd://abc',
              image: 'nginx:1.25',
              imageID: 'docker.io/library/nginx@sha256:1',
              state: { running: { startedAt } },
              lastState: {},
            },
          ],
        },
      });
    },
  });
  t.after(stop);
  const adopted = await waitFor(
    'conditions posted',
    () => getPod(cluster, 'old')?.status?.conditions && getPod(cluster, 'old'),
  );
  const s = containerStatus(adopted);
  assert.equal(s.restartCount, 4);
  assert.equal(s.containerID, 'containerd://abc');
  assert.equal(s.state.running.startedAt, startedAt);
  assert.equal(adopted.status.podIP, '10.244.0.9');
  assert.equal(adopted.status.conditions.find((c: any) => c.type === 'Ready').status, 'True');
  assert.equal(eventsFor(cluster, 'old', 'Started').length, 0);
});

// bench/sandbox: LIST latency and RSS of the sandbox API with 1,000 and 10,000 pods, and kubectl's wall time.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { cliSandbox, tempDir } from '../test/helpers/sandbox.ts';
import { machine, ms, percentile, rssMiB, timeMany } from './stats.ts';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

/** A realistic Running pod, as kube-apiserver would store it (about 3 KB of JSON). */
function pod(ns: string, i: number) {
  const name = `app-${Math.floor(i / 10)}-7d4b9c6f5d-${i.toString(36).padStart(5, 'x')}`;
  const app = `app-${Math.floor(i / 10)}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      labels: { app, 'pod-template-hash': '7d4b9c6f5d', tier: 'backend' },
      annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8080' },
    },
    spec: {
      nodeName: `node-${(i % 3) + 1}`,
      containers: [
        {
          name: 'app',
          image: `registry.example.com/${app}:1.4.2`,
          ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
          env: [
            { name: 'LOG_LEVEL', value: 'info' },
            { name: 'PORT', value: '8080' },
          ],
          readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10 },
        },
      ],
      restartPolicy: 'Always',
      serviceAccountName: 'default',
    },
    status: {
      phase: 'Running',
      hostIP: `10.0.0.${(i % 3) + 1}`,
      podIP: `10.244.${i % 3}.${i % 250}`,
      startTime: '2026-11-01T10:00:00Z',
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type,
        status: 'True',
        lastTransitionTime: '2026-11-01T10:00:05Z',
      })),
      containerStatuses: [
        {
          name: 'app',
          ready: true,
          started: true,
          restartCount: 0,
          image: `registry.example.com/${app}:1.4.2`,
          imageID: `registry.example.com/${app}@sha256:${'ab'.repeat(32)}`,
          containerID: `containerd://${i.toString(16).padStart(64, '0')}`,
          state: { running: { startedAt: '2026-11-01T10:00:04Z' } },
        },
      ],
      qosClass: 'Burstable',
    },
  };
}

function snapshotFile(dir: string, pods: number): string {
  const docs: unknown[] = [];
  for (let i = 0; i < pods; i++) docs.push(pod(`ns-${i % 10}`, i));
  const path = join(dir, `pods-${pods}.yaml`);
  writeFileSync(path, docs.map((d) => stringify(d)).join('---\n'));
  return path;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function get(url: string, accept = 'application/json'): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent, headers: { accept } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      res.on('end', () =>
        res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}: HTTP ${res.statusCode}`)),
      );
    })
      .on('error', reject)
      .end();
  });
}

function kubectlWall(kubeconfig: string, runs: number): number[] {
  const cache = tempDir('bench-kubectl-');
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync('kubectl', ['--kubeconfig', kubeconfig, '--cache-dir', cache, 'get', 'pods', '-A'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`kubectl failed: ${r.stderr}`);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

/** 10,000 pods the controllers made: 20 deployments × 500 replicas on 20 nodes, every pod Running. */
async function liveRow(dir: string): Promise<string> {
  const { ready, child } = await cliSandbox(['--empty', '--kubeconfig-out', join(dir, 'kc-live')]);
  const post = (path: string, body: unknown) =>
    fetch(`${ready.server}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (r) => {
      if (!r.ok) throw new Error(`POST ${path}: ${r.status} ${await r.text()}`);
    });
  for (let n = 1; n <= 20; n++) {
    const capacity = { cpu: '64', memory: '256Gi', pods: '600' };
    await post('/api/v1/nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `big-${n}`, labels: { 'kubernetes.io/hostname': `big-${n}` } },
      status: { capacity, allocatable: capacity },
    });
  }
  await post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'load' } });
  const started = performance.now();
  for (let d = 0; d < 20; d++) {
    await post('/apis/apps/v1/namespaces/load/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `svc-${d}` },
      spec: {
        replicas: 500,
        selector: { matchLabels: { app: `svc-${d}` } },
        template: {
          metadata: { labels: { app: `svc-${d}` } },
          spec: {
            containers: [
              {
                name: 'app',
                image: `registry.example.com/svc-${d}:1.0.0`,
                resources: { requests: { cpu: '10m', memory: '32Mi' } },
              },
            ],
          },
        },
      },
    });
  }
  const deployments = `${ready.server}/apis/apps/v1/namespaces/load/deployments`;
  for (let tick = 0; ; tick++) {
    const list = (await (await fetch(deployments)).json()) as {
      items: { status?: { readyReplicas?: number } }[];
    };
    const ready = list.items.reduce((n, d) => n + (d.status?.readyReplicas ?? 0), 0);
    if (ready >= 10_000) break;
    if (tick % 5 === 0) process.stderr.write(`bench sandbox: live estate ${ready}/10000 pods ready\n`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const upMs = performance.now() - started;
  const list = await timeMany(50, () => get(`${ready.server}/api/v1/pods`));
  const rss = rssMiB(child.pid!);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return `| 10,000 live (20 deployments × 500, controllers running) | ${ms(list.p50)} / ${ms(list.p99)} | – | – | – | ${rss.toFixed(0)} MiB | ${(upMs / 1000).toFixed(1)} s until all Running | – |`;
}

export async function runSandboxBench(): Promise<void> {
  const dir = tempDir('bench-sandbox-');
  const hasKubectl = spawnSync('sh', ['-c', 'command -v kubectl']).status === 0;
  const rows: string[] = [];
  for (const pods of [1_000, 10_000]) {
    process.stderr.write(`bench sandbox: generating ${pods} pods…\n`);
    const file = snapshotFile(dir, pods);
    const started = performance.now();
    const { ready, child } = await cliSandbox([
      '--snapshot',
      file,
      '--kubeconfig-out',
      join(dir, `kc-${pods}`),
    ]);
    const startMs = performance.now() - started;
    const url = `${ready.server}/api/v1/pods`;
    process.stderr.write(`bench sandbox: ${pods} pods loaded in ${ms(startMs)}; timing LIST…\n`);
    const n = pods >= 10_000 ? 50 : 200;
    await timeMany(5, () => get(url)); // warm-up: JIT and the per-object JSON cache
    const json = await timeMany(n, () => get(url));
    const table = await timeMany(n, () => get(url, TABLE_ACCEPT));
    const ns = await timeMany(n, () => get(`${ready.server}/api/v1/namespaces/ns-1/pods`));
    const apiRss = rssMiB(child.pid!);
    const scrape = await timeMany(pods >= 10_000 ? 10 : 50, () => get(ready.metrics));
    const rss = Math.max(apiRss, rssMiB(child.pid!));
    const kubectl = hasKubectl ? kubectlWall(ready.kubeconfig, 5) : [];
    rows.push(
      `| ${pods.toLocaleString('en')} | ${ms(json.p50)} / ${ms(json.p99)} | ${ms(table.p50)} / ${ms(table.p99)} | ${ms(ns.p50)} / ${ms(ns.p99)} | ${ms(scrape.p50)} | ${apiRss.toFixed(0)} / ${rss.toFixed(0)} MiB | ${ms(startMs)} | ${kubectl.length ? ms(percentile(kubectl, 50)) : 'n/a'} |`,
    );
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  process.stderr.write('bench sandbox: live estate of 10,000 pods…\n');
  rows.push(await liveRow(dir));
  console.log(`Machine: ${machine()}\n`);
  console.log(
    '| pods | LIST all, JSON p50 / p99 | LIST all, Table p50 / p99 | LIST one namespace (1/10) p50 / p99 | /metrics scrape p50 | sandbox RSS after LISTs / after /metrics scrapes | start-up incl. snapshot load | `kubectl get pods -A` wall p50 |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  agent.destroy();
}

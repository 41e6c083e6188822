// bench/mcp-k8s: our MCP server against kubernetes-mcp-server (Go) and mcp-server-kubernetes (TS, kubectl) on the same
// sandbox and the same operations — per-call latency, start-up and memory.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { CLI, cliSandbox, REPO, tempDir } from '../test/helpers/sandbox.ts';
import { call, connect, type Contender as GenericContender } from './mcp-contenders.ts';
import { installPeers, machine, ms, percentile, rssMiB } from './stats.ts';

const PEERS = join(REPO, '.bench-peers');
const GO_BINARY = join(
  PEERS,
  'node_modules/kubernetes-mcp-server-linux-amd64/bin/kubernetes-mcp-server-linux-amd64',
);
const FLUX_ENTRY = join(PEERS, 'node_modules/mcp-server-kubernetes/dist/index.js');
const NAMESPACE = 'bench';
const PODS = 200;
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const STARTS = 5;

type Op = 'pods_list' | 'pods_get' | 'pods_log' | 'events_list';
const OPS: Op[] = ['pods_list', 'pods_get', 'pods_log', 'events_list'];

type Contender = GenericContender<Op>;

const logLines = (i: number) =>
  Array.from(
    { length: 300 },
    (_, n) =>
      `2026-11-01T10:${String(n % 60).padStart(2, '0')}:00Z level=info msg="GET /api/orders/${i * 1000 + n} 200 12ms"`,
  ).join('\n');

/** 200 running pods (realistic spec and status; the first with a 300-line log) and 100 events in one namespace. */
function snapshot(dir: string): string {
  const docs: unknown[] = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } }];
  for (let n = 1; n <= 3; n++) {
    docs.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `node-${n}`, labels: { 'kubernetes.io/hostname': `node-${n}` } },
      status: {
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
        allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
        capacity: { cpu: '4', memory: '16Gi', pods: '110' },
        nodeInfo: { kubeletVersion: 'v1.32.2' },
      },
    });
  }
  for (let i = 0; i < PODS; i++) {
    const app = `app-${Math.floor(i / 10)}`;
    docs.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${app}-7d4b9c6f5d-${i.toString(36).padStart(5, 'x')}`,
        namespace: NAMESPACE,
        labels: { app, 'pod-template-hash': '7d4b9c6f5d' },
        // Only the pod whose log is read carries one: the sandbox keeps logs in an annotation, which real pods do not have.
        annotations:
          i === 0
            ? { 'sandbox.sre-nanobot.dev/logs': logLines(i) }
            : { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8080' },
      },
      spec: {
        nodeName: `node-${(i % 3) + 1}`,
        containers: [
          {
            name: 'app',
            image: `registry.example.com/${app}:1.4.2`,
            ports: [{ containerPort: 8080, name: 'http' }],
            resources: {
              requests: { cpu: '100m', memory: '128Mi' },
              limits: { cpu: '500m', memory: '256Mi' },
            },
            env: [{ name: 'LOG_LEVEL', value: 'info' }],
          },
        ],
      },
      status: {
        phase: 'Running',
        podIP: `10.244.${i % 3}.${i % 250}`,
        startTime: '2026-11-01T10:00:00Z',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'app',
            ready: true,
            started: true,
            restartCount: i % 7 === 0 ? 2 : 0,
            image: `registry.example.com/${app}:1.4.2`,
            imageID: '',
            state: { running: { startedAt: '2026-11-01T10:00:04Z' } },
          },
        ],
      },
    });
  }
  for (let i = 0; i < 100; i++) {
    docs.push({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `app-${i % 20}.${i.toString(16)}`, namespace: NAMESPACE },
      involvedObject: { kind: 'Pod', namespace: NAMESPACE, name: `app-${i % 20}-7d4b9c6f5d-xxxx${i % 10}` },
      reason: i % 5 === 0 ? 'BackOff' : 'Pulled',
      type: i % 5 === 0 ? 'Warning' : 'Normal',
      message:
        i % 5 === 0
          ? 'Back-off restarting failed container app'
          : 'Container image already present on machine',
      count: 1 + (i % 4),
      firstTimestamp: '2026-11-01T10:00:00Z',
      lastTimestamp: '2026-11-01T10:05:00Z',
    });
  }
  const path = join(dir, 'mcp-bench.yaml');
  writeFileSync(path, docs.map((d) => stringify(d)).join('---\n'));
  return path;
}

const POD = `app-0-7d4b9c6f5d-${'0'.padStart(5, 'x')}`;

function contenders(kubeconfig: string): Contender[] {
  const ours: Contender = {
    label: 'sre-nanobot mcp k8s',
    command: process.execPath,
    args: [CLI, 'mcp', 'k8s', '--kubeconfig', kubeconfig],
    calls: {
      pods_list: { name: 'pods_list', args: { namespace: NAMESPACE } },
      pods_get: { name: 'pods_get', args: { namespace: NAMESPACE, name: POD } },
      pods_log: { name: 'pods_log', args: { namespace: NAMESPACE, name: POD, tailLines: 100 } },
      events_list: { name: 'events_list', args: { namespace: NAMESPACE } },
    },
  };
  const goCalls: Contender['calls'] = {
    pods_list: { name: 'pods_list_in_namespace', args: { namespace: NAMESPACE } },
    pods_get: { name: 'pods_get', args: { namespace: NAMESPACE, name: POD } },
    pods_log: { name: 'pods_log', args: { namespace: NAMESPACE, name: POD, tail: 100 } },
    events_list: { name: 'events_list', args: { namespace: NAMESPACE } },
  };
  const go = (label: string, env?: Record<string, string>): Contender => ({
    label,
    command: GO_BINARY,
    args: ['--kubeconfig', kubeconfig],
    env,
    calls: goCalls,
  });
  const flux: Contender = {
    label: 'mcp-server-kubernetes 4.1.7',
    command: process.execPath,
    args: [FLUX_ENTRY],
    env: { KUBECONFIG: kubeconfig },
    calls: {
      pods_list: { name: 'kubectl_get', args: { resourceType: 'pods', namespace: NAMESPACE } },
      pods_get: { name: 'kubectl_get', args: { resourceType: 'pods', namespace: NAMESPACE, name: POD } },
      pods_log: {
        name: 'kubectl_logs',
        args: { resourceType: 'pod', namespace: NAMESPACE, name: POD, tail: 100 },
      },
      events_list: { name: 'kubectl_get', args: { resourceType: 'events', namespace: NAMESPACE } },
    },
  };
  const peers = existsSync(GO_BINARY) && existsSync(FLUX_ENTRY);
  return peers
    ? [
        ours,
        go('kubernetes-mcp-server 0.0.67 (default QPS 5)'),
        go('kubernetes-mcp-server 0.0.67 (QPS/burst 1000)', {
          KUBE_CLIENT_QPS: '1000',
          KUBE_CLIENT_BURST: '1000',
        }),
        flux,
      ]
    : [ours];
}

async function measure(c: Contender) {
  const starts: { init: number; first: number }[] = [];
  for (let i = 0; i < STARTS; i++) {
    const s = await connect(c);
    await call(s.client, c, 'pods_list');
    starts.push({ init: s.initialized, first: performance.now() - s.t0 });
    await s.client.close();
  }
  const s = await connect(c);
  const timings = {} as Record<Op, { p50: number; p99: number; chars: number }>;
  for (const op of OPS) {
    let chars = 0;
    for (let i = 0; i < 5; i++) chars = (await call(s.client, c, op)).length;
    const samples: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const t = performance.now();
      await call(s.client, c, op);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    timings[op] = { p50: percentile(samples, 50), p99: percentile(samples, 99), chars };
    process.stderr.write(`bench mcp-k8s: ${c.label} ${op} p50 ${ms(timings[op].p50)}\n`);
  }
  const rss = s.transport.pid ? rssMiB(s.transport.pid) : Number.NaN;
  await s.client.close();
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  return { init: median(starts.map((x) => x.init)), first: median(starts.map((x) => x.first)), timings, rss };
}

export async function runMcpK8sBench(): Promise<void> {
  if (!existsSync(join(REPO, 'dist/cli/main.js')))
    spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  installPeers(
    'mcp-k8s',
    PEERS,
    ['kubernetes-mcp-server@0.0.67', 'mcp-server-kubernetes@4.1.7'],
    existsSync(GO_BINARY) && existsSync(FLUX_ENTRY),
  );
  const dir = tempDir('bench-mcp-k8s-');
  const { ready, child } = await cliSandbox([
    '--snapshot',
    snapshot(dir),
    '--kubeconfig-out',
    join(dir, 'kubeconfig'),
  ]);
  try {
    const rows: string[] = [];
    for (const c of contenders(ready.kubeconfig)) {
      process.stderr.write(`bench mcp-k8s: ${c.label}…\n`);
      const r = await measure(c).catch((err: Error) => err);
      if (r instanceof Error) {
        rows.push(`| ${c.label} | failed: ${r.message.replace(/\|/g, '/').slice(0, 200)} |`);
        continue;
      }
      const cell = (op: Op) => `${ms(r.timings[op].p50)} / ${ms(r.timings[op].p99)}`;
      rows.push(
        `| ${c.label} | ${cell('pods_list')} | ${cell('pods_get')} | ${cell('pods_log')} | ${cell('events_list')} | ${ms(r.init)} | ${ms(r.first)} | ${r.rss.toFixed(0)} MiB | ${OPS.map((op) => (r.timings[op].chars / 1000).toFixed(1)).join(' / ')} |`,
      );
    }
    console.log(
      `Machine: ${machine()}; ${CALLS} calls per operation, ${PODS} pods in namespace ${NAMESPACE}, one stdio session each.\n`,
    );
    console.log(
      '| server | pods_list p50 / p99 | pods_get p50 / p99 | pods_log (tail 100) p50 / p99 | events_list p50 / p99 | start-up to initialize | start-up to first pods_list | RSS after the run | output size, k chars (list / get / log / events) |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

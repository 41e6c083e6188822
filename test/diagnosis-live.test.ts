// Live diagnosis against the running sandbox: every fault type injected as an operator would, then the
// read-only diagnosis must name it first — the pattern, the object and the concrete cause.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { type Diagnosis, diagnoseCluster, parseAlert, UnreachableError } from '../src/diagnosis/index.ts';
import type { Finding } from '../src/diagnosis/types.ts';
import { requireBinary } from './helpers/binaries.ts';
import { until } from './helpers/poll.ts';
import { inProcessSandbox } from './helpers/sandbox.ts';

type Sandbox = Awaited<ReturnType<typeof inProcessSandbox>>;
type Params = Record<string, string | number>;

interface Case {
  fault: { type: string; namespace?: string; target?: string; params?: Params };
  pattern: string;
  /** The object the first finding must name, as its resource or its workload. */
  object: { kind: string; namespace?: string; name: string };
  /** Substrings of the root cause; a function receives the fault's parameters after defaults. */
  cause: (params: Params) => string[];
  runbook?: string;
}

const CASES: Case[] = [
  {
    fault: { type: 'crash_loop', namespace: 'production', target: 'deployment/api-service' },
    pattern: 'crash_loop',
    object: { kind: 'Deployment', namespace: 'production', name: 'api-service' },
    cause: () => ['exit code 1', 'failed to load cache snapshot'],
    runbook: 'pod_restart',
  },
  {
    fault: { type: 'oom', namespace: 'production', target: 'deployment/api-service' },
    pattern: 'oom_killed',
    object: { kind: 'Deployment', namespace: 'production', name: 'api-service' },
    cause: () => ['OOMKilled', '512Mi'],
    runbook: 'oom_increase_memory',
  },
  {
    fault: { type: 'image_pull', namespace: 'production', target: 'deployment/web-frontend' },
    pattern: 'image_pull_error',
    object: { kind: 'Deployment', namespace: 'production', name: 'web-frontend' },
    cause: (p) => [String(p.image), 'does not exist', 'web-frontend:2.14.0'],
    runbook: 'rollback_deployment',
  },
  {
    fault: { type: 'bad_release', namespace: 'production', target: 'deployment/api-service' },
    pattern: 'bad_release',
    object: { kind: 'Deployment', namespace: 'production', name: 'api-service' },
    cause: (p) => [String(p.image), 'nil pointer dereference'],
    runbook: 'rollback_deployment',
  },
  {
    fault: { type: 'high_latency', namespace: 'staging', target: 'deployment/api-service' },
    pattern: 'high_latency',
    object: { kind: 'Deployment', namespace: 'staging', name: 'api-service' },
    cause: () => ['too many in-flight requests'],
    runbook: 'scale_out',
  },
  {
    fault: { type: 'high_error_rate', namespace: 'production', target: 'deployment/payment-service' },
    pattern: 'high_error_rate',
    object: { kind: 'Deployment', namespace: 'production', name: 'payment-service' },
    cause: (p) => [String(p.env), 'revision 2'],
    runbook: 'rollback_deployment',
  },
  {
    fault: { type: 'memory_leak', namespace: 'staging', target: 'deployment/api-service' },
    pattern: 'oom_killed',
    object: { kind: 'Deployment', namespace: 'staging', name: 'api-service' },
    cause: () => ['OOMKilled', 'leak'],
    runbook: 'pod_restart',
  },
  {
    fault: { type: 'cpu_saturation', namespace: 'production', target: 'deployment/payment-service' },
    pattern: 'cpu_throttling',
    object: { kind: 'Deployment', namespace: 'production', name: 'payment-service' },
    cause: () => ['500m'],
    runbook: 'raise_cpu_limit',
  },
  {
    fault: { type: 'node_not_ready', target: 'node/node-2' },
    pattern: 'node_not_ready',
    object: { kind: 'Node', name: 'node-2' },
    cause: () => ['node-2', 'stopped reporting'],
    runbook: 'cordon_and_drain_node',
  },
  {
    fault: { type: 'disk_pressure', target: 'node/node-3' },
    pattern: 'node_pressure',
    object: { kind: 'Node', name: 'node-3' },
    cause: () => ['DiskPressure'],
    runbook: 'cordon_and_drain_node',
  },
  {
    fault: { type: 'pvc_full', namespace: 'production', target: 'statefulset/postgres' },
    pattern: 'volume_full',
    object: { kind: 'PersistentVolumeClaim', namespace: 'production', name: 'data-postgres-0' },
    cause: () => ['No space left on device', 'data-postgres-0'],
    runbook: 'expand_pvc',
  },
  {
    fault: { type: 'db_connections_exhausted', namespace: 'production', target: 'statefulset/postgres' },
    pattern: 'db_connection_exhaustion',
    object: { kind: 'StatefulSet', namespace: 'production', name: 'postgres' },
    cause: (p) => ['too many clients', String(p.client)],
    runbook: 'restart_leaking_client',
  },
  {
    fault: { type: 'dns_failure', namespace: 'kube-system', target: 'deployment/coredns' },
    pattern: 'dns_failure',
    object: { kind: 'Deployment', namespace: 'kube-system', name: 'coredns' },
    cause: () => ['kube-dns', 'no ready endpoints'],
    runbook: 'restart_coredns',
  },
  {
    fault: { type: 'cert_expired', namespace: 'production', target: 'secret/api-tls' },
    pattern: 'cert_expired',
    object: { kind: 'Secret', namespace: 'production', name: 'api-tls' },
    cause: () => ['expired', 'api.shop.example.com'],
    runbook: 'renew_certificate',
  },
];

const names = (ref: { kind: string; namespace?: string; name: string } | null, want: Case['object']) =>
  !!ref &&
  ref.kind === want.kind &&
  ref.name === want.name &&
  (want.namespace === undefined || ref.namespace === want.namespace);

function verdict(f: Finding | undefined, c: Case, params: Params): string | undefined {
  if (!f) return 'no finding';
  if (f.pattern !== c.pattern) return `first is ${f.pattern} ${f.resource.kind}/${f.resource.name}`;
  if (!names(f.resource, c.object) && !names(f.workload, c.object))
    return `first names ${JSON.stringify(f.resource)} / ${JSON.stringify(f.workload)}`;
  const missing = c.cause(params).filter((s) => !f.rootCause.includes(s));
  if (missing.length) return `root cause lacks ${JSON.stringify(missing)}: ${f.rootCause}`;
  if (c.runbook && f.runbook !== c.runbook) return `runbook ${f.runbook}`;
  return undefined;
}

const firstLines = (d: Diagnosis) =>
  d.findings
    .slice(0, 4)
    .map((f) => `${f.pattern} ${f.resource.kind}/${f.resource.name}: ${f.rootCause}`)
    .join('\n  ');

async function withSandbox(fn: (sandbox: Sandbox) => Promise<void>) {
  const sandbox = await inProcessSandbox({ speed: 50 });
  try {
    await fn(sandbox);
  } finally {
    await sandbox.stop();
  }
}

/** The estate settles before faults go in: every pod ready, nothing to report. */
async function settled(sandbox: Sandbox): Promise<void> {
  await until('a healthy estate with no findings', async () => {
    const d = await diagnoseCluster({ kubeconfig: sandbox.kubeconfig, namespaces: 'all' });
    return d.findings.length === 0 ? d : undefined;
  });
}

describe('live diagnosis of every sandbox fault', { concurrency: false }, () => {
  for (const c of CASES) {
    test(`${c.fault.type} → ${c.pattern} ${c.object.kind}/${c.object.name}`, async () => {
      await withSandbox(async (sandbox) => {
        await settled(sandbox);
        const { params } = sandbox.faults.inject(c.fault);
        let last: Diagnosis | undefined;
        let why: string | undefined;
        try {
          await until(
            `${c.pattern} first`,
            async () => {
              last = await diagnoseCluster({ kubeconfig: sandbox.kubeconfig, namespaces: 'all' });
              why = verdict(last.findings[0], c, params);
              return why === undefined;
            },
            { timeoutMs: 40_000, intervalMs: 200 },
          );
        } catch (err) {
          assert.fail(`${(err as Error).message}\n${why}\n  ${last ? firstLines(last) : ''}`);
        }
        assert.ok(last && last.durationMs < 1000, `live diagnosis took ${last?.durationMs} ms`);
        assert.deepEqual(last.gaps, []);
      });
    });
  }
});

describe('live diagnosis, focused and degraded', () => {
  test('an alert puts the finding that explains it first, among several faults', async () => {
    await withSandbox(async (sandbox) => {
      await settled(sandbox);
      sandbox.faults.inject({ type: 'node_not_ready', target: 'node/node-1' });
      sandbox.faults.inject({ type: 'image_pull', namespace: 'staging', target: 'deployment/web-frontend' });
      const alert = parseAlert({
        version: '4',
        status: 'firing',
        alerts: [
          {
            status: 'firing',
            labels: {
              alertname: 'KubeDeploymentRolloutStuck',
              namespace: 'staging',
              deployment: 'web-frontend',
            },
          },
        ],
      });
      await until(
        'image_pull_error first for the alert, node_not_ready first without it',
        async () => {
          const focused = await diagnoseCluster({ kubeconfig: sandbox.kubeconfig, namespaces: 'all', alert });
          const unfocused = await diagnoseCluster({ kubeconfig: sandbox.kubeconfig, namespaces: 'all' });
          return (
            focused.findings[0]?.pattern === 'image_pull_error' &&
            focused.findings[0].workload?.name === 'web-frontend' &&
            focused.evidence
              .list('Pod')
              .every(
                (p) => p.metadata.namespace === 'staging' || p.metadata.labels?.['k8s-app'] === 'kube-dns',
              ) &&
            unfocused.findings.some((f) => f.pattern === 'node_not_ready')
          );
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      // A node alert reads that node and the pods it runs, not every namespace.
      const nodeAlert = parseAlert({
        alerts: [{ status: 'firing', labels: { alertname: 'KubeNodeNotReady', node: 'node-1' } }],
      });
      const d = await diagnoseCluster({
        kubeconfig: sandbox.kubeconfig,
        namespaces: 'all',
        alert: nodeAlert,
      });
      assert.equal(d.findings[0]?.pattern, 'node_not_ready');
      assert.equal(d.findings[0]?.resource.name, 'node-1');
      const pods = d.evidence.list('Pod');
      assert.ok(pods.length > 0);
      assert.ok(
        pods.every((p) => p.spec.nodeName === 'node-1' || p.metadata.labels?.['k8s-app'] === 'kube-dns'),
      );
      assert.equal(
        new Set(pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).size,
        pods.length,
        'no pod twice',
      );
    });
  });

  test('an unreachable API server is an UnreachableError naming the URL', async () => {
    const dir = (await inProcessSandbox({ speed: 1 })) as Sandbox;
    await dir.stop();
    const kubeconfig = join(dir.dir, 'dead.kubeconfig');
    writeFileSync(
      kubeconfig,
      `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "${dir.server}"}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\nusers: [{name: u, user: {}}]\ncurrent-context: c\n`,
    );
    await assert.rejects(
      diagnoseCluster({ kubeconfig, namespaces: 'all' }),
      (err: Error) => err instanceof UnreachableError && err.message.includes(dir.server),
    );
  });

  test('an unreachable Prometheus is a gap, not a failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    await withSandbox(async (sandbox) => {
      const d = await diagnoseCluster({
        kubeconfig: sandbox.kubeconfig,
        namespaces: ['production'],
        prometheusUrl: url,
      });
      assert.deepEqual(d.gaps, [`prometheus: cannot query ${url} (ECONNREFUSED)`]);
    });
  });
});

/** A free local port: bound, read, released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A real Prometheus scraping the sandbox every second; stopped with the returned function. */
async function startPrometheus(sandbox: Sandbox): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const target = new URL(sandbox.metrics);
  const config = join(sandbox.dir, 'prometheus.yml');
  writeFileSync(
    config,
    `global: {scrape_interval: 1s, evaluation_interval: 1s, scrape_timeout: 1s}\nscrape_configs:\n  - job_name: sandbox\n    metrics_path: ${target.pathname}\n    static_configs: [{targets: ['${target.host}']}]\n`,
  );
  const child = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(sandbox.dir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await until(
      'Prometheus to have scraped the sandbox',
      async () => {
        const res = await fetch(
          `${url}/api/v1/query?query=${encodeURIComponent('count(http_requests_total)')}`,
        );
        const body = (await res.json()) as { data?: { result?: unknown[] } };
        return (body.data?.result?.length ?? 0) > 0;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}

describe('live diagnosis with Prometheus', () => {
  test('error ratio and CPU throttling come from the metrics', requireBinary('prometheus'), async () => {
    await withSandbox(async (sandbox) => {
      await settled(sandbox);
      const prometheus = await startPrometheus(sandbox);
      try {
        sandbox.faults.inject({
          type: 'high_error_rate',
          namespace: 'production',
          target: 'deployment/payment-service',
        });
        sandbox.faults.inject({
          type: 'cpu_saturation',
          namespace: 'staging',
          target: 'deployment/checkout',
        });
        let last: Diagnosis | undefined;
        await until(
          'metric-backed findings for both faults',
          async () => {
            last = await diagnoseCluster({
              kubeconfig: sandbox.kubeconfig,
              namespaces: 'all',
              prometheusUrl: prometheus.url,
            });
            const errors = last.findings.find(
              (f) => f.pattern === 'high_error_rate' && f.workload?.name === 'payment-service',
            );
            const cpu = last.findings.find(
              (f) => f.pattern === 'cpu_throttling' && f.workload?.name === 'checkout',
            );
            return (
              errors?.evidence.some((e) => e.startsWith('error ratio (5xx / all, 5m)')) &&
              cpu?.rootCause.includes('% of CFS periods')
            );
          },
          { timeoutMs: 60_000, intervalMs: 500 },
        ).catch((err: Error) => assert.fail(`${err.message}\n  ${last ? firstLines(last) : ''}`));
        assert.deepEqual(last?.gaps, []);
        assert.ok(last && last.impact.requestRate !== undefined, 'impact carries the request rate');
      } finally {
        await prometheus.stop();
      }
    });
  });
});

// bench/diagnosis: `diagnose -A` on the default estate scaled to 1,000 pods with 5 simultaneous
// faults (wall time and peak RSS of the CLI), and the per-alert diagnosis latency.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../src/diagnosis/diagnose.ts';
import { diagnoseCluster, parseAlert } from '../src/diagnosis/index.ts';
import { CLI, cliSandbox, REPO, tempDir } from '../test/helpers/sandbox.ts';
import { machine, ms, percentile } from './stats.ts';

const TARGET_PODS = 1_000;
const COPIED_KINDS: [string, string][] = [
  ['/api/v1', 'configmaps'],
  ['/api/v1', 'secrets'],
  ['/api/v1', 'services'],
  ['/apis/apps/v1', 'deployments'],
  ['/apis/apps/v1', 'statefulsets'],
  ['/apis/autoscaling/v2', 'horizontalpodautoscalers'],
];

interface Fault {
  type: string;
  namespace?: string;
  target: string;
  /** The first finding an alert about it must give. */
  pattern: string;
  labels: Record<string, string>;
}

const FAULTS: Fault[] = [
  {
    type: 'crash_loop',
    namespace: 'shop-03',
    target: 'deployment/api-service',
    pattern: 'crash_loop',
    labels: { alertname: 'KubePodCrashLooping', namespace: 'shop-03', deployment: 'api-service' },
  },
  {
    type: 'image_pull',
    namespace: 'shop-17',
    target: 'deployment/web-frontend',
    pattern: 'image_pull_error',
    labels: { alertname: 'KubeDeploymentRolloutStuck', namespace: 'shop-17', deployment: 'web-frontend' },
  },
  {
    type: 'pvc_full',
    namespace: 'shop-31',
    target: 'statefulset/postgres',
    pattern: 'volume_full',
    labels: {
      alertname: 'KubePersistentVolumeFillingUp',
      namespace: 'shop-31',
      persistentvolumeclaim: 'data-postgres-0',
    },
  },
  {
    type: 'bad_release',
    namespace: 'shop-45',
    target: 'deployment/payment-service',
    pattern: 'bad_release',
    labels: {
      alertname: 'KubeDeploymentReplicasMismatch',
      namespace: 'shop-45',
      deployment: 'payment-service',
    },
  },
  {
    type: 'node_not_ready',
    target: 'node/pool-7',
    pattern: 'node_not_ready',
    labels: { alertname: 'KubeNodeNotReady', node: 'pool-7' },
  },
];

type Json = Record<string, any>;

/** An object as it can be created again elsewhere: no identity, no status, no assigned IPs. */
function portable(obj: Json, kind: string, namespace: string): Json {
  const {
    uid,
    resourceVersion,
    creationTimestamp,
    generation,
    managedFields,
    ownerReferences,
    selfLink,
    ...metadata
  } = obj.metadata;
  const out: Json = { ...obj, kind, metadata: { ...metadata, namespace } };
  delete out.status;
  if (kind === 'Service') {
    out.spec = { ...out.spec };
    delete out.spec.clusterIP;
    delete out.spec.clusterIPs;
  }
  return out;
}

async function scaleEstate(server: string): Promise<number> {
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Json;
  };
  for (let n = 1; n <= 10; n++) {
    const capacity = { cpu: '48', memory: '192Gi', pods: '110' };
    await api('POST', '/api/v1/nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: `pool-${n}`,
        labels: {
          'kubernetes.io/hostname': `pool-${n}`,
          'topology.kubernetes.io/zone': `us-east-1${'abc'[n % 3]}`,
        },
      },
      status: { capacity, allocatable: capacity },
    });
  }
  const source: [string, string, Json[]][] = [];
  for (const [prefix, plural] of COPIED_KINDS) {
    const list = await api('GET', `${prefix}/namespaces/production/${plural}`);
    source.push([
      prefix,
      plural,
      list.items.map((o: Json) => ({ ...o, kind: list.kind.replace(/List$/, '') })),
    ]);
  }
  const perCopy = (await api('GET', '/api/v1/namespaces/production/pods')).items.length;
  const existing = (await api('GET', '/api/v1/pods')).items.length;
  const copies = Math.ceil((TARGET_PODS - existing) / perCopy);
  for (let i = 1; i <= copies; i++) {
    const ns = `shop-${String(i).padStart(2, '0')}`;
    await api('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    for (const [prefix, plural, items] of source) {
      for (const obj of items)
        await api('POST', `${prefix}/namespaces/${ns}/${plural}`, portable(obj, obj.kind, ns));
    }
  }
  return copies;
}

async function runningPods(server: string): Promise<number> {
  const res = await fetch(`${server}/api/v1/pods?fieldSelector=status.phase%3DRunning`);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

/** Wall time, CPU time (ms) and peak RSS (MiB) of one `sre-nanobot diagnose` process, via GNU time. */
function cliRun(args: string[]): { wallMs: number; cpuMs: number; rssMiB: number; findings: Json[] } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, CLI, 'diagnose', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`diagnose failed: ${r.stderr}`);
  const [rssKiB, user, sys] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return {
    wallMs,
    cpuMs: (user + sys) * 1000,
    rssMiB: rssKiB / 1024,
    findings: JSON.parse(r.stdout).findings,
  };
}

export async function runDiagnosisBench(): Promise<void> {
  if (!existsSync(join(REPO, 'dist', 'cli', 'main.js')))
    throw new Error('bench diagnosis runs the built CLI: npm run build first');
  const dir = tempDir('bench-diagnosis-');
  const { ready, child } = await cliSandbox(['--speed', '20', '--kubeconfig-out', join(dir, 'kubeconfig')]);
  try {
    process.stderr.write('bench diagnosis: scaling the default estate…\n');
    const copies = await scaleEstate(ready.server);
    for (;;) {
      const running = await runningPods(ready.server);
      process.stderr.write(
        `bench diagnosis: ${running}/${TARGET_PODS} pods running (${copies} copies of production)\r`,
      );
      if (running >= TARGET_PODS) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const kubeconfig = ready.kubeconfig;
    for (const f of FAULTS) {
      const res = await fetch(`${ready.server}/sandbox/v1/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: f.type, namespace: f.namespace, target: f.target }),
      });
      if (!res.ok) throw new Error(`fault ${f.type}: ${res.status} ${await res.text()}`);
    }
    const alerts = FAULTS.map((f) => ({
      fault: f,
      focus: parseAlert({ version: '4', status: 'firing', alerts: [{ status: 'firing', labels: f.labels }] }),
    }));
    process.stderr.write('\nbench diagnosis: waiting for the 5 faults to show…\n');
    for (;;) {
      const firsts = await Promise.all(
        alerts.map(
          async (a) =>
            (await diagnoseCluster({ kubeconfig, namespaces: 'all', alert: a.focus })).findings[0]?.pattern,
        ),
      );
      if (firsts.every((p, i) => p === FAULTS[i].pattern)) break;
      process.stderr.write(`bench diagnosis: first findings so far ${firsts.join(', ')}\r`);
      await new Promise((r) => setTimeout(r, 2000));
    }

    process.stderr.write('\nbench diagnosis: timing…\n');
    const cli = Array.from({ length: 5 }, () => cliRun(['--kubeconfig', kubeconfig, '-A', '--json']));
    const wall = cli.map((c) => c.wallMs).sort((a, b) => a - b);
    const cpu = cli.map((c) => c.cpuMs).sort((a, b) => a - b);
    const rss = Math.max(...cli.map((c) => c.rssMiB));
    const roots = cli[0].findings.filter((f) => !f.causedBy).map((f) => f.pattern);

    const inProcess: number[] = [];
    const analysis: number[] = [];
    let pods = 0;
    for (let i = 0; i < 10; i++) {
      const r = await diagnoseCluster({ kubeconfig, namespaces: 'all' });
      inProcess.push(r.durationMs);
      analysis.push(diagnose(r.evidence).durationMs);
      pods = r.evidence.list('Pod').length;
    }
    inProcess.sort((a, b) => a - b);
    analysis.sort((a, b) => a - b);

    const perAlert: number[] = [];
    let correct = 0;
    for (let round = 0; round < 20; round++) {
      for (const a of alerts) {
        const t = performance.now();
        const r = await diagnoseCluster({ kubeconfig, namespaces: 'all', alert: a.focus });
        perAlert.push(performance.now() - t);
        if (r.findings[0]?.pattern === a.fault.pattern) correct++;
      }
    }
    perAlert.sort((a, b) => a - b);

    console.log(
      `Machine: ${machine()}; load average while timing: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `Estate: default estate + ${copies} copies of its production namespace, ${pods} pods on 13 nodes; faults: ${FAULTS.map((f) => f.type).join(', ')}.\n`,
    );
    console.log('| measurement | p50 | p95 / max | target |');
    console.log('|---|---|---|---|');
    console.log(
      `| \`sre-nanobot diagnose -A --json\` wall time (new process, 5 runs) | ${ms(percentile(wall, 50))} | ${ms(wall[wall.length - 1])} max | < 1 s |`,
    );
    console.log(
      `| same, CPU time (user + system) | ${ms(percentile(cpu, 50))} | ${ms(cpu[cpu.length - 1])} max | – |`,
    );
    console.log(`| same, peak RSS | ${rss.toFixed(0)} MiB | – | – |`);
    console.log(
      `| \`diagnoseCluster\` -A in a warm process (read + analyse, 10 runs) | ${ms(percentile(inProcess, 50))} | ${ms(percentile(inProcess, 95))} | – |`,
    );
    console.log(
      `| of which analysis (patterns + correlation) | ${ms(percentile(analysis, 50))} | ${ms(percentile(analysis, 95))} | – |`,
    );
    console.log(
      `| per-alert diagnosis, warm process (100 alerts) | ${ms(percentile(perAlert, 50))} | ${ms(percentile(perAlert, 95))} | p95 < 300 ms |`,
    );
    console.log(
      `\nRoot causes found by \`-A\`: ${roots.join(', ')}. Alerts answered with the right finding first: ${correct}/${perAlert.length}.`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

// bench/alert-storm: 10,000 alerts in Alertmanager's webhook format, 100 per webhook, posted 8 at a
// time to `sre-nanobot gateway` (a real process, durable writes) after a warm-up of 2,000: accepted
// alerts/s, webhook p50/p99, time until every alert is processed, incidents vs expected groups, RSS,
// gateway CPU, lost and duplicated alerts.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import type { WebhookAlert } from '../src/incidents/types.ts';
import { alert, payload } from '../src/monitor/testkit.ts';
import { cliGateway, readJson } from '../test/helpers/gateway.ts';
import { tempDir } from '../test/helpers/sandbox.ts';
import { machine, ms, percentile, rssMiB } from './stats.ts';

const TOTAL = 10_000;
const PER_WEBHOOK = 100;
/**
 * Closed loop (N webhooks in flight, each poster sends its next when answered): the most the gateway
 * takes. Open loop (webhooks sent on a fixed schedule, whatever is still unanswered, latency counted
 * from the scheduled time): the latency a storm arriving at a given rate sees.
 */
type Load = { concurrency: number; rate?: never } | { rate: number; concurrency?: never };
const RUNS: ({ durability: 'full' | 'normal' } & Load)[] = [
  { durability: 'full', concurrency: 8 },
  { durability: 'normal', concurrency: 8 },
  { durability: 'full', concurrency: 4 },
  { durability: 'full', concurrency: 2 },
  { durability: 'full', rate: 2_000 },
  { durability: 'full', rate: 5_000 },
  { durability: 'full', rate: 10_000 },
];
const RESOLVES = 1_000;
/** Webhooks posted and processed before the storm, as a gateway in service has run before one. */
const WARM_UP = 20;

/** A quiet group of alerts to warm the gateway up with (one incident, not counted). */
const warmUp = (): WebhookAlert[][] =>
  Array.from({ length: WARM_UP }, (_, w) =>
    Array.from({ length: PER_WEBHOOK }, (_, i) =>
      alert({ alertname: 'WarmUp', namespace: 'storm-warm-up', instance: `${w}-${i}` }),
    ),
  );

/** A deterministic shuffle, so every run posts the same storm. */
function shuffle<T>(items: T[], seed = 42): T[] {
  let s = seed;
  const rand = () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';
/** A pod name as a Deployment's ReplicaSet makes it: `api-7d4b9c6f8-q7x2d`. */
const podName = (workload: string, n: number) => {
  let suffix = '';
  for (let i = 0, v = n; i < 5; i++, v = Math.floor(v / SUFFIX.length)) suffix += SUFFIX[v % SUFFIX.length];
  return `${workload}-7d4b9c6f8-${suffix}`;
};

/**
 * The storm, 17 groups and 7,924 distinct alerts: 4 nodes NotReady at once with 400 pod alerts each
 * (pods of 25 workloads in 8 namespaces) — one incident, as the node alerts share their alert name
 * (Alertmanager's default grouping) and every pod joins its node's; 10 failing workloads with 452
 * alerts each (crash loops, not-ready and waiting containers on 150 pods, the rollout, the service's
 * error rate), each its own namespace; 6 scrape jobs down with 300 targets each. Then 1,000 resolves
 * and duplicates up to 10,000. The webhook carrying the node alerts goes first (routing is online:
 * pods that arrive before their node's alert would open incidents of their own).
 */
export function storm(): {
  webhooks: WebhookAlert[][];
  groups: number;
  distinctEvents: number;
  distinctAlerts: number;
} {
  const nodes = [0, 1, 2, 3].map((n) =>
    alert({ alertname: 'KubeNodeNotReady', node: `storm-node-${n}`, severity: 'critical' }),
  );
  const firing: WebhookAlert[] = [];
  for (let n = 0; n < 4; n++)
    for (let p = 0; p < 400; p++)
      firing.push(
        alert({
          alertname: 'KubePodNotReady',
          namespace: `storm-tenant-${p % 8}`,
          pod: podName(`svc${p % 25}`, n * 1000 + p),
          node: `storm-node-${n}`,
          severity: 'warning',
        }),
      );
  for (let w = 0; w < 10; w++) {
    const namespace = `storm-app-${w}`;
    for (let p = 0; p < 150; p++)
      for (const alertname of ['KubePodCrashLooping', 'KubePodNotReady', 'KubeContainerWaiting'])
        firing.push(alert({ alertname, namespace, pod: podName('api', p), severity: 'warning' }));
    firing.push(
      alert({
        alertname: 'KubeDeploymentReplicasMismatch',
        namespace,
        deployment: 'api',
        severity: 'warning',
      }),
    );
    firing.push(alert({ alertname: 'HighErrorRate', namespace, service: 'api', severity: 'critical' }));
  }
  for (let j = 0; j < 6; j++)
    for (let i = 0; i < 300; i++)
      firing.push(
        alert({
          alertname: 'TargetDown',
          namespace: `storm-monitoring-${j}`,
          job: `exporter-${j}`,
          instance: `10.0.${j}.${i}:9100`,
        }),
      );
  const distinctAlerts = nodes.length + firing.length;
  const shuffled = shuffle(firing);
  const resolves = shuffle(firing, 7)
    .slice(0, RESOLVES)
    .map((a) => ({ ...a, status: 'resolved' as const, endsAt: new Date().toISOString() }));
  const duplicates = shuffle(firing, 11).slice(0, TOTAL - distinctAlerts - RESOLVES);
  // Resolves and duplicates go in the second half, after most of what they repeat or end.
  const firstHalf = [...nodes, ...shuffled.slice(0, 4_000)];
  const secondHalf = shuffle([...shuffled.slice(4_000), ...resolves, ...duplicates], 3);
  const all = [...firstHalf, ...secondHalf];
  const webhooks: WebhookAlert[][] = [];
  for (let i = 0; i < all.length; i += PER_WEBHOOK) webhooks.push(all.slice(i, i + PER_WEBHOOK));
  return { webhooks, groups: 1 + 10 + 6, distinctEvents: distinctAlerts + RESOLVES, distinctAlerts };
}

/** CPU seconds (user + system, all threads) a process has used, from /proc (Linux clock ticks of 10 ms). */
const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

async function run(durability: 'full' | 'normal', load: Load) {
  const concurrency = load.concurrency ?? 8;
  const { webhooks, groups, distinctEvents, distinctAlerts } = storm();
  const gateway = await cliGateway(['--data-dir', tempDir('sre-nanobot-storm-'), '--durability', durability]);
  const pid = gateway.child.pid!;
  let latencies: number[] = [];
  // Serialised up front: the client's own work must not count as the gateway's latency.
  const bodies = webhooks.map((alerts) => JSON.stringify(payload(alerts)));
  const processedTotal = async () => {
    const text = await (await fetch(`${gateway.ready.url}/metrics`)).text();
    return Number(/^sre_nanobot_alerts_processed_total (\d+)$/m.exec(text)?.[1] ?? 0);
  };
  const post = async (body: string, t = performance.now()) => {
    const res = await fetch(gateway.ready.webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
    latencies.push(performance.now() - t);
    if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
  };
  const postAll = async (list: string[]) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < list.length) await post(list[next++]);
      }),
    );
  };
  /** Each webhook at its scheduled time; its latency counts from then, so a slow answer cannot hide the queue behind it. */
  const postAtRate = async (list: string[], alertsPerSecond: number) => {
    const interval = (1000 * PER_WEBHOOK) / alertsPerSecond;
    const start = performance.now();
    const sent: Promise<void>[] = [];
    for (let i = 0; i < list.length; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      sent.push(post(list[i], due));
    }
    await Promise.all(sent);
  };
  await postAll(warmUp().map((alerts) => JSON.stringify(payload(alerts))));
  const warmEvents = WARM_UP * PER_WEBHOOK;
  while ((await processedTotal()) < warmEvents) await new Promise((r) => setTimeout(r, 10));
  latencies = [];
  const rssBefore = rssMiB(pid);
  const cpuBefore = cpuSeconds(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMiB(pid));
  }, 25);
  const since = new Date().toISOString();
  const started = performance.now();
  await post(bodies[0]);
  if (load.rate) await postAtRate(bodies.slice(1), load.rate);
  else await postAll(bodies.slice(1));
  const acceptedMs = performance.now() - started;
  while ((await processedTotal()) < warmEvents + distinctEvents) await new Promise((r) => setTimeout(r, 10));
  const processedMs = performance.now() - started;
  clearInterval(sampler);
  const rssAfter = rssMiB(pid);
  const cpu = cpuSeconds(pid) - cpuBefore;
  const { incidents } = await readJson(
    fetch(`${gateway.ready.url}/api/v1/incidents?limit=1000&since=${since}`),
  );
  gateway.child.kill('SIGTERM');
  await once(gateway.child, 'exit');
  const db = new Database(gateway.ready.database, { readonly: true });
  const one = (sql: string) => Object.values(db.prepare(sql).get() as Record<string, number>)[0];
  const stored = one('SELECT COUNT(*) FROM alert_events');
  const processedTwice = one(`SELECT COUNT(*) FROM alerts a LEFT JOIN (
        SELECT incident_id, fingerprint, COUNT(*) AS n FROM alert_events GROUP BY incident_id, fingerprint
      ) e USING (incident_id, fingerprint) WHERE e.n IS NULL OR a.event_count != e.n`);
  const alertsKept = one('SELECT COUNT(DISTINCT fingerprint) FROM alerts');
  db.close();
  latencies.sort((a, b) => a - b);
  return {
    durability,
    mode: load.rate ? `open loop, ${load.rate.toLocaleString('en')} alerts/s` : `${concurrency} in flight`,
    acceptedPerSecond: TOTAL / (acceptedMs / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    processedMs,
    incidents: incidents.length,
    groups,
    rssBefore,
    rssPeak,
    rssAfter,
    cpu,
    load: os.loadavg()[0],
    lost:
      Math.max(0, warmEvents + distinctEvents - stored) +
      Math.max(0, warmEvents + distinctAlerts - alertsKept),
    duplicated: Math.max(0, stored - warmEvents - distinctEvents) + processedTwice,
  };
}

export async function runAlertStormBench(): Promise<void> {
  console.log(`Machine: ${machine()}`);
  console.log(`${TOTAL} alerts, ${PER_WEBHOOK} per webhook, after a warm-up of ${WARM_UP * PER_WEBHOOK}\n`);
  console.log(
    '| durability | load | accepted alerts/s | webhook p50 | webhook p99 | all processed after | incidents / groups | RSS before → peak → after | gateway CPU | load avg | lost | duplicated |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const { durability, ...load } of RUNS) {
    const r = await run(durability, load as Load);
    console.log(
      `| ${r.durability} | ${r.mode} | ${Math.round(r.acceptedPerSecond).toLocaleString('en')} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.processedMs)} | ${r.incidents} / ${r.groups} | ${r.rssBefore.toFixed(0)} → ${r.rssPeak.toFixed(0)} → ${r.rssAfter.toFixed(0)} MiB | ${r.cpu.toFixed(2)} s | ${r.load.toFixed(1)} | ${r.lost} | ${r.duplicated} |`,
    );
  }
  console.log(
    '\nTargets (durability full): ≥ 2,000 accepted alerts/s (closed loop, 8 in flight), p99 < 50 ms (open loop at 2,000 and 5,000 alerts/s), 0 lost, 0 duplicated, incidents = groups.',
  );
}

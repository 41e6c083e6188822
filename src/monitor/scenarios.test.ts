import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { IncidentStatus, Priority, WebhookAlert } from '../incidents/types.ts';
import { openIncidentStore } from '../store/index.ts';
import { describeAlert } from './labels.ts';
import { type MonitorOptions, monitorOptions } from './options.ts';
import { processEvents } from './process.ts';
import { createRouter } from './router.ts';
import { alert, at, payload, resolvedOf } from './testkit.ts';

/**
 * Grouping and correlation as a table: deliveries in, incidents out, through the real store.
 * Each step is one webhook delivery at a time (seconds after T0); incidents are compared by the
 * alerts they hold.
 */
interface Case {
  name: string;
  steps: { t: number; alerts: WebhookAlert[] }[];
  options?: Partial<MonitorOptions>;
  incidents: { alerts: string[]; status?: IncidentStatus; priority?: Priority }[];
}

const nodeDown = (node: string) => alert({ alertname: 'KubeNodeNotReady', node, severity: 'critical' });
const podNotReady = (ns: string, pod: string, node: string) =>
  alert({ alertname: 'KubePodNotReady', namespace: ns, pod, node, severity: 'warning' });
const crashLoop = (ns: string, pod: string) =>
  alert({ alertname: 'KubePodCrashLooping', namespace: ns, pod, severity: 'warning' });
const mismatch = (ns: string, deployment: string) =>
  alert({ alertname: 'KubeDeploymentReplicasMismatch', namespace: ns, deployment, severity: 'warning' });
const errors = (ns: string, service: string) =>
  alert({ alertname: 'HighErrorRate', namespace: ns, service, severity: 'critical' });
const d = (a: WebhookAlert) => describeAlert(a.labels);

const webNode = podNotReady('shop', 'web-5d8c9f7b4d-x2x9q', 'worker-2');
const dbNode = podNotReady('data', 'postgres-0', 'worker-2');
const apiCrash = crashLoop('prod', 'api-7d4b9c6f8-x2x9q');
const apiCrash2 = crashLoop('prod', 'api-7d4b9c6f8-q7x2d');
const workerCrash = crashLoop('prod', 'worker-6c9f8d7b5-z9x8w');
const flappy = alert({
  alertname: 'KubeJobFailed',
  namespace: 'batch',
  job_name: 'report-28123456',
  severity: 'info',
});
const flap = (n: number) => ({ ...flappy, startsAt: at(n * 60) });

const CASES: Case[] = [
  {
    name: 'pods of a NotReady node join the node incident, in any order within a delivery',
    steps: [{ t: 1, alerts: [webNode, nodeDown('worker-2'), dbNode] }],
    incidents: [{ alerts: [d(nodeDown('worker-2')), d(webNode), d(dbNode)], priority: 'P1' }],
  },
  {
    name: 'pods of a NotReady node join its incident in later deliveries',
    steps: [
      { t: 1, alerts: [nodeDown('worker-2')] },
      { t: 20, alerts: [webNode] },
      { t: 40, alerts: [dbNode] },
    ],
    incidents: [{ alerts: [d(nodeDown('worker-2')), d(webNode), d(dbNode)] }],
  },
  {
    name: 'a pod alert without a node label joins the node the cluster says it runs on',
    options: { nodeOfPod: (ns, pod) => (ns === 'prod' && pod === 'api-0' ? 'worker-9' : undefined) },
    steps: [
      { t: 1, alerts: [nodeDown('worker-9')] },
      { t: 5, alerts: [crashLoop('prod', 'api-0'), crashLoop('prod', 'web-0')] },
    ],
    incidents: [
      { alerts: [d(nodeDown('worker-9')), d(crashLoop('prod', 'api-0'))] },
      { alerts: [d(crashLoop('prod', 'web-0'))] },
    ],
  },
  {
    name: 'sharing a healthy node does not make pods one incident',
    steps: [{ t: 1, alerts: [webNode, dbNode] }],
    incidents: [{ alerts: [d(webNode)] }, { alerts: [d(dbNode)] }],
  },
  {
    name: "a workload's pods, rollout and service errors are one incident",
    steps: [
      { t: 1, alerts: [apiCrash, apiCrash2] },
      { t: 30, alerts: [mismatch('prod', 'api')] },
      { t: 60, alerts: [errors('prod', 'api')] },
    ],
    incidents: [
      {
        alerts: [d(apiCrash), d(apiCrash2), d(mismatch('prod', 'api')), d(errors('prod', 'api'))],
        priority: 'P1',
      },
    ],
  },
  {
    name: 'group_by alertname+namespace: the same alert in one namespace groups, another namespace does not',
    steps: [{ t: 1, alerts: [apiCrash, workerCrash, crashLoop('staging', 'api-7d4b9c6f8-x2x9q')] }],
    incidents: [
      { alerts: [d(apiCrash), d(workerCrash)] },
      { alerts: [d(crashLoop('staging', 'api-7d4b9c6f8-x2x9q'))] },
    ],
  },
  {
    name: 'group_by is configurable: by namespace only, different alerts of a namespace group',
    options: { groupBy: ['namespace'] },
    steps: [
      {
        t: 1,
        alerts: [crashLoop('prod', 'a-0'), alert({ alertname: 'KubeQuotaExceeded', namespace: 'prod' })],
      },
    ],
    incidents: [{ alerts: [d(crashLoop('prod', 'a-0')), 'KubeQuotaExceeded in prod'] }],
  },
  {
    name: 'a resolved alert updates its incident, which resolves when all have',
    steps: [
      { t: 1, alerts: [apiCrash, apiCrash2] },
      { t: 60, alerts: [resolvedOf(apiCrash)] },
      { t: 90, alerts: [resolvedOf(apiCrash2)] },
    ],
    incidents: [{ alerts: [d(apiCrash), d(apiCrash2)], status: 'resolved' }],
  },
  {
    name: 'partly resolved stays open',
    steps: [
      { t: 1, alerts: [apiCrash, apiCrash2] },
      { t: 60, alerts: [resolvedOf(apiCrash)] },
    ],
    incidents: [{ alerts: [d(apiCrash), d(apiCrash2)], status: 'open' }],
  },
  {
    name: 'the same group after the window is a new incident; within it, the old one reopens',
    steps: [
      { t: 1, alerts: [apiCrash] },
      { t: 30, alerts: [resolvedOf(apiCrash)] },
      { t: 100, alerts: [{ ...apiCrash, startsAt: at(100) }] },
      { t: 130, alerts: [resolvedOf({ ...apiCrash, startsAt: at(100) })] },
      { t: 1000, alerts: [{ ...apiCrash, startsAt: at(1000) }] },
    ],
    incidents: [
      { alerts: [d(apiCrash)], status: 'resolved' },
      { alerts: [d(apiCrash)], status: 'open' },
    ],
  },
  {
    name: 'a flapping alert keeps its incident open (damped) instead of resolving and reopening',
    steps: [1, 2, 3, 4].flatMap((n) => [
      { t: n * 60, alerts: [flap(n)] },
      { t: n * 60 + 30, alerts: [resolvedOf(flap(n))] },
    ]),
    incidents: [{ alerts: [d(flappy)], status: 'open', priority: 'P4' }],
  },
  {
    name: 'duplicates and retries are one alert',
    steps: [
      { t: 1, alerts: [apiCrash, apiCrash] },
      { t: 2, alerts: [apiCrash] },
    ],
    incidents: [{ alerts: [d(apiCrash)] }],
  },
  {
    name: 'a resolved notice with nothing to resolve records a settled incident',
    steps: [{ t: 1, alerts: [resolvedOf(errors('prod', 'checkout'))] }],
    incidents: [{ alerts: [d(errors('prod', 'checkout'))], status: 'resolved' }],
  },
];

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function run(c: Case) {
  const dir = mkdtempSync(join(tmpdir(), 'sre-nanobot-monitor-'));
  dirs.push(dir);
  const store = await openIncidentStore({ path: join(dir, 'incidents.db'), durability: 'normal' });
  let n = 0;
  const options = monitorOptions({
    groupWindowSeconds: 300,
    newIncidentId: () => `INC-${++n}`,
    ...c.options,
  });
  const router = createRouter(options);
  try {
    for (const [i, step] of c.steps.entries()) {
      const body = payload(step.alerts);
      await store.ingest(
        {
          id: `D${i}`,
          receivedAt: at(step.t),
          receiver: 'r',
          groupKey: body.groupKey,
          rawBody: JSON.stringify(body),
          alerts: step.alerts,
        },
        router,
      );
      while (await store.processPending(100, (events, state) => processEvents(events, state, options)));
    }
    const incidents = await store.listIncidents();
    return await Promise.all(
      incidents.map(async (i) => {
        const view = (await store.incidentView(i.id))!;
        return { alerts: view.alerts.map((a) => d(a)), status: i.status, priority: i.priority };
      }),
    );
  } finally {
    await store.close();
  }
}

/** Incidents as comparable data; status and priority count where the case states them (for every incident). */
function canonical(list: Case['incidents'], c: Case) {
  const withStatus = c.incidents.some((e) => e.status);
  const withPriority = c.incidents.some((e) => e.priority);
  return list
    .map((i) => ({
      alerts: [...i.alerts].sort(),
      ...(withStatus ? { status: i.status } : {}),
      ...(withPriority ? { priority: i.priority } : {}),
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('grouping and correlation', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      assert.deepEqual(canonical(await run(c), c), canonical(c.incidents, c));
    });
  }
});

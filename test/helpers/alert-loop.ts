import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findBinary } from '../../src/monitoring/daemon.ts';
import { FAULT_ALERTS } from '../../src/monitoring/fault-alerts.ts';
import { writeSpedUpRules } from '../../src/monitoring/rules.ts';
import { type MonitoringStack, startMonitoringStack } from '../../src/monitoring/stack.ts';
import type { FaultView } from '../../src/sandbox/faults/index.ts';
import { requireBinary } from './binaries.ts';
import { kubectlFor, kubectlOk } from './kubectl.ts';
import { until } from './poll.ts';
import { inProcessSandbox } from './sandbox.ts';
import { type Notification, startWebhook, type WebhookReceiver } from './webhook.ts';

/**
 * The whole alerting loop for fault tests: a sandbox with its clock sped up, real Prometheus running
 * the shipped rules (sped up to the same clock), real Alertmanager, and a webhook receiving what
 * Alertmanager sends. Alerts reach the webhook only through Alertmanager.
 */

export const SPEED = 20;
const FIRE_TIMEOUT_MS = 90_000;
const RESOLVE_TIMEOUT_MS = 120_000;

/** kubectl, openssl, Prometheus and Alertmanager (under either of its Debian and upstream names). */
export function loopSkip(): string | false {
  const alertmanager = findBinary(['prometheus-alertmanager', 'alertmanager'])
    ? { skip: false as const }
    : requireBinary('prometheus-alertmanager');
  return (
    requireBinary('kubectl').skip ||
    requireBinary('openssl').skip ||
    requireBinary('prometheus').skip ||
    alertmanager.skip
  );
}

export interface AlertCase {
  fault: { type: string; namespace?: string; target?: string; params?: Record<string, unknown> };
  /** The namespace the expected alerts carry (none for node alerts). */
  namespace?: string;
  /** The value of the object label FAULT_ALERTS names for the expected alerts. */
  object: string | RegExp;
  /** The right remediation, as an operator runs it. */
  fix(loop: AlertLoop, fault: FaultView): Promise<unknown>;
  /** What follows once the alert has resolved (uncordon a repaired node). */
  after?(loop: AlertLoop): Promise<unknown>;
}

export interface AlertLoop {
  sandbox: Awaited<ReturnType<typeof inProcessSandbox>>;
  stack: MonitoringStack;
  hook: WebhookReceiver;
  kubectl: ReturnType<typeof kubectlOk>;
  stop(): Promise<void>;
}

async function prometheusReady(url: string): Promise<boolean> {
  const am = (await (await fetch(`${url}/api/v1/alertmanagers`)).json()) as {
    data: { activeAlertmanagers: unknown[] };
  };
  const up = (await (await fetch(`${url}/api/v1/query?query=${encodeURIComponent('up == 1')}`)).json()) as {
    data: { result: unknown[] };
  };
  // Alerts fired before Prometheus has found its Alertmanager are dropped until the next resend (1m).
  return am.data.activeAlertmanagers.length > 0 && up.data.result.length > 0;
}

const isReady = (p: any) => p.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True');

async function estateReady(kubectl: ReturnType<typeof kubectlOk>): Promise<boolean> {
  const get = async (what: string) =>
    JSON.parse(await kubectl(['get', what, '-A', '-o', 'json'])).items as any[];
  const workloads = [...(await get('deployments')), ...(await get('statefulsets'))];
  const pods = await get('pods');
  return (
    workloads.length > 0 &&
    workloads.every((w) => (w.status?.readyReplicas ?? 0) === (w.spec?.replicas ?? 1)) &&
    pods.every(isReady)
  );
}

export async function startAlertLoop(): Promise<AlertLoop> {
  const sandbox = await inProcessSandbox({ speed: SPEED });
  const hook = await startWebhook();
  const kubectl = kubectlOk(kubectlFor(sandbox.kubeconfig));
  let stack: MonitoringStack | undefined;
  const stop = async () => {
    await stack?.stop();
    await hook.stop();
    await sandbox.stop();
  };
  try {
    const ruleFiles = writeSpedUpRules(join(sandbox.dir, 'rules'), { speed: SPEED, forSeconds: 0 });
    stack = await startMonitoringStack({
      dir: sandbox.dir,
      scrapeTargets: [sandbox.metrics],
      ruleFiles,
      webhookUrl: hook.url,
    });
    const prometheusUrl = stack.prometheusUrl;
    await until('a healthy estate (every workload whole, every pod ready)', () => estateReady(kubectl), {
      timeoutMs: 40_000,
      intervalMs: 250,
    });
    await until(
      'Prometheus to scrape the sandbox and find Alertmanager',
      () => prometheusReady(prometheusUrl),
      {
        timeoutMs: 40_000,
        intervalMs: 250,
      },
    );
    return { sandbox, stack, hook, kubectl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** `{namespace=production,pod=~^web-frontend-}` */
const show = (alert: string, labels: Record<string, string | RegExp | undefined>) =>
  `${alert}{${Object.entries(labels)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (v instanceof RegExp ? `${k}=~${v.source}` : `${k}=${v}`))
    .join(',')}}`;

/**
 * Injects the fault through the control API, waits for each expected alert to arrive firing with its
 * namespace and object, applies the fix and waits until every matching alert has resolved.
 */
export async function runAlertCase(loop: AlertLoop, c: AlertCase): Promise<void> {
  const { hook, sandbox } = loop;
  const entry = FAULT_ALERTS[c.fault.type];
  assert.ok(entry, `no FAULT_ALERTS entry for ${c.fault.type}`);
  const expected = entry.expected.map(({ alert, object }) => {
    const labels = { namespace: c.namespace, [object]: c.object };
    const matches = (n: Notification) =>
      n.labels.alertname === alert &&
      (c.namespace === undefined || n.labels.namespace === c.namespace) &&
      (typeof c.object === 'string' ? n.labels[object] === c.object : c.object.test(n.labels[object] ?? ''));
    return { name: show(alert, labels), matches };
  });

  const injectedAt = Date.now();
  const res = await fetch(`${sandbox.server}/sandbox/v1/faults`, {
    method: 'POST',
    body: JSON.stringify(c.fault),
  });
  assert.equal(res.status, 201, `injecting ${c.fault.type}: ${await res.clone().text()}`);
  const fault = (await res.json()) as FaultView;
  const since = (t: number) => (n: Notification) => n.at >= t;

  for (const e of expected) {
    await hook
      .waitFor(
        `${e.name} firing`,
        (r) => r.notifications().some((n) => n.at >= injectedAt && n.status === 'firing' && e.matches(n)),
        FIRE_TIMEOUT_MS,
      )
      .catch((err: Error) =>
        assert.fail(
          `${c.fault.type}: expected ${e.name} to fire (${err.message}); arrived since the injection:\n  ${hook.describe(since(injectedAt))}`,
        ),
      );
  }

  const fixedAt = Date.now();
  await c.fix(loop, fault);
  for (const e of expected) {
    await hook
      .waitFor(
        `${e.name} resolved`,
        (r) => {
          const mine = r.notifications().filter(e.matches);
          const latest = new Map(mine.map((n) => [n.fingerprint, n.status]));
          return (
            [...latest.values()].every((s) => s === 'resolved') &&
            mine.some((n) => n.status === 'resolved' && n.at >= fixedAt)
          );
        },
        RESOLVE_TIMEOUT_MS,
      )
      .catch((err: Error) =>
        assert.fail(
          `${c.fault.type}: expected ${e.name} to resolve after the fix (${err.message}); arrived since the fix:\n  ${hook.describe(since(fixedAt))}`,
        ),
      );
  }
  await c.after?.(loop);
}

/**
 * One suite per test file: a loop (sandbox, Prometheus, Alertmanager, webhook) shared by its cases;
 * `concurrent` runs the cases at once (faults on distinct objects), else one after the other.
 */
export function describeAlertLoop(title: string, cases: AlertCase[], options: { concurrent: boolean }): void {
  describe(`${title} → alerts through Prometheus and Alertmanager`, {
    skip: loopSkip(),
    concurrency: options.concurrent,
  }, () => {
    let loop: AlertLoop;
    before(async () => {
      loop = await startAlertLoop();
    });
    after(() => loop?.stop());
    for (const c of cases) {
      const where = c.fault.namespace ? `${c.fault.namespace}/${c.fault.target}` : c.fault.target;
      test(`${c.fault.type} on ${where}: fires, reaches the webhook, resolves after the fix`, () =>
        runAlertCase(loop, c));
    }
  });
}

import type { Finding } from '../diagnosis/types.ts';
import type { IncidentView, StoredAlert } from '../incidents/types.ts';

/** Realistic incidents for report tests: one resolved end to end, one just opened, one with hostile text. */

export const alert = (over: Partial<StoredAlert> & { labels: Record<string, string> }): StoredAlert => ({
  status: 'firing',
  annotations: {},
  startsAt: '2024-05-01T09:58:30Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus:9090/graph',
  fingerprint: 'a1b2c3d4e5f60708',
  incidentId: 'inc-20240501-0001',
  firstReceivedAt: '2024-05-01T09:59:58Z',
  lastReceivedAt: '2024-05-01T09:59:58Z',
  receivedCount: 1,
  flapCount: 0,
  ...over,
});

const oom: Finding = {
  pattern: 'oom_killed',
  severity: 'critical',
  resource: { kind: 'Pod', namespace: 'shop', name: 'cart-5d8c9-x2x' },
  workload: { kind: 'Deployment', namespace: 'shop', name: 'cart' },
  summary: 'cart-5d8c9-x2x was OOMKilled 4 times in 10m',
  rootCause: 'Container cart exceeds its 256Mi memory limit under normal load and is killed by the kernel.',
  evidence: [
    'pod shop/cart-5d8c9-x2x: lastState.terminated.reason=OOMKilled, exitCode=137',
    'container_memory_working_set_bytes peaked at 255Mi of a 256Mi limit',
  ],
  whys: [
    'Why is checkout failing? The cart Service has too few ready endpoints.',
    'Why are endpoints missing? cart pods restart every few minutes.',
    'Why do they restart? The kernel kills them for exceeding their memory limit (OOMKilled).',
    'Why do they exceed it? Release 1.8 caches carts in memory and needs ~400Mi.',
    'Why was the limit not raised? The release did not change the 256Mi limit set a year ago.',
  ],
  runbook: 'oom_increase_memory',
  confidence: 0.9,
};

const errors: Finding = {
  pattern: 'high_error_rate',
  severity: 'warning',
  resource: { kind: 'Service', namespace: 'shop', name: 'cart' },
  workload: { kind: 'Deployment', namespace: 'shop', name: 'cart' },
  summary: '12% of requests to cart fail',
  rootCause: 'Requests fail while cart pods restart.',
  evidence: ['error ratio 0.12 over 5m'],
  whys: [],
  runbook: null,
  confidence: 0.7,
  causedBy: { pattern: 'oom_killed', resource: oom.resource },
};

export function resolvedIncident(): IncidentView {
  return {
    incident: {
      id: 'inc-20240501-0001',
      title: 'cart pods OOMKilled in shop',
      status: 'resolved',
      priority: 'P1',
      groupKey: 'shop/cart',
      labels: { namespace: 'shop' },
      createdAt: '2024-05-01T10:00:00Z',
      updatedAt: '2024-05-01T10:14:12Z',
      acknowledgedAt: '2024-05-01T10:01:05Z',
      resolvedAt: '2024-05-01T10:14:12Z',
      alertCount: 2,
      firingCount: 0,
    },
    alerts: [
      alert({
        status: 'resolved',
        labels: {
          alertname: 'KubePodOOMKilled',
          severity: 'critical',
          namespace: 'shop',
          pod: 'cart-5d8c9-x2x',
        },
        annotations: { summary: 'Pod shop/cart-5d8c9-x2x was OOMKilled' },
        endsAt: '2024-05-01T10:13:40Z',
      }),
      alert({
        status: 'resolved',
        labels: { alertname: 'HighErrorRate', severity: 'warning', namespace: 'shop', service: 'cart' },
        annotations: { description: '12% of requests to cart fail' },
        startsAt: '2024-05-01T09:59:00Z',
        endsAt: '2024-05-01T10:12:00Z',
        fingerprint: '0f0e0d0c0b0a0908',
        flapCount: 1,
      }),
    ],
    findings: [structuredClone(oom), structuredClone(errors)],
    runbook: 'oom_increase_memory',
    actions: [
      {
        id: 'act-1',
        at: '2024-05-01T10:06:30Z',
        action: 'deployments_set_resources',
        target: 'Deployment shop/cart',
        params: { container: 'cart', limits: { memory: '512Mi' } },
        outcome: 'succeeded',
        detail: 'memory limit 256Mi → 512Mi; rollout complete (3/3 ready)',
        inverse: 'deployments_set_resources shop/cart container=cart limits.memory=256Mi',
      },
    ],
    approvals: [
      {
        id: 'apr-1',
        incidentId: 'inc-20240501-0001',
        status: 'approved',
        summary: 'Raise memory limit of Deployment shop/cart to 512Mi',
        risk: 'medium',
        requestedAt: '2024-05-01T10:02:00Z',
        decidedAt: '2024-05-01T10:06:00Z',
        decidedBy: 'alice',
        reason: 'looks right',
      },
    ],
    verifications: [
      {
        at: '2024-05-01T10:10:00Z',
        query: 'sum(rate(http_requests_total{namespace="shop",service="cart",code=~"5.."}[5m]))',
        expectation: 'error rate below 1%',
        passed: false,
        observed: '4.1%',
      },
      {
        at: '2024-05-01T10:14:00Z',
        query: 'sum(rate(http_requests_total{namespace="shop",service="cart",code=~"5.."}[5m]))',
        expectation: 'error rate below 1%',
        passed: true,
        observed: '0.2%',
      },
    ],
    timeline: [
      {
        at: '2024-05-01T10:00:00Z',
        kind: 'created',
        message: 'Incident opened by KubePodOOMKilled',
        actor: 'monitor',
      },
      {
        at: '2024-05-01T10:01:05Z',
        kind: 'diagnosed',
        message: 'Root cause: oom_killed on Pod shop/cart-5d8c9-x2x',
        actor: 'incident-agent',
      },
      {
        at: '2024-05-01T10:02:00Z',
        kind: 'approval_requested',
        message: 'Raise memory limit to 512Mi',
        actor: 'incident-agent',
      },
      {
        at: '2024-05-01T10:06:00Z',
        kind: 'approval_decided',
        message: 'approved: looks right',
        actor: 'alice',
      },
      {
        at: '2024-05-01T10:06:30Z',
        kind: 'action_executed',
        message: 'deployments_set_resources succeeded',
        actor: 'autofix',
      },
      {
        at: '2024-05-01T10:14:12Z',
        kind: 'status_changed',
        message: 'verifying → resolved',
        actor: 'autofix',
      },
    ],
    related: [],
  };
}

/** Just opened: one firing alert, nothing else done yet. */
export function openIncident(): IncidentView {
  return {
    incident: {
      id: 'inc-20240501-0002',
      title: 'api-service latency high',
      status: 'open',
      priority: 'P3',
      groupKey: 'production/api-service',
      labels: { namespace: 'production' },
      createdAt: '2024-05-01T11:00:00Z',
      updatedAt: '2024-05-01T11:00:00Z',
      acknowledgedAt: null,
      resolvedAt: null,
      alertCount: 1,
      firingCount: 1,
    },
    alerts: [
      alert({
        labels: {
          alertname: 'HighLatency',
          severity: 'warning',
          namespace: 'production',
          deployment: 'api-service',
        },
        annotations: { summary: 'p99 latency above 1s' },
        startsAt: '2024-05-01T10:59:00Z',
        incidentId: 'inc-20240501-0002',
      }),
    ],
    findings: [],
    runbook: null,
    actions: [],
    approvals: [],
    verifications: [],
    timeline: [],
    related: [],
  };
}

export const SCRIPT = '<script>alert("x")</script>';

/** Alert text is written by whoever can fire an alert: markup, markdown and table breakers everywhere. */
export function hostileIncident(): IncidentView {
  const view = resolvedIncident();
  view.incident.title = `Checkout ${SCRIPT} down`;
  view.alerts[0].labels.alertname = `Oops"><img src=x onerror=alert(1)>`;
  view.alerts[0].labels.pod = 'cart | injected | cells';
  view.alerts[0].annotations.summary = `${SCRIPT} **bold** [click](javascript:alert(1))\n# Heading`;
  view.findings[0].whys = ['1. not a nested list', `<b>tag</b> & &amp; entity`];
  view.findings[0].evidence = ['- not a nested item', '_underlined_ `code`'];
  view.actions[0].detail = `</td></tr></table>${SCRIPT}`;
  view.verifications[0].query = 'up{job=`x`} | or';
  view.timeline[0].message = `'single' "double" ${SCRIPT}`;
  view.alerts[1].annotations.description = 'terminal \u001b[31mred\u001b[0m and a bell \u0007';
  return view;
}

import type { ActionRecord, IncidentView, StoredAlert } from '../incidents/types.ts';
import { absent, type Block, code, type Section, type Text, toned } from './document.ts';
import { utc } from './duration.ts';
import type { IncidentSummary } from './summary.ts';

/** Alert labels that name the object an alert is about, most specific first, with how to call it. */
const OBJECT_LABELS = [
  ['pod', 'pod'],
  ['persistentvolumeclaim', 'pvc'],
  ['deployment', 'deployment'],
  ['statefulset', 'statefulset'],
  ['daemonset', 'daemonset'],
  ['job_name', 'job'],
  ['cronjob', 'cronjob'],
  ['service', 'service'],
  ['ingress', 'ingress'],
  ['node', 'node'],
  ['instance', 'instance'],
] as const;
const CLUSTER_SCOPED = new Set(['node', 'instance']);

export function alertObject(labels: Record<string, string>): string {
  const found = OBJECT_LABELS.find(([label]) => labels[label]);
  if (!found) return labels.namespace ? `namespace ${labels.namespace}` : '—';
  const [label, kind] = found;
  const ns = labels.namespace && !CLUSTER_SCOPED.has(label) ? `${labels.namespace}/` : '';
  return `${kind} ${ns}${labels[label]}`;
}

const table = (head: string[], rows: Text[][]): Block => ({ kind: 'table', head, rows });
const byTime = <T extends { at: string }>(items: T[]) =>
  [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

export function timelineSection(view: IncidentView): Section {
  const rows = byTime(view.timeline).map((e): Text[] => [
    [utc(e.at)],
    [e.actor],
    [code(e.kind)],
    [e.message],
  ]);
  return {
    id: 'timeline',
    title: 'Timeline',
    blocks: [
      rows.length
        ? table(['Time (UTC)', 'Actor', 'Event', 'What happened'], rows)
        : absent('No timeline entries.'),
    ],
  };
}

function alertStatus(a: StoredAlert): Text {
  const extra = a.flapCount ? ` (flapped ${a.flapCount}×)` : '';
  return [toned(a.status, a.status === 'firing' ? 'bad' : 'good'), extra];
}

export function alertsSection(view: IncidentView): Section {
  const rows = view.alerts.map((a): Text[] => [
    [code(a.labels.alertname ?? '(no alertname)')],
    [a.labels.severity ?? '—'],
    [alertObject(a.labels)],
    alertStatus(a),
    [utc(a.startsAt)],
    [a.status === 'resolved' ? utc(a.endsAt) : '—'],
    [a.annotations.summary ?? a.annotations.description ?? a.annotations.message ?? ''],
  ]);
  return {
    id: 'alerts',
    title: 'Alerts',
    blocks: [
      rows.length
        ? table(['Alert', 'Severity', 'Object', 'Status', 'Started (UTC)', 'Resolved (UTC)', 'Summary'], rows)
        : absent('No alerts recorded.'),
    ],
  };
}

const paramText = (params: Record<string, unknown>) =>
  Object.keys(params)
    .sort()
    .map((k) => `${k}=${typeof params[k] === 'string' ? params[k] : JSON.stringify(params[k])}`)
    .join(' ');

const OUTCOME_TONE: Record<ActionRecord['outcome'], 'good' | 'bad' | 'warn' | 'muted'> = {
  succeeded: 'good',
  failed: 'bad',
  denied: 'warn',
  dry_run: 'muted',
  rolled_back: 'warn',
};

export function actionsSection(view: IncidentView): Section {
  const runbook: Block = view.runbook
    ? { kind: 'paragraph', text: ['Runbook: ', code(view.runbook)] }
    : absent('No runbook matched.');
  const rows = byTime(view.actions).map((a): Text[] => {
    const params = paramText(a.params);
    return [
      [utc(a.at)],
      params ? [code(a.action), ` ${params}`] : [code(a.action)],
      [a.target],
      [toned(a.outcome.replace('_', ' '), OUTCOME_TONE[a.outcome])],
      [a.detail],
      a.inverse ? [a.inverse] : [toned('cannot be undone', 'muted')],
    ];
  });
  return {
    id: 'actions',
    title: 'Actions',
    blocks: [
      runbook,
      rows.length
        ? table(['Time (UTC)', 'Action', 'Target', 'Outcome', 'Detail', 'How to undo'], rows)
        : absent('No actions taken.'),
    ],
  };
}

export function verificationSection(view: IncidentView): Section {
  const rows = byTime(view.verifications).map((v): Text[] => [
    [utc(v.at)],
    [code(v.query)],
    [v.expectation],
    [v.observed],
    [v.passed ? toned('PASS', 'good') : toned('FAIL', 'bad')],
  ]);
  return {
    id: 'verification',
    title: 'Verification',
    blocks: [
      rows.length
        ? table(['Time (UTC)', 'PromQL', 'Expectation', 'Observed', 'Result'], rows)
        : absent('No verification run yet.'),
    ],
  };
}

export function approvalsSection(view: IncidentView): Section {
  const rows = [...view.approvals]
    .sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt))
    .map((a): Text[] => [
      [utc(a.requestedAt)],
      [a.summary],
      [a.risk],
      [toned(a.status, a.status === 'approved' ? 'good' : a.status === 'pending' ? 'warn' : 'bad')],
      [a.decidedBy ?? '—'],
      [a.decidedAt ? utc(a.decidedAt) : '—'],
      [a.reason ?? ''],
    ]);
  return {
    id: 'approvals',
    title: 'Approvals',
    blocks: [
      rows.length
        ? table(['Requested (UTC)', 'What', 'Risk', 'Decision', 'By', 'Decided (UTC)', 'Reason'], rows)
        : absent('No approvals requested.'),
    ],
  };
}

export function metricsSection(s: IncidentSummary): Section {
  const c = s.counts;
  const missing = (what: string) =>
    toned(s.ongoing ? `not ${what} yet` : `never ${what} (${s.status.replace('_', ' ')})`, 'muted');
  const impact = s.impact.userImpact;
  const rows: Text[][] = [
    [['Time to acknowledge (MTTA)'], [s.mtta ? s.mtta.text : missing('acknowledged')]],
    [['Time to resolve (MTTR)'], [s.mttr ? s.mttr.text : missing('resolved')]],
    [['Duration'], [s.ongoing ? `${s.duration.text} so far` : s.duration.text]],
    [
      ['Users affected'],
      impact ? [`${impact.text}${impact.to ? '' : ' so far'}`] : [toned('unknown', 'muted')],
    ],
    [['Alerts'], [`${c.alerts} (${c.firing} firing)`]],
    [['Findings'], [`${c.findings}`]],
    [['Actions'], [`${c.actions} (${c.actionsSucceeded} succeeded, ${c.actionsFailed} failed)`]],
    [['Approvals'], [`${c.approvals} (${c.approvalsPending} pending)`]],
    [['Verifications'], [`${c.verifications} (${c.verificationsPassed} passed)`]],
  ];
  return { id: 'metrics', title: 'Metrics', blocks: [table(['Metric', 'Value'], rows)] };
}

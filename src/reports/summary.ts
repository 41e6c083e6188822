import type { Finding, ObjectRef, Severity } from '../diagnosis/types.ts';
import type { IncidentStatus, IncidentView, Priority, StoredAlert } from '../incidents/types.ts';
import { between, humanDuration } from './duration.ts';

/** A length of time, as a number for scripts and as words for people. */
export interface Span {
  ms: number;
  text: string;
}

export interface IncidentImpact {
  priority: Priority;
  /** The worst severity among the alerts' `severity` labels and the findings; null when none says. */
  severity: Severity | null;
  namespaces: string[];
  /** `Deployment shop/cart`, from the findings' workloads and the alerts' workload labels. */
  workloads: string[];
  /** `shop/cart`, from the alerts' `service` labels and the Services findings name. */
  services: string[];
  nodes: string[];
  /** From the first alert's start to the last alert's end (or the fix, or now while it goes on). */
  userImpact: (Span & { from: string; to: string | null }) | null;
}

export interface IncidentCounts {
  alerts: number;
  firing: number;
  resolved: number;
  findings: number;
  actions: number;
  actionsSucceeded: number;
  actionsFailed: number;
  approvals: number;
  approvalsPending: number;
  verifications: number;
  verificationsPassed: number;
  timeline: number;
}

/** What a report computes from an IncidentView: durations, MTTA/MTTR, counts and impact. */
export interface IncidentSummary {
  id: string;
  title: string;
  status: IncidentStatus;
  priority: Priority;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  /** When work stopped: resolution, or the last update of a failed, rolled-back or closed incident. */
  endedAt: string | null;
  /** True until the incident is resolved, closed, failed or rolled back. */
  ongoing: boolean;
  /** Created → ended, or → now while it goes on. */
  duration: Span;
  /** Mean time to acknowledge, for this incident: created → first acted on. */
  mtta: Span | null;
  /** Mean time to resolve, for this incident: created → resolved. */
  mttr: Span | null;
  /** The result of the last verification; `none` before any ran. */
  verification: 'passed' | 'failed' | 'none';
  counts: IncidentCounts;
  impact: IncidentImpact;
}

const ENDED: readonly IncidentStatus[] = ['resolved', 'closed', 'failed', 'rolled_back'];
const SEVERITY_RANK: Record<Severity, number> = { critical: 3, warning: 2, info: 1 };
const WORKLOAD_LABELS = [
  ['deployment', 'Deployment'],
  ['statefulset', 'StatefulSet'],
  ['daemonset', 'DaemonSet'],
  ['cronjob', 'CronJob'],
  ['job_name', 'Job'],
] as const;

const span = (ms: number): Span => ({ ms, text: humanDuration(ms) });
const spanOrNull = (ms: number | null) => (ms === null ? null : span(ms));
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
/** `Deployment shop/cart`, `Node worker-2`. */
export const refText = (r: ObjectRef) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

function worstSeverity(alerts: StoredAlert[], findings: Finding[]): Severity | null {
  const all = [...alerts.map((a) => a.labels.severity), ...findings.map((f) => f.severity)];
  let worst: Severity | null = null;
  for (const s of all) {
    if (s !== 'critical' && s !== 'warning' && s !== 'info') continue;
    if (!worst || SEVERITY_RANK[s] > SEVERITY_RANK[worst]) worst = s;
  }
  return worst;
}

function userImpact(view: IncidentView, endedAt: string | null, now: Date): IncidentImpact['userImpact'] {
  const starts = view.alerts.map((a) => a.startsAt).filter((t) => !Number.isNaN(Date.parse(t)));
  if (!starts.length) return null;
  const from = starts.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
  // A firing alert's endsAt is Alertmanager's resolve timeout in the future, not an end: only resolved ones end.
  const allResolved = view.alerts.every((a) => a.status === 'resolved');
  const to = allResolved
    ? view.alerts.map((a) => a.endsAt).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a))
    : endedAt;
  const ms = between(from, to ?? now.toISOString()) ?? 0;
  return { from, to, ...span(Math.max(0, ms)) };
}

function impact(view: IncidentView, endedAt: string | null, now: Date): IncidentImpact {
  const namespaces: string[] = [];
  const workloads: string[] = [];
  const services: string[] = [];
  const nodes: string[] = [];
  for (const { labels } of view.alerts) {
    const ns = labels.namespace;
    if (ns) namespaces.push(ns);
    for (const [label, kind] of WORKLOAD_LABELS)
      if (labels[label]) workloads.push(refText({ kind, namespace: ns, name: labels[label] }));
    if (labels.service) services.push(ns ? `${ns}/${labels.service}` : labels.service);
    if (labels.node) nodes.push(labels.node);
  }
  for (const f of view.findings) {
    for (const r of [f.resource, f.workload]) if (r?.namespace) namespaces.push(r.namespace);
    if (f.workload) workloads.push(refText(f.workload));
    if (f.resource.kind === 'Service')
      services.push(`${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}`);
    if (f.resource.kind === 'Node') nodes.push(f.resource.name);
  }
  return {
    priority: view.incident.priority,
    severity: worstSeverity(view.alerts, view.findings),
    namespaces: sorted(namespaces),
    workloads: sorted(workloads),
    services: sorted(services),
    nodes: sorted(nodes),
    userImpact: userImpact(view, endedAt, now),
  };
}

/** Everything a report says about an incident that is not written in it. Pure: the clock comes in as `now`. */
export function summarizeIncident(view: IncidentView, now: Date = new Date()): IncidentSummary {
  const i = view.incident;
  const ongoing = !ENDED.includes(i.status);
  const endedAt = i.resolvedAt ?? (ongoing ? null : i.updatedAt);
  const last = view.verifications.at(-1);
  return {
    id: i.id,
    title: i.title,
    status: i.status,
    priority: i.priority,
    createdAt: i.createdAt,
    acknowledgedAt: i.acknowledgedAt,
    resolvedAt: i.resolvedAt,
    endedAt,
    ongoing,
    duration: span(Math.max(0, between(i.createdAt, endedAt ?? now.toISOString()) ?? 0)),
    mtta: spanOrNull(between(i.createdAt, i.acknowledgedAt)),
    mttr: spanOrNull(between(i.createdAt, i.resolvedAt)),
    verification: last ? (last.passed ? 'passed' : 'failed') : 'none',
    counts: {
      alerts: view.alerts.length,
      firing: view.alerts.filter((a) => a.status === 'firing').length,
      resolved: view.alerts.filter((a) => a.status === 'resolved').length,
      findings: view.findings.length,
      actions: view.actions.length,
      actionsSucceeded: view.actions.filter((a) => a.outcome === 'succeeded').length,
      actionsFailed: view.actions.filter((a) => a.outcome === 'failed').length,
      approvals: view.approvals.length,
      approvalsPending: view.approvals.filter((a) => a.status === 'pending').length,
      verifications: view.verifications.length,
      verificationsPassed: view.verifications.filter((v) => v.passed).length,
      timeline: view.timeline.length,
    },
    impact: impact(view, endedAt, now),
  };
}

/** The finding that explains the incident: the first root cause (§4 orders findings most important first). */
export const topFinding = (view: IncidentView): Finding | null =>
  view.findings.find((f) => !f.causedBy) ?? view.findings[0] ?? null;

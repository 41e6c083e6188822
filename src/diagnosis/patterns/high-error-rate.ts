import { type Evidence, parseTime, refOf } from '../evidence/evidence.ts';
import { describe, finding } from '../finding.ts';
import { formatDuration, percent } from '../signals/format.ts';
import { CERT_EXPIRED, DEPENDENCY_ERRORS } from '../signals/log-patterns.ts';
import { type LogLine, matchLines, peerOf, quote } from '../signals/logs.ts';
import { serviceForPeer } from '../signals/services.ts';
import { type Served, servedUnits, unitHttpStats, unitMetric, unitRef } from '../signals/traffic.ts';
import { latestRelease, type Release } from '../signals/workloads.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

const ERROR_RATIO = 0.05;
const LOG_ERROR_RATIO = 0.1;
const MIN_LOG_ERRORS = 3;
const RECENT_RELEASE_MS = 6 * 3_600_000;
const FAILED_CALLS = [...DEPENDENCY_ERRORS, ...CERT_EXPIRED];
const UPSTREAM_STATUS = /"upstream":"([\w.-]+)"[^}]*"status":5\d\d|upstream[^"]*"([\w.-]+)"[^\n]*\b5\d\d\b/;

/** Services the failing requests depend on, from dependency errors in the same logs. */
function failingDependencies(
  ev: Evidence,
  unit: Served,
  lines: LogLine[],
): { refs: ObjectRef[]; line?: string } {
  const ns = unit.pods[0]?.metadata.namespace;
  const refs = new Map<string, ObjectRef>();
  let line: string | undefined;
  for (const h of [...matchLines(lines, FAILED_CALLS), ...matchLines(lines, [UPSTREAM_STATUS])]) {
    const peer = peerOf(h.line.text);
    const host = peer.host ?? h.match[1] ?? h.match[2];
    const svc = serviceForPeer(ev, { ...peer, host }, ns);
    if (!svc || svc === unit.service) continue;
    refs.set(`${svc.metadata.namespace}/${svc.metadata.name}`, refOf(svc));
    line ??= h.line.text;
  }
  return { refs: [...refs.values()], line };
}

/** The latest revision, when it is recent or the errors name what it changed. */
function suspectRelease(ev: Evidence, unit: Served, commonError: string | undefined): Release | undefined {
  if (unit.workload?.kind !== 'Deployment') return undefined;
  const d = ev.get('Deployment', unit.workload.namespace, unit.workload.name);
  const release = d && latestRelease(ev, d);
  if (!release?.previous || !release.changes.length) return undefined;
  const named =
    commonError &&
    release.changes.some((c) =>
      c
        .split(/[\s=:]+/)
        .some((word) => word.length > 3 && /[A-Z_]{4,}/.test(word) && commonError.includes(word)),
    );
  const created = parseTime(release.current.metadata.creationTimestamp);
  const recent = created !== undefined && ev.isRecent(created, RECENT_RELEASE_MS);
  return named || recent ? release : undefined;
}

function detectUnit(ev: Evidence, unit: Served): Detected | undefined {
  const metric = unitMetric(ev, unit, 'error_ratio');
  const stats = unitHttpStats(ev, unit);
  const logRatio = stats.requests ? stats.errors / stats.requests : 0;
  const fromLogs = stats.errors >= MIN_LOG_ERRORS && logRatio >= LOG_ERROR_RATIO;
  if (!((metric ?? 0) >= ERROR_RATIO || (metric === undefined && fromLogs))) return undefined;
  const ratio = metric ?? logRatio;
  const rate = unitMetric(ev, unit, 'request_rate');
  const deps = failingDependencies(ev, unit, stats.lines);
  const release = deps.refs.length ? undefined : suspectRelease(ev, unit, stats.commonError ?? stats.example);
  // A proxy that only answers 502/503/504 passes on its upstreams' failures; they are in its namespace.
  const gateway = metric === undefined && !deps.refs.length && !release && stats.gatewayOnly;
  const upstreams = gateway
    ? ev
        .list('Service', unit.pods[0]?.metadata.namespace)
        .filter((s) => s !== unit.service)
        .map(refOf)
    : [];
  const name = unit.service
    ? `Service ${unit.service.metadata.namespace}/${unit.service.metadata.name}`
    : describe(unit.workload);
  const measured = `${percent(ratio)} of requests fail with 5xx${metric !== undefined ? '' : ` (${stats.errors} of ${stats.requests} logged requests)`}${rate !== undefined ? ` at ${rate.toFixed(1)} req/s` : ''}`;
  const error = stats.commonError ?? (stats.example ? quote(stats.example, 160) : undefined);
  const cause = deps.refs.length
    ? `its dependency ${deps.refs.map((r) => r.name).join(', ')} fails: "${quote(deps.line ?? '', 160)}"`
    : release
      ? `the errors come with revision ${release.revision} (${release.changes.slice(0, 2).join('; ')}${release.changeCause ? `; ${release.changeCause}` : ''})${error ? `: "${error}"` : ''}`
      : gateway
        ? `it answers only gateway errors (502/503/504), so the services behind it fail: "${error}"`
        : error
          ? `the application fails requests: "${error}"`
          : 'the application fails requests';
  const created = release && parseTime(release.current.metadata.creationTimestamp);
  return finding(ev, {
    pattern: 'high_error_rate',
    severity: ratio >= 0.2 ? 'critical' : 'warning',
    resource: unitRef(unit),
    workload: unit.workload,
    summary: `${name} returns errors: ${measured}`,
    rootCause: `${name}: ${measured}; ${cause}.`,
    evidence: [
      metric !== undefined && `error ratio (5xx / all, 5m): ${percent(metric)}`,
      rate !== undefined && `request rate: ${rate.toFixed(1)} req/s`,
      stats.requests > 0 && `logs: ${stats.errors}/${stats.requests} requests with status ≥ 500`,
      stats.example && `failed request: ${quote(stats.example)}`,
      release &&
        `revision ${release.revision}${created ? ` rolled out ${formatDuration(ev.now - created)} ago` : ''}: ${release.changes.join('; ')}`,
      deps.line && `dependency error: ${quote(deps.line)}`,
    ],
    whys: [
      `Why do users of ${name} see errors? ${percent(ratio)} of its requests fail.`,
      `Why? ${cause[0].toUpperCase()}${cause.slice(1)}.`,
      ...(release
        ? [
            `Why now? Revision ${release.revision} changed ${release.changes[0]}; the previous revision did not fail.`,
          ]
        : []),
    ],
    runbook: release ? 'rollback_deployment' : deps.refs.length ? 'restart_dependency' : null,
    confidence: release ? 0.85 : deps.refs.length ? 0.75 : 0.65,
    subjects: unit.pods.map(refOf),
    needs: [...deps.refs, ...upstreams],
  });
}

export const highErrorRate: Pattern = {
  id: 'high_error_rate',
  detect: (ev) =>
    servedUnits(ev)
      .map((u) => detectUnit(ev, u))
      .filter((f) => f !== undefined),
};

import { type Evidence, refOf } from '../evidence/evidence.ts';
import { describe, finding } from '../finding.ts';
import { serviceInLine } from '../signals/dependencies.ts';
import { CONNECT_TIMEOUT, DNS_PATTERNS } from '../signals/log-patterns.ts';
import { matchLines, quote } from '../signals/logs.ts';
import { isPodReady } from '../signals/pods.ts';
import {
  overloadLines,
  type Served,
  servedUnits,
  unitHttpStats,
  unitMetric,
  unitRef,
} from '../signals/traffic.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

const P99_SLO_SECONDS = 0.5;
const SLOW_CALLS = [...CONNECT_TIMEOUT, ...DNS_PATTERNS];
const MIN_OVERLOAD_LINES = 3;

const hpaOf = (ev: Evidence, unit: Served) =>
  unit.workload
    ? ev
        .list('HorizontalPodAutoscaler', unit.workload.namespace)
        .find(
          (h) =>
            h.spec?.scaleTargetRef?.kind === unit.workload?.kind &&
            h.spec?.scaleTargetRef?.name === unit.workload?.name,
        )
    : undefined;

function detectUnit(ev: Evidence, unit: Served): Detected | undefined {
  const p99 = unitMetric(ev, unit, 'p99_latency_seconds');
  const { lines } = unitHttpStats(ev, unit);
  const overload = overloadLines(lines);
  if (!((p99 ?? 0) > P99_SLO_SECONDS || (p99 === undefined && overload.length >= MIN_OVERLOAD_LINES)))
    return undefined;
  const rate = unitMetric(ev, unit, 'request_rate');
  const ready = unit.pods.filter(isPodReady).length;
  const hpa = hpaOf(ev, unit);
  const atMax =
    hpa && (hpa.status?.currentReplicas ?? 0) >= (hpa.spec?.maxReplicas ?? Number.POSITIVE_INFINITY);
  const slowDeps = matchLines(lines, SLOW_CALLS)
    .map((h) => ({ h, svc: serviceInLine(ev, h.line, unit.pods[0]?.metadata.namespace) }))
    .filter((x) => x.svc && x.svc !== unit.service);
  const needs: ObjectRef[] = slowDeps.map((x) => refOf(x.svc!));
  const name = unit.service
    ? `Service ${unit.service.metadata.namespace}/${unit.service.metadata.name}`
    : describe(unit.workload);
  const measured =
    p99 !== undefined
      ? `p99 latency ${p99.toFixed(2)}s (objective ${P99_SLO_SECONDS}s)`
      : `${overload.length} requests shed or stalled in the logs`;
  const cause = slowDeps.length
    ? `it waits on its dependency ${slowDeps[0].svc?.metadata.name}: "${quote(slowDeps[0].h.line.text, 140)}"`
    : `offered load exceeds what its ${ready} ready replica(s) serve${overload.length ? ` ("${quote(overload[0].line.text, 120)}")` : ''}${
        atMax
          ? `, and its HPA ${hpa?.metadata.name} is already at maxReplicas ${hpa?.spec?.maxReplicas}`
          : hpa
            ? ''
            : ', and no HPA scales it'
      }`;
  return finding(ev, {
    pattern: 'high_latency',
    severity:
      (p99 ?? 0) > 2 * P99_SLO_SECONDS || overload.length >= 2 * MIN_OVERLOAD_LINES ? 'critical' : 'warning',
    resource: unitRef(unit),
    workload: unit.workload,
    summary: `${name} is slow: ${measured}`,
    rootCause: `${name} is slow (${measured}${rate !== undefined ? ` at ${rate.toFixed(1)} req/s` : ''}): ${cause}.`,
    evidence: [
      p99 !== undefined && `histogram_quantile(0.99, http_request_duration_seconds): ${p99.toFixed(3)}s`,
      rate !== undefined && `request rate: ${rate.toFixed(1)} req/s`,
      `ready replicas: ${ready}`,
      ...overload.slice(0, 2).map((o) => `log: ${quote(o.line.text)}`),
      hpa &&
        `hpa ${hpa.metadata.name}: current ${hpa.status?.currentReplicas ?? '?'}, max ${hpa.spec?.maxReplicas}`,
    ],
    whys: [
      `Why are users of ${name} waiting? Requests take too long (${measured}).`,
      `Why? ${cause[0].toUpperCase()}${cause.slice(1)}.`,
    ],
    runbook: slowDeps.length ? 'restart_dependency' : 'scale_out',
    confidence: p99 !== undefined ? 0.8 : 0.65,
    subjects: unit.pods.map(refOf),
    needs,
  });
}

export const highLatency: Pattern = {
  id: 'high_latency',
  detect: (ev) =>
    servedUnits(ev)
      .map((u) => detectUnit(ev, u))
      .filter((f) => f !== undefined),
};

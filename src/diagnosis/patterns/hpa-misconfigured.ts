import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { Condition, Container, K8sObject } from '../evidence/shapes.ts';
import { eventLine, finding, latestEvent } from '../finding.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

interface MetricSpec {
  type?: string;
  resource?: { name: string; target?: { type?: string; averageUtilization?: number } };
}

const conditionOf = (hpa: K8sObject, type: string): Condition | undefined =>
  ((hpa.status?.conditions ?? []) as Condition[]).find((c) => c.type === type);

/** Resource metrics the HPA scales on, by utilization (v2 `metrics` or v1 `targetCPUUtilizationPercentage`). */
function utilizationResources(hpa: K8sObject): string[] {
  const metrics = (hpa.spec?.metrics ?? []) as MetricSpec[];
  const names = metrics
    .filter((m) => m.type === 'Resource' && m.resource?.target?.type !== 'AverageValue')
    .map((m) => m.resource?.name ?? 'cpu');
  if (hpa.spec?.targetCPUUtilizationPercentage !== undefined) names.push('cpu');
  return [...new Set(names)];
}

function problem(
  ev: Evidence,
  hpa: K8sObject,
):
  | { cause: string; runbook: string; severity: 'warning' | 'info'; confidence: number; target?: ObjectRef }
  | undefined {
  const ref = hpa.spec?.scaleTargetRef as { kind?: string; name?: string } | undefined;
  const ns = hpa.metadata.namespace;
  const target = ref?.kind && ref.name ? ev.get(ref.kind, ns, ref.name) : undefined;
  const targetRef: ObjectRef | undefined =
    ref?.kind && ref.name ? { kind: ref.kind, namespace: ns, name: ref.name } : undefined;
  if (
    !target &&
    ref?.kind &&
    ev.has(ref.kind) &&
    ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(ref.kind)
  ) {
    return {
      cause: `its scaleTargetRef ${ref.kind} ${ref.name} does not exist in namespace ${ns}`,
      runbook: 'fix_hpa',
      severity: 'warning',
      confidence: 0.95,
      target: targetRef,
    };
  }
  const min = hpa.spec?.minReplicas ?? 1;
  const max = hpa.spec?.maxReplicas;
  if (max !== undefined && min > max)
    return {
      cause: `minReplicas ${min} is above maxReplicas ${max}`,
      runbook: 'fix_hpa',
      severity: 'warning',
      confidence: 0.95,
      target: targetRef,
    };
  const containers: Container[] = target?.spec?.template?.spec?.containers ?? [];
  for (const resource of utilizationResources(hpa)) {
    const missing = containers.filter((c) => c.resources?.requests?.[resource] === undefined);
    if (missing.length) {
      return {
        cause: `it scales on ${resource} utilization, but container ${missing.map((c) => c.name).join(', ')} of ${ref?.kind} ${ref?.name} sets no ${resource} request, so utilization cannot be computed and the HPA never scales`,
        runbook: 'fix_hpa',
        severity: 'warning',
        confidence: 0.9,
        target: targetRef,
      };
    }
  }
  const active = conditionOf(hpa, 'ScalingActive');
  const able = conditionOf(hpa, 'AbleToScale');
  const broken = [active, able].find((c) => c?.status === 'False');
  if (broken)
    return {
      cause: `${broken.type}=False (${broken.reason}): ${broken.message ?? ''}`,
      runbook: 'fix_hpa',
      severity: 'warning',
      confidence: 0.85,
      target: targetRef,
    };
  const limited = conditionOf(hpa, 'ScalingLimited');
  const current = hpa.status?.currentReplicas ?? 0;
  const desired = hpa.status?.desiredReplicas ?? 0;
  if (
    limited?.status === 'True' &&
    limited.reason === 'TooManyReplicas' &&
    max !== undefined &&
    current >= max
  ) {
    return {
      cause: `it is pinned at maxReplicas ${max} (${limited.message ?? 'the desired count is above the maximum'}${desired > max ? `; it wants ${desired}` : ''}), so load above that capacity is not absorbed`,
      runbook: 'raise_hpa_max_replicas',
      severity: 'warning',
      confidence: 0.7,
      target: targetRef,
    };
  }
  return undefined;
}

function detectHpa(ev: Evidence, hpa: K8sObject): Detected | undefined {
  const p = problem(ev, hpa);
  if (!p) return undefined;
  const event = latestEvent(ev, refOf(hpa), [
    'FailedGetResourceMetric',
    'FailedComputeMetricsReplicas',
    'FailedGetScale',
    'FailedRescale',
  ]);
  return finding(ev, {
    pattern: 'hpa_misconfigured',
    severity: p.severity,
    resource: hpa,
    workload: p.target ?? null,
    summary: `HorizontalPodAutoscaler ${hpa.metadata.name} cannot do its job`,
    rootCause: `HorizontalPodAutoscaler ${hpa.metadata.namespace}/${hpa.metadata.name}: ${p.cause}.`,
    evidence: [
      `hpa ${hpa.metadata.name}: min ${hpa.spec?.minReplicas ?? 1}, max ${hpa.spec?.maxReplicas}, current ${hpa.status?.currentReplicas ?? '?'}, desired ${hpa.status?.desiredReplicas ?? '?'}`,
      ...((hpa.status?.conditions ?? []) as Condition[])
        .filter((c) => c.status !== (c.type === 'ScalingLimited' ? 'False' : 'True'))
        .map((c) => `condition ${c.type}=${c.status} ${c.reason ?? ''}: ${c.message ?? ''}`),
      event && eventLine(ev, event),
    ],
    whys: [
      `Why does ${p.target?.name ?? 'the workload'} not scale with its load? Its HPA ${hpa.metadata.name} does not act.`,
      `Why? ${p.cause[0].toUpperCase()}${p.cause.slice(1)}.`,
    ],
    runbook: p.runbook,
    confidence: p.confidence,
  });
}

export const hpaMisconfigured: Pattern = {
  id: 'hpa_misconfigured',
  detect: (ev) =>
    ev
      .list('HorizontalPodAutoscaler')
      .map((h) => detectHpa(ev, h))
      .filter((f) => f !== undefined),
};

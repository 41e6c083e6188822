import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import { finding } from '../finding.ts';
import { isPodReady } from '../signals/pods.ts';
import { endpointCounts, podsSelectedBy, serviceSelector, templatesSelectedBy } from '../signals/services.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

const selectorText = (sel: Record<string, string>) =>
  Object.entries(sel)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** The workload whose pod labels come closest to a selector that matches nothing: same keys, other values. */
function nearMiss(
  ev: Evidence,
  svc: K8sObject,
  sel: Record<string, string>,
): { workload: K8sObject; labels: string } | undefined {
  let best: { workload: K8sObject; score: number } | undefined;
  for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet']) {
    for (const w of ev.list(kind, svc.metadata.namespace)) {
      const labels: Record<string, string> = w.spec?.template?.metadata?.labels ?? {};
      let score = 0;
      for (const [k, v] of Object.entries(sel)) {
        if (labels[k] === v) score += 2;
        else if (k in labels) score += 1 + similarity(labels[k], v);
      }
      if (score > 0 && (!best || score > best.score)) best = { workload: w, score };
    }
  }
  if (!best) return undefined;
  const labels: Record<string, string> = best.workload.spec.template.metadata.labels;
  return {
    workload: best.workload,
    labels: selectorText(
      Object.fromEntries(
        Object.keys(sel)
          .filter((k) => k in labels)
          .map((k) => [k, labels[k]]),
      ),
    ),
  };
}

/** Shared leading characters as a share of the longer value: `payments` and `payment-service` are close. */
function similarity(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n / Math.max(a.length, b.length);
}

/** A named targetPort the selected pods do not declare leaves them out of the endpoints. */
function missingPortName(svc: K8sObject, pods: Pod[]): string | undefined {
  for (const p of (svc.spec?.ports ?? []) as { targetPort?: string | number }[]) {
    if (typeof p.targetPort !== 'string' || /^\d+$/.test(p.targetPort)) continue;
    const named = pods.some((pod) =>
      pod.spec.containers.some((c) => (c.ports ?? []).some((cp) => cp.name === p.targetPort)),
    );
    if (!named) return p.targetPort;
  }
  return undefined;
}

function detectService(ev: Evidence, svc: K8sObject): Detected | undefined {
  const sel = serviceSelector(svc);
  if (!sel || svc.spec?.type === 'ExternalName') return undefined;
  const counts = endpointCounts(ev, svc);
  if (counts.ready > 0) return undefined;
  const pods = podsSelectedBy(ev, svc);
  const templates = templatesSelectedBy(ev, svc);
  if (!pods.length && templates.length && templates.every((t) => t.spec?.replicas === 0)) return undefined;
  const ref = refOf(svc);
  let cause: string;
  let runbook = 'fix_selector';
  let confidence = 0.9;
  let workload: ObjectRef | null = templates[0] ? refOf(templates[0]) : null;
  let needs: ObjectRef[] = [];
  const ready = pods.filter(isPodReady);
  const portName = ready.length ? missingPortName(svc, ready) : undefined;
  if (!pods.length && !templates.length) {
    const near = nearMiss(ev, svc, sel);
    cause = near
      ? `its selector ${selectorText(sel)} matches no pod: ${near.workload.kind} ${near.workload.metadata.name} labels its pods ${near.labels}`
      : `its selector ${selectorText(sel)} matches no pod in namespace ${svc.metadata.namespace}`;
    if (near) workload = refOf(near.workload);
  } else if (portName) {
    cause = `its targetPort "${portName}" is not a port name the selected pods declare`;
  } else if (!pods.length) {
    cause = `the ${templates.map((t) => `${t.kind} ${t.metadata.name}`).join(', ')} it selects has no running pods`;
    runbook = 'investigate_workload';
    confidence = 0.7;
    needs = templates.map(refOf);
  } else {
    const w = ev.workloadOf(pods[0]);
    workload = w ?? workload;
    cause = `none of the ${pods.length} pod(s) it selects (${pods
      .slice(0, 3)
      .map((p) => p.metadata.name)
      .join(', ')}) is ready`;
    runbook = 'investigate_workload';
    confidence = 0.7;
    needs = [...pods.map(refOf), ...(w ? [w] : [])];
  }
  return finding(ev, {
    pattern: 'service_no_endpoints',
    severity: 'critical',
    resource: ref,
    workload,
    summary: `Service ${svc.metadata.name} has no ready endpoints: its traffic goes nowhere`,
    rootCause: `Service ${svc.metadata.namespace}/${svc.metadata.name} has no ready endpoints because ${cause}.`,
    evidence: [
      `service ${svc.metadata.name}: selector ${selectorText(sel)}, ports ${JSON.stringify(svc.spec?.ports ?? [])}`,
      `endpoints: ${counts.ready} ready, ${counts.notReady} not ready${counts.fromPods ? ' (counted from pods)' : ''}`,
      pods.length
        ? `selected pods: ${pods
            .map((p) => `${p.metadata.name} (${isPodReady(p) ? 'ready' : (p.status?.phase ?? 'unknown')})`)
            .slice(0, 5)
            .join(', ')}`
        : 'selected pods: none',
    ],
    whys: [
      `Why do clients of ${svc.metadata.name} fail? The Service has no endpoint to send them to.`,
      `Why? ${cause[0].toUpperCase()}${cause.slice(1)}.`,
    ],
    runbook,
    confidence,
    subjects: [ref],
    needs,
  });
}

export const serviceNoEndpoints: Pattern = {
  id: 'service_no_endpoints',
  detect: (ev) =>
    ev
      .list('Service')
      .map((s) => detectService(ev, s))
      .filter((f) => f !== undefined),
};

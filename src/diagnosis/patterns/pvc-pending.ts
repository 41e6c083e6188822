import { type Evidence, parseTime, refOf } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import { describe, eventLine, finding, latestEvent } from '../finding.ts';
import { formatDuration } from '../signals/format.ts';
import { schedulingFailure } from '../signals/scheduling.ts';
import { consumersOf } from '../signals/volumes.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

const DEFAULT_CLASS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];
const STUCK_MS = 5 * 60_000;

function whyPending(
  ev: Evidence,
  pvc: K8sObject,
  consumers: Pod[],
): { cause: string; runbook: string; confidence: number } | undefined {
  const classes = ev.list('StorageClass');
  const wanted: string | undefined = pvc.spec?.storageClassName;
  const names = classes.map((c) => c.metadata.name);
  if (wanted === '') {
    const free = ev
      .list('PersistentVolume')
      .some((pv) => pv.status?.phase === 'Available' && !pv.spec?.storageClassName);
    return free || !ev.has('PersistentVolume')
      ? undefined
      : {
          cause:
            'it asks for a pre-provisioned volume (storageClassName "") and no Available PersistentVolume without a class exists',
          runbook: 'fix_storage_class',
          confidence: 0.8,
        };
  }
  if (wanted && ev.has('StorageClass') && !names.includes(wanted)) {
    return {
      cause: `StorageClass "${wanted}" does not exist (the cluster has: ${names.join(', ') || 'none'})`,
      runbook: 'fix_storage_class',
      confidence: 0.95,
    };
  }
  if (
    wanted === undefined &&
    !pvc.spec?.volumeName &&
    ev.has('StorageClass') &&
    !classes.some((c) => DEFAULT_CLASS.some((a) => c.metadata.annotations?.[a] === 'true'))
  ) {
    return {
      cause: `the claim names no storageClassName and the cluster has no default StorageClass (classes: ${names.join(', ') || 'none'})`,
      runbook: 'fix_storage_class',
      confidence: 0.85,
    };
  }
  if (
    pvc.spec?.volumeName &&
    ev.has('PersistentVolume') &&
    !ev.get('PersistentVolume', undefined, pvc.spec.volumeName)
  ) {
    return {
      cause: `it asks for PersistentVolume "${pvc.spec.volumeName}", which does not exist`,
      runbook: 'fix_storage_class',
      confidence: 0.9,
    };
  }
  const failed = latestEvent(ev, refOf(pvc), ['ProvisioningFailed']);
  if (failed?.message)
    return {
      cause: `provisioning failed: ${failed.message.slice(0, 240)}`,
      runbook: 'fix_storage_class',
      confidence: 0.85,
    };
  const cls = classes.find((c) => c.metadata.name === wanted);
  if (cls?.volumeBindingMode === 'WaitForFirstConsumer' && consumers.every((p) => !p.spec.nodeName))
    return undefined;
  const age = ev.now - (parseTime(pvc.metadata.creationTimestamp) ?? ev.now);
  if (age < STUCK_MS) return undefined;
  return {
    cause: `it has waited ${formatDuration(age)} for provisioner ${cls?.provisioner ?? 'of its class'}, which has not created a volume`,
    runbook: 'fix_storage_class',
    confidence: 0.6,
  };
}

function detectClaim(ev: Evidence, pvc: K8sObject): Detected | undefined {
  if (pvc.status?.phase && pvc.status.phase !== 'Pending') return undefined;
  const consumers = consumersOf(ev, pvc.metadata.namespace, pvc.metadata.name);
  const why = whyPending(ev, pvc, consumers);
  if (!why) return undefined;
  const consumer = consumers[0];
  const workload = consumer ? ev.workloadOf(consumer) : null;
  const event = latestEvent(ev, refOf(pvc));
  return finding(ev, {
    pattern: 'pvc_pending',
    severity: consumers.length ? 'critical' : 'warning',
    resource: pvc,
    workload,
    summary: `PersistentVolumeClaim ${pvc.metadata.name} is Pending${consumer ? `; pod ${consumer.metadata.name} waits for it` : ''}`,
    rootCause: `PersistentVolumeClaim ${pvc.metadata.namespace}/${pvc.metadata.name} stays unbound: ${why.cause}.`,
    evidence: [
      `pvc ${pvc.metadata.name}: phase ${pvc.status?.phase ?? 'Pending'}, storageClassName ${pvc.spec?.storageClassName ?? '(default)'}, requests ${pvc.spec?.resources?.requests?.storage ?? '?'}`,
      event && eventLine(ev, event),
      consumer &&
        `pod ${consumer.metadata.name} is ${consumer.status?.phase ?? 'Pending'} waiting for the claim`,
    ],
    whys: [
      ...(consumer
        ? [
            `Why is ${describe(workload ?? refOf(consumer))} not running? Pod ${consumer.metadata.name} is Pending.`,
          ]
        : []),
      `Why? Its PersistentVolumeClaim ${pvc.metadata.name} is not bound to a volume.`,
      `Why? ${why.cause[0].toUpperCase()}${why.cause.slice(1)}.`,
    ],
    runbook: why.runbook,
    confidence: why.confidence,
    subjects: consumers.map(refOf),
  });
}

/** Pods that mount a claim that does not exist at all. */
function missingClaims(ev: Evidence): Detected[] {
  const out = new Map<string, Detected>();
  for (const pod of ev.list('Pod')) {
    const failure = schedulingFailure(ev, pod);
    const m = failure && /persistentvolumeclaim "([^"]+)" not found/.exec(failure.message);
    if (!m || out.has(`${pod.metadata.namespace}/${m[1]}`)) continue;
    const claim: ObjectRef = { kind: 'PersistentVolumeClaim', namespace: pod.metadata.namespace, name: m[1] };
    const workload = ev.workloadOf(pod);
    out.set(
      `${pod.metadata.namespace}/${m[1]}`,
      finding(ev, {
        pattern: 'pvc_pending',
        severity: 'critical',
        resource: claim,
        workload,
        summary: `Pod ${pod.metadata.name} is Pending: its PersistentVolumeClaim ${m[1]} does not exist`,
        rootCause: `PersistentVolumeClaim ${pod.metadata.namespace}/${m[1]}, mounted by pod ${pod.metadata.name}, does not exist.`,
        evidence: [`scheduler: ${failure.message}`],
        whys: [
          `Why is pod ${pod.metadata.name} Pending? The scheduler waits for claim ${m[1]}.`,
          `Why? PersistentVolumeClaim ${m[1]} was never created.`,
        ],
        runbook: 'create_missing_pvc',
        confidence: 0.9,
        subjects: [refOf(pod)],
      }),
    );
  }
  return [...out.values()];
}

export const pvcPending: Pattern = {
  id: 'pvc_pending',
  detect(ev) {
    const claims = ev
      .list('PersistentVolumeClaim')
      .map((pvc) => detectClaim(ev, pvc))
      .filter((f) => f !== undefined);
    return [...claims, ...missingClaims(ev)];
  },
};

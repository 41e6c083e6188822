import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import { describe, finding } from '../finding.ts';
import { percent } from '../signals/format.ts';
import { DISK_FULL } from '../signals/log-patterns.ts';
import { type LogHit, matchLines, podLogLines, quote } from '../signals/logs.ts';
import { isActive } from '../signals/pods.ts';
import { claimForPath, consumersOf } from '../signals/volumes.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

const WARN_RATIO = 0.9;
const CRITICAL_RATIO = 0.97;

interface Full {
  claim: ObjectRef;
  pods: Pod[];
  hit?: LogHit;
  ratio?: number;
  mountPath?: string;
}

/** Claims the metrics show nearly full, and claims whose pods log "No space left on device". */
function fullClaims(ev: Evidence): Map<string, Full> {
  const out = new Map<string, Full>();
  for (const s of ev.metrics('volume_used_ratio')) {
    if (s.value < WARN_RATIO || !s.labels.persistentvolumeclaim) continue;
    const ns = s.labels.namespace;
    const name = s.labels.persistentvolumeclaim;
    out.set(`${ns}/${name}`, {
      claim: { kind: 'PersistentVolumeClaim', namespace: ns, name },
      pods: consumersOf(ev, ns, name),
      ratio: s.value,
    });
  }
  for (const pod of ev.list('Pod')) {
    if (!isActive(pod) && pod.status?.phase !== 'Failed') continue;
    const hit = matchLines(podLogLines(ev, pod), DISK_FULL).at(-1);
    if (!hit) continue;
    const mount = claimForPath(pod, hit.match[1]);
    const ns = pod.metadata.namespace;
    const claim: ObjectRef = mount
      ? { kind: 'PersistentVolumeClaim', namespace: ns, name: mount.claim }
      : { kind: 'Pod', namespace: ns, name: pod.metadata.name };
    const key = `${ns}/${claim.name}`;
    const entry = out.get(key) ?? { claim, pods: mount ? consumersOf(ev, ns, mount.claim) : [pod] };
    entry.hit ??= hit;
    entry.mountPath ??= mount?.mountPath;
    out.set(key, entry);
  }
  return out;
}

function describeFull(ev: Evidence, full: Full): Detected {
  const { claim, pods, hit, ratio } = full;
  const pvc =
    claim.kind === 'PersistentVolumeClaim'
      ? ev.get('PersistentVolumeClaim', claim.namespace, claim.name)
      : undefined;
  const consumer = pods[0];
  const workload = consumer ? ev.workloadOf(consumer) : null;
  const size = pvc?.status?.capacity?.storage ?? pvc?.spec?.resources?.requests?.storage;
  const cls: K8sObject | undefined = pvc?.spec?.storageClassName
    ? ev.get('StorageClass', undefined, pvc.spec.storageClassName)
    : undefined;
  const expandable = cls
    ? cls.allowVolumeExpansion
      ? `StorageClass ${cls.metadata.name} allows expansion`
      : `StorageClass ${cls.metadata.name} does not allow expansion`
    : undefined;
  const what =
    claim.kind === 'PersistentVolumeClaim'
      ? `PersistentVolumeClaim ${claim.namespace}/${claim.name}${size ? ` (${size}${pvc?.spec?.storageClassName ? `, class ${pvc.spec.storageClassName}` : ''})` : ''}`
      : `the writable filesystem of pod ${claim.name} (no PersistentVolumeClaim holds the path)`;
  const usage = ratio !== undefined ? ` is ${percent(ratio)} full` : ' is full';
  const effect = hit
    ? `; ${consumer ? `pod ${hit.line.container === consumer.spec.containers[0]?.name ? consumer.metadata.name : `${consumer.metadata.name} (${hit.line.container})`}` : 'its pod'} fails to write: "${quote(hit.line.text, 200)}"`
    : '';
  const critical = hit !== undefined || (ratio ?? 0) >= CRITICAL_RATIO;
  return finding(ev, {
    pattern: 'volume_full',
    severity: critical ? 'critical' : 'warning',
    resource: pvc ?? claim,
    workload,
    summary: `${claim.kind === 'PersistentVolumeClaim' ? `Volume ${claim.name}` : `Pod ${claim.name} disk`}${usage}${consumer ? `; ${consumer.metadata.name} cannot write` : ''}`,
    rootCause: `${what[0].toUpperCase()}${what.slice(1)}${usage}${effect}.${expandable ? ` ${expandable}.` : ''}`,
    evidence: [
      ratio !== undefined &&
        `kubelet_volume_stats_used_bytes / capacity for ${claim.name}: ${percent(ratio)}`,
      hit &&
        `log of ${consumer?.metadata.name ?? claim.name}${hit.line.previous ? ' (previous instance)' : ''}: ${quote(hit.line.text)}`,
      full.mountPath && `mounted at ${full.mountPath}`,
      size && `capacity ${size}`,
      expandable,
    ],
    whys: [
      ...(consumer
        ? [
            `Why is ${describe(workload ?? refOf(consumer))} failing? Pod ${consumer.metadata.name} cannot write its data.`,
          ]
        : []),
      `Why can it not write? ${hit ? `Writes fail with "No space left on device"` : `The volume is ${percent(ratio ?? 1)} used`}.`,
      `Why? ${what[0].toUpperCase()}${what.slice(1)}${usage}: the data outgrew the volume.`,
    ],
    runbook: claim.kind === 'PersistentVolumeClaim' ? 'expand_pvc' : 'free_disk_space',
    confidence: hit && ratio !== undefined ? 0.95 : hit ? 0.85 : 0.8,
    subjects: pods.map(refOf),
    needs:
      claim.kind === 'Pod' && consumer?.spec.nodeName ? [{ kind: 'Node', name: consumer.spec.nodeName }] : [],
  });
}

export const volumeFull: Pattern = {
  id: 'volume_full',
  detect: (ev) => [...fullClaims(ev).values()].map((f) => describeFull(ev, f)),
};

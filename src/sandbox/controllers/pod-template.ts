import type { KubeObject } from '../core/types.ts';
import { controllerRefTo } from './object-utils.ts';
import { qosClass } from './pod-utils.ts';

/** `nginx`, `nginx:latest` and digest-less `repo/x` default to Always, anything else to IfNotPresent. */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

const DEFAULT_TOLERATIONS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/**
 * Fills in what the API server's defaulting and admission (DefaultTolerationSeconds,
 * ServiceAccount, Priority) add to a pod a controller creates, so controller-made pods look like
 * the ones a real cluster stores. Fields already set are kept.
 */
function applyPodDefaults(spec: any): any {
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    c.imagePullPolicy ??= defaultPullPolicy(String(c.image ?? ''));
    c.terminationMessagePath ??= '/dev/termination-log';
    c.terminationMessagePolicy ??= 'File';
    c.resources ??= {};
  }
  spec.tolerations ??= [];
  const tolerations: any[] = spec.tolerations;
  for (const key of DEFAULT_TOLERATIONS) {
    if (tolerations.some((t) => t.key === key || (t.operator === 'Exists' && !t.key))) continue;
    tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  return spec;
}

export interface PodExtras {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Changes to the pod spec after defaulting (hostname, volumes, affinity…). */
  editSpec?: (spec: any) => void;
}

/** A new Pod from a workload's pod template, owned by `owner`, as its controller would create it. */
export function podFromTemplate(
  owner: KubeObject,
  template: any,
  name: string,
  extras: PodExtras = {},
): KubeObject {
  const spec = applyPodDefaults(structuredClone(template?.spec ?? {}));
  extras.editSpec?.(spec);
  const labels = { ...(template?.metadata?.labels ?? {}), ...(extras.labels ?? {}) };
  const annotations = { ...(template?.metadata?.annotations ?? {}), ...(extras.annotations ?? {}) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: [controllerRefTo(owner)],
    },
    spec,
    status: { phase: 'Pending', qosClass: qosClass(spec) },
  };
}

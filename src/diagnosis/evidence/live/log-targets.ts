import { containersOf, isActive, looksUnhealthy } from '../../signals/pods.ts';
import { LIMITS } from '../limits.ts';
import type { Pod } from '../shapes.ts';

export interface LogTarget {
  pod: Pod;
  container: string;
  previous: boolean;
}

const restarts = (pod: Pod) =>
  (pod.status?.containerStatuses ?? []).reduce((n, s) => n + (s.restartCount ?? 0), 0);

/** The workload a pod belongs to, by its controller's name: enough to take one sample per workload. */
const ownerKey = (pod: Pod) => {
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  return `${pod.metadata.namespace}/${owner ? `${owner.kind}/${owner.name}` : pod.metadata.name}`;
};

/**
 * Whose logs to read, within LIMITS.logPods: every pod that looks unhealthy (most restarts first),
 * then one pod of each healthy workload, whose logs still tell about failing dependencies and errors.
 * Each container's current log; its previous one too when it has restarted. Pods on nodes whose
 * kubelet does not answer are left out: their logs cannot be read, only waited for.
 */
export function pickLogTargets(pods: Pod[], unreachableNodes: ReadonlySet<string> = new Set()): LogTarget[] {
  const readable = pods.filter((p) => !p.spec?.nodeName || !unreachableNodes.has(p.spec.nodeName));
  const unhealthy = readable.filter(looksUnhealthy).sort((a, b) => restarts(b) - restarts(a));
  const sampled = new Set(unhealthy.map(ownerKey));
  const healthy: Pod[] = [];
  for (const pod of readable) {
    if (!isActive(pod) || looksUnhealthy(pod) || pod.status?.phase !== 'Running') continue;
    const key = ownerKey(pod);
    if (sampled.has(key)) continue;
    sampled.add(key);
    healthy.push(pod);
  }
  const targets: LogTarget[] = [];
  for (const pod of [...unhealthy, ...healthy].slice(0, LIMITS.logPods)) {
    for (const { spec, status } of containersOf(pod)) {
      if (!status?.state?.running && !status?.state?.terminated && !status?.lastState?.terminated) continue;
      targets.push({ pod, container: spec.name, previous: false });
      if ((status.restartCount ?? 0) > 0 || status.lastState?.terminated)
        targets.push({ pod, container: spec.name, previous: true });
    }
  }
  return targets;
}

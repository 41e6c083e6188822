import type { Permit } from '../policy/permit.ts';
import { KubeError } from './errors.ts';
import type { Kube, ListOptions, ListResult } from './kube.ts';
import { containerCounts, podStatus } from './pod-status.ts';
import { TYPES } from './resource-types.ts';
import type { Pod } from './wire.ts';

/** A pod the way `kubectl get pods -o wide` shows it, as data. */
export interface PodSummary {
  namespace: string;
  name: string;
  status: string;
  ready: number;
  containers: number;
  restarts: number;
  lastRestartAt?: string;
  createdAt?: string;
  node?: string;
  ip?: string;
  /** The controller that owns it: `ReplicaSet/api-service-5d8c9`. */
  owner?: string;
}

export function summarizePod(pod: Pod): PodSummary {
  const counts = containerCounts(pod);
  const owner = pod.metadata?.ownerReferences?.find((r) => r.controller);
  return {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    status: podStatus(pod),
    ready: counts.ready,
    containers: counts.total,
    restarts: counts.restarts,
    lastRestartAt: counts.lastRestartAt,
    createdAt: pod.metadata?.creationTimestamp,
    node: pod.spec?.nodeName,
    ip: pod.status?.podIP,
    owner: owner ? `${owner.kind}/${owner.name}` : undefined,
  };
}

export const listPods = (kube: Kube, options: ListOptions): Promise<ListResult<Pod>> =>
  kube.list<Pod>(TYPES.pod, options);

export const getPod = (kube: Kube, namespace: string | undefined, name: string): Promise<Pod> =>
  kube.get<Pod>(TYPES.pod, namespace, name);

export interface LogOptions {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
}

/**
 * A container's log. Without a container name, a pod with several containers gets the one kubectl
 * would pick (the `default-container` annotation, else the first) — found only when the API asks.
 */
export async function podLog(
  kube: Kube,
  namespace: string | undefined,
  name: string,
  options: LogOptions = {},
): Promise<{ container?: string; text: string }> {
  const query = (container?: string) => ({
    container,
    previous: options.previous || undefined,
    tailLines: options.tailLines,
    sinceSeconds: options.sinceSeconds,
  });
  try {
    return {
      container: options.container,
      text: await kube.text(TYPES.pod, namespace, name, 'log', query(options.container)),
    };
  } catch (err) {
    if (
      options.container ||
      !(err instanceof KubeError) ||
      err.reason !== 'BadRequest' ||
      !/container/i.test(err.message)
    )
      throw err;
    const pod = await getPod(kube, namespace, name);
    const container =
      pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ??
      pod.spec?.containers?.[0]?.name;
    return { container, text: await kube.text(TYPES.pod, namespace, name, 'log', query(container)) };
  }
}

/** Lines that match `pattern` (a regular expression, case-insensitive; plain text if it is not one). */
export function grepLines(text: string, pattern: string): string[] {
  let test: (line: string) => boolean;
  try {
    const re = new RegExp(pattern, 'i');
    test = (line) => re.test(line);
  } catch {
    const needle = pattern.toLowerCase();
    test = (line) => line.toLowerCase().includes(needle);
  }
  return text.split('\n').filter((line) => line !== '' && test(line));
}

export function deletePod(
  permit: Permit,
  kube: Kube,
  namespace: string | undefined,
  name: string,
  gracePeriodSeconds?: number,
): Promise<Pod> {
  return kube.delete<Pod>(
    permit,
    TYPES.pod,
    namespace,
    name,
    gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds },
  );
}

import type { KubeconfigSource } from '../k8s/config.ts';

/** Where pods run, for correlating pod alerts (which rarely carry a `node` label) with their node's incident. */
export interface PodNodes {
  nodeOf(namespace: string, pod: string): string | undefined;
}

/** How long a pod no longer listed is remembered: its alerts may arrive after the node lost it. */
const FORGET_AFTER_MS = 60 * 60_000;

/**
 * A pod → node index refreshed from the cluster every `intervalMs` (one LIST of pods, as
 * `kubectl get pods -A`). Pods evicted from a failed node stay known for an hour, since their
 * alerts (`for: 15m`) often arrive after the eviction. A failed refresh keeps the last index.
 */
export function clusterPodNodes(
  source: KubeconfigSource,
  options: { intervalMs?: number; onError?: (err: Error) => void } = {},
): PodNodes & { refresh(): Promise<void>; stop(): void } {
  const nodes = new Map<string, { node: string; seen: number }>();
  let clusters: Promise<import('../k8s/clusters.ts').Clusters> | undefined;
  let failing = false;
  const refresh = async () => {
    try {
      clusters ??= import('../k8s/clusters.ts').then((m) => new m.Clusters(source));
      const [{ listPods }, c] = await Promise.all([import('../k8s/pods.ts'), clusters]);
      const { items } = await listPods(await c.kube(), { allNamespaces: true });
      const now = Date.now();
      for (const pod of items) {
        const node = pod.spec?.nodeName;
        if (node && pod.metadata?.name)
          nodes.set(`${pod.metadata.namespace}/${pod.metadata.name}`, { node, seen: now });
      }
      for (const [key, entry] of nodes) if (now - entry.seen > FORGET_AFTER_MS) nodes.delete(key);
      failing = false;
    } catch (err) {
      if (!failing) options.onError?.(err as Error);
      failing = true;
    }
  };
  const timer = setInterval(() => void refresh(), options.intervalMs ?? 60_000);
  timer.unref();
  return {
    nodeOf: (namespace, pod) => nodes.get(`${namespace}/${pod}`)?.node,
    refresh,
    stop() {
      clearInterval(timer);
      void clusters?.then((c) => c.close());
    },
  };
}

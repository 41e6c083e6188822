import { rt } from '../core/resources.ts';
import type { Collector } from './context.ts';
import { labels } from './exposition.ts';

const INODES = 6_553_600;

/** Kubelet series: volume stats for mounted claims, running pods per node. */
export const kubelet: Collector = {
  name: 'kubelet',
  collect(ctx, out) {
    const capacity = out.family(
      'kubelet_volume_stats_capacity_bytes',
      'gauge',
      'Capacity in bytes of the volume',
    );
    const used = out.family('kubelet_volume_stats_used_bytes', 'gauge', 'Number of used bytes in the volume');
    const available = out.family(
      'kubelet_volume_stats_available_bytes',
      'gauge',
      'Number of available bytes in the volume',
    );
    const inodes = out.family(
      'kubelet_volume_stats_inodes',
      'gauge',
      'Maximum number of inodes in the volume',
    );
    const inodesUsed = out.family(
      'kubelet_volume_stats_inodes_used',
      'gauge',
      'Number of used inodes in the volume',
    );
    const inodesFree = out.family(
      'kubelet_volume_stats_inodes_free',
      'gauge',
      'Number of free inodes in the volume',
    );
    const runningPods = out.family(
      'kubelet_running_pods',
      'gauge',
      'Number of pods that have a running pod sandbox',
    );
    const volumes = ctx.runtime?.volumes;
    const seen = new Set<string>();
    const running = new Map<string, number>();
    for (const pod of ctx.pods) {
      const node = pod.spec?.nodeName;
      if (!node || ctx.unreachable(node) || pod.status?.phase !== 'Running') continue;
      running.set(node, (running.get(node) ?? 0) + 1);
      if (!volumes) continue;
      const namespace = pod.metadata.namespace ?? 'default';
      for (const claim of volumes.claimsOf(pod)) {
        const key = `${namespace}/${claim}`;
        const stats = seen.has(key) ? undefined : volumes.stats(namespace, claim);
        if (!stats) continue;
        seen.add(key);
        const l = labels({ namespace, persistentvolumeclaim: claim, node });
        capacity(l, stats.capacityBytes);
        used(l, stats.usedBytes);
        available(l, stats.availableBytes);
        const inodeShare = Math.min(1, stats.usedBytes / stats.capacityBytes) * 0.1;
        inodes(l, INODES);
        inodesUsed(l, Math.round(INODES * inodeShare));
        inodesFree(l, Math.round(INODES * (1 - inodeShare)));
      }
    }
    for (const node of ctx.store.list(rt('Node'))) {
      if (!ctx.unreachable(node.metadata.name))
        runningPods(labels({ node: node.metadata.name }), running.get(node.metadata.name) ?? 0);
    }
  },
};

import { randomUUID } from 'node:crypto';
import { recordEvent } from '../core/events.ts';
import { isDrained, nodeCondition, nodeObject } from './nodes.ts';
import type { FaultType } from './types.ts';

/**
 * The node hangs (kernel soft lockup): its kubelet stops posting status, the node goes NotReady and
 * its pods stop serving. The provider's auto-repair reboots a node only once it has been taken out of
 * service (cordoned and drained); it returns Ready, still cordoned until someone uncordons it.
 */
export const nodeNotReady: FaultType = {
  name: 'node_not_ready',
  description: "The node's kubelet stops reporting: NotReady, unreachable taints, its pods become unready.",
  targets: ['node'],
  params: [
    {
      name: 'repairSeconds',
      type: 'number',
      description: 'Simulated seconds the auto-repair reboot takes once the node is drained',
      default: 30,
      min: 1,
      max: 3600,
    },
  ],
  inject(ctx, target, params) {
    const { store } = ctx.cluster;
    const { kubeletDown } = ctx.runtime.effects;
    const node = target.name;
    const repairMs = Number(params.repairSeconds ?? 30) * 1000;
    kubeletDown.add(node);
    let repairAt: number | undefined;
    let repaired = false;
    return {
      params: { repairSeconds: repairMs / 1000 },
      symptoms: `Node ${node} goes NotReady (Ready=Unknown, "Kubelet stopped posting node status"), gets the node.kubernetes.io/unreachable taints, and its pods turn unready and are marked for eviction.`,
      fix: `Take the node out of service: kubectl cordon ${node} && kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data. Auto-repair then reboots it; uncordon once it is Ready. Restarting workloads does not help.`,
      reconcile: () => {
        if (repaired) return;
        if (!isDrained(store, node)) {
          repairAt = undefined;
          return;
        }
        repairAt ??= ctx.now() + repairMs;
        if (ctx.now() < repairAt) return;
        repaired = true;
        kubeletDown.delete(node);
        const obj = nodeObject(store, node);
        if (obj) {
          recordEvent(store, {
            involved: obj,
            type: 'Warning',
            reason: 'Rebooted',
            message: `Node ${node} has been rebooted, boot id: ${randomUUID()}`,
            component: 'kubelet',
            host: node,
          });
        }
      },
      isCleared: () => repaired && nodeCondition(store, node, 'Ready') === 'True',
      remove: () => kubeletDown.delete(node),
    };
  },
};

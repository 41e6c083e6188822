import { recordEvent } from '../core/events.ts';
import { isDrained, nodeCondition, nodeObject } from './nodes.ts';
import type { FaultType } from './types.ts';

const RELIEF_MS = 10_000;

/**
 * The node's root filesystem fills up (container logs and images): the kubelet reports DiskPressure,
 * taints the node and evicts pods. Draining frees the pods' ephemeral storage and lets image GC
 * reclaim unused images, which relieves the pressure; deleting a pod or two does not.
 */
export const diskPressure: FaultType = {
  name: 'disk_pressure',
  description:
    'The node root filesystem is nearly full: DiskPressure condition, disk-pressure taint, pod evictions.',
  targets: ['node'],
  params: [],
  inject(ctx, target) {
    const { store } = ctx.cluster;
    const pressure = ctx.runtime.effects.diskPressure;
    const node = target.name;
    pressure.add(node);
    const obj = nodeObject(store, node);
    if (obj) {
      recordEvent(store, {
        involved: obj,
        type: 'Warning',
        reason: 'FreeDiskSpaceFailed',
        message:
          'Failed to garbage collect required amount of images. Attempted to free 8589934592 bytes, but only found 0 bytes eligible to free.',
        component: 'kubelet',
        host: node,
      });
    }
    let reliefAt: number | undefined;
    let relieved = false;
    return {
      params: {},
      symptoms: `Node ${node} reports DiskPressure=True (node_filesystem_avail_bytes{mountpoint="/"} under 10%), gets the node.kubernetes.io/disk-pressure:NoSchedule taint, and the kubelet evicts pods ("The node was low on resource: ephemeral-storage").`,
      fix: `Cordon and drain ${node} (kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data) so its ephemeral storage is freed and image GC can reclaim space; uncordon when DiskPressure is False.`,
      reconcile: () => {
        if (relieved) return;
        if (!isDrained(store, node)) {
          reliefAt = undefined;
          return;
        }
        reliefAt ??= ctx.now() + RELIEF_MS;
        if (ctx.now() < reliefAt) return;
        relieved = true;
        pressure.delete(node);
      },
      isCleared: () => relieved && nodeCondition(store, node, 'DiskPressure') !== 'True',
      remove: () => pressure.delete(node),
    };
  },
};

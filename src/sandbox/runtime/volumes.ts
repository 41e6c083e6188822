import { parseQuantity } from '../../kube/quantity.ts';
import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { hash01 } from './noise.ts';
import type { World } from './world.ts';

export interface VolumeStats {
  capacityBytes: number;
  usedBytes: number;
  availableBytes: number;
}

const PVC = rt('PersistentVolumeClaim');

/** The size of a claim's filesystem: what the volume was provisioned (or last expanded) to. */
function claimCapacity(pvc: KubeObject): number | undefined {
  return (
    parseQuantity(pvc.status?.capacity?.storage) ?? parseQuantity(pvc.spec?.resources?.requests?.storage)
  );
}

/**
 * Filesystem usage of persistent volumes. Data does not shrink when a volume grows: usage is kept in
 * bytes (a share of the size first seen, or what a fault wrote), so expanding a claim lowers the ratio.
 */
export class VolumeModel {
  private readonly baseline = new Map<string, number>();

  constructor(private readonly world: World) {}

  stats(namespace: string, claim: string): VolumeStats | undefined {
    const pvc = this.world.store.get(PVC, namespace, claim);
    const capacity = pvc && claimCapacity(pvc);
    if (!capacity) return undefined;
    const key = `${namespace}/${claim}`;
    let used = this.world.effects.volumeUsage.get(key);
    if (used === undefined) {
      used = this.baseline.get(key);
      if (used === undefined) {
        used = Math.round(capacity * (0.18 + 0.25 * hash01(key)));
        this.baseline.set(key, used);
      }
    }
    used = Math.min(used, capacity);
    return { capacityBytes: capacity, usedBytes: used, availableBytes: capacity - used };
  }

  /** Claims a pod mounts. */
  claimsOf(pod: KubeObject): string[] {
    return (pod.spec?.volumes ?? []).map((v: any) => v.persistentVolumeClaim?.claimName).filter(Boolean);
  }

  /** The fullest volume a pod mounts, as a ratio of used to capacity. */
  fullestRatio(pod: KubeObject): number {
    const namespace = pod.metadata.namespace ?? 'default';
    let worst = 0;
    for (const claim of this.claimsOf(pod)) {
      const s = this.stats(namespace, claim);
      if (s) worst = Math.max(worst, s.usedBytes / s.capacityBytes);
    }
    return worst;
  }
}

import type { Evidence } from '../evidence/evidence.ts';
import type { Pod } from '../evidence/shapes.ts';
import { isActive } from './pods.ts';

/** Active pods that mount a PersistentVolumeClaim. */
export const consumersOf = (ev: Evidence, ns: string | undefined, claim: string): Pod[] =>
  ev
    .list('Pod', ns)
    .filter(
      (p) => isActive(p) && (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim),
    );

/** The claims a pod mounts, with where each is mounted (first container that mounts it). */
function claimMounts(pod: Pod): { claim: string; mountPath?: string; container?: string }[] {
  return (pod.spec.volumes ?? [])
    .filter((v) => v.persistentVolumeClaim)
    .map((v) => {
      for (const c of pod.spec.containers) {
        const m = (c.volumeMounts ?? []).find((vm) => vm.name === v.name);
        if (m)
          return { claim: v.persistentVolumeClaim!.claimName, mountPath: m.mountPath, container: c.name };
      }
      return { claim: v.persistentVolumeClaim!.claimName };
    });
}

/**
 * The claim a path in a log lives on: the mount whose path prefixes it; for a relative path (PostgreSQL
 * writes `pg_wal/…` relative to its data directory) or when only one claim is mounted, that claim.
 */
export function claimForPath(
  pod: Pod,
  path: string | undefined,
): { claim: string; mountPath?: string } | undefined {
  const mounts = claimMounts(pod);
  if (path?.startsWith('/')) {
    const best = mounts
      .filter((m) => m.mountPath && path.startsWith(m.mountPath))
      .sort((a, b) => (b.mountPath?.length ?? 0) - (a.mountPath?.length ?? 0))[0];
    if (best) return best;
  }
  return mounts.length === 1 ? mounts[0] : undefined;
}

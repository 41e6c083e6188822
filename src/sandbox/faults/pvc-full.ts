import { humanBytes } from '../../kube/quantity.ts';
import { rt } from '../core/resources.ts';
import { isPodReady } from '../runtime/topology.ts';
import { describeTarget } from './targets.ts';
import { FaultError, type FaultType } from './types.ts';
import { workloadHealthy } from './workloads.ts';

const PVC = rt('PersistentVolumeClaim');
const POD = rt('Pod');
const HEALTHY_RATIO = 0.85;

/**
 * A data volume fills up (WAL and table growth): the database cannot write its WAL, panics and
 * crash-loops, and every service that needs it fails. Data does not shrink by restarting; growing the
 * volume (a PVC expansion on a class that allows it) brings usage back under the alert threshold.
 */
export const pvcFull: FaultType = {
  name: 'pvc_full',
  description:
    'A PersistentVolumeClaim is ~99% used: the database on it panics with "No space left on device" and crash-loops.',
  targets: ['pvc', 'statefulset'],
  defaultTarget: { target: 'statefulset/postgres' },
  params: [
    {
      name: 'usedPercent',
      type: 'number',
      description: 'How full the volume gets',
      default: 99,
      min: 50,
      max: 100,
    },
  ],
  inject(ctx, target, params) {
    const { store } = ctx.cluster;
    const { volumes, effects } = ctx.runtime;
    const namespace = target.namespace ?? 'default';
    let claim = target.name;
    if (target.kind === 'statefulset') {
      const template = target.object.spec?.volumeClaimTemplates?.[0]?.metadata?.name;
      if (!template) throw new FaultError(400, `${describeTarget(target)} has no volumeClaimTemplates`);
      claim = `${template}-${target.name}-0`;
    }
    const stats = volumes.stats(namespace, claim);
    if (!store.get(PVC, namespace, claim)) {
      throw new FaultError(404, `persistentvolumeclaims "${claim}" not found in namespace "${namespace}"`);
    }
    if (!stats) throw new FaultError(400, `persistentvolumeclaim ${claim} has no size yet (not provisioned)`);
    const usedPercent = Number(params.usedPercent ?? 99);
    const used = Math.round((stats.capacityBytes * usedPercent) / 100);
    const key = `${namespace}/${claim}`;
    effects.volumeUsage.set(key, used);
    const consumersHealthy = () => {
      if (target.kind === 'statefulset') return workloadHealthy(store, target);
      const pods = store
        .list(POD, namespace)
        .filter((p) =>
          (p.spec?.volumes ?? []).some((v: any) => v.persistentVolumeClaim?.claimName === claim),
        );
      return pods.length > 0 && pods.every(isPodReady);
    };
    return {
      params: { usedPercent },
      symptoms: `Volume ${claim} is ${usedPercent}% full (${humanBytes(used)} of ${humanBytes(stats.capacityBytes)}; kubelet_volume_stats_available_bytes near 0). The database on it logs "PANIC:  could not write to file \\"pg_wal/xlogtemp…\\": No space left on device" and crash-loops; services that depend on it return 5xx.`,
      fix: `Expand the claim (its StorageClass allows it) so usage drops under ${HEALTHY_RATIO * 100}%: kubectl patch pvc ${claim} -n ${namespace} -p '{"spec":{"resources":{"requests":{"storage":"${Math.ceil(used / 0.6 / 2 ** 30)}Gi"}}}}'. Restarting the database does not free space.`,
      isCleared: () => {
        const now = volumes.stats(namespace, claim);
        return !!now && now.usedBytes / now.capacityBytes < HEALTHY_RATIO && consumersHealthy();
      },
      remove: () => effects.volumeUsage.delete(key),
    };
  },
};

import { recordEvent } from '../core/events.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import {
  podRevision,
  REVISION_HASH_LABEL,
  syncControllerRevisions,
  templateOf,
} from './controller-revisions.ts';
import { PODS, PVCS, STATEFUL_SETS } from './kinds.ts';
import { controllerOf, isNamespaceTerminating, writeStatus } from './object-utils.ts';
import { podFromTemplate } from './pod-template.ts';
import { deletePodGracefully, isPodAvailable, isPodReady, isTerminal } from './pod-utils.ts';
import { objectKey, splitKey, WorkQueue } from './work-queue.ts';

const COMPONENT = 'statefulset-controller';

const ordinalOf = (set: KubeObject, pod: KubeObject): number => {
  const m = new RegExp(`^${set.metadata.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(
    pod.metadata.name,
  );
  return m ? Number(m[1]) : -1;
};

const runningAndReady = (pod: KubeObject) =>
  pod.status?.phase === 'Running' && isPodReady(pod) && !pod.metadata.deletionTimestamp;

/**
 * StatefulSets: pods `<name>-0..N-1` with stable identity and PVCs `<claim>-<name>-<i>` from
 * volumeClaimTemplates; OrderedReady creation upwards and deletion downwards one at a time (or all
 * at once with Parallel); rolling updates from the highest ordinal down to the partition.
 */
export const statefulSetController: Controller = {
  name: 'statefulset',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    const queue = new WorkQueue('statefulset', clock, sync);

    function event(set: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
      recordEvent(store, { involved: set, type, reason, message, component: COMPONENT });
    }

    function ensureClaims(set: KubeObject, ordinal: number): void {
      const podName = `${set.metadata.name}-${ordinal}`;
      for (const tpl of set.spec?.volumeClaimTemplates ?? []) {
        const name = `${tpl.metadata?.name}-${podName}`;
        if (store.get(PVCS, set.metadata.namespace, name)) continue;
        store.create(PVCS, {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: {
            name,
            namespace: set.metadata.namespace,
            labels: { ...(tpl.metadata?.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) },
            ...(tpl.metadata?.annotations ? { annotations: { ...tpl.metadata.annotations } } : {}),
          },
          spec: { volumeMode: 'Filesystem', ...structuredClone(tpl.spec ?? {}) },
          status: { phase: 'Pending' },
        });
        event(
          set,
          'Normal',
          'SuccessfulCreate',
          `create Claim ${name} Pod ${podName} in StatefulSet ${set.metadata.name} success`,
        );
      }
    }

    function createPod(set: KubeObject, ordinal: number, revisionName: string, template: any): void {
      const name = `${set.metadata.name}-${ordinal}`;
      ensureClaims(set, ordinal);
      const claims: any[] = set.spec?.volumeClaimTemplates ?? [];
      const pod = podFromTemplate(set, template, name, {
        labels: {
          [REVISION_HASH_LABEL]: revisionName,
          'statefulset.kubernetes.io/pod-name': name,
          'apps.kubernetes.io/pod-index': String(ordinal),
        },
        editSpec: (spec) => {
          spec.hostname = name;
          if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
          const claimNames = new Set(claims.map((c) => c.metadata?.name));
          spec.volumes = [
            ...(spec.volumes ?? []).filter((v: any) => !claimNames.has(v.name)),
            ...claims.map((c) => ({
              name: c.metadata?.name,
              persistentVolumeClaim: { claimName: `${c.metadata?.name}-${name}` },
            })),
          ];
          if (!spec.volumes.length) delete spec.volumes;
        },
      });
      store.create(PODS, pod);
      event(
        set,
        'Normal',
        'SuccessfulCreate',
        `create Pod ${name} in StatefulSet ${set.metadata.name} successful`,
      );
    }

    function deletePod(set: KubeObject, pod: KubeObject): void {
      deletePodGracefully(store, pod);
      event(
        set,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
      );
    }

    function sync(key: string): void {
      const { namespace, name } = splitKey(key);
      const set = store.get(STATEFUL_SETS, namespace, name);
      if (!set || store.isFrozen(set) || set.metadata.deletionTimestamp) return;
      const pods = index
        .podsOwnedBy(set.metadata.uid)
        .filter((p) => controllerOf(p)?.uid === set.metadata.uid);
      const inUse = new Set(pods.map(podRevision).filter((r): r is string => Boolean(r)));
      const revisions = syncControllerRevisions(
        store,
        set,
        index.dependents(set.metadata.uid, 'ControllerRevision'),
        inUse,
      );
      const updateRevision = revisions.update.metadata.name;
      const currentRevision = revisions.all.some((r) => r.metadata.name === set.status?.currentRevision)
        ? set.status.currentRevision
        : updateRevision;
      const currentTemplate = templateOf(revisions.all.find((r) => r.metadata.name === currentRevision));
      const replicas = set.spec?.replicas ?? 1;
      const parallel = set.spec?.podManagementPolicy === 'Parallel';
      const rolling = (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
      const partition = rolling ? (set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0) : replicas;
      const byOrdinal = new Map<number, KubeObject>();
      for (const pod of pods) byOrdinal.set(ordinalOf(set, pod), pod);

      let blocked = false;
      for (let i = 0; i < replicas && !blocked; i++) {
        const pod = byOrdinal.get(i);
        if (pod && isTerminal(pod) && !pod.metadata.deletionTimestamp) {
          deletePod(set, pod);
          blocked = !parallel;
        } else if (!pod) {
          if (isNamespaceTerminating(store, namespace)) return;
          const useCurrent = i < partition && currentRevision !== updateRevision;
          createPod(
            set,
            i,
            useCurrent ? currentRevision : updateRevision,
            useCurrent ? currentTemplate : set.spec?.template,
          );
          blocked = !parallel;
        } else if (!parallel && !runningAndReady(pod)) blocked = true;
      }
      const condemned = pods
        .filter((p) => ordinalOf(set, p) >= replicas || ordinalOf(set, p) < 0)
        .sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));
      if (!blocked) {
        for (const pod of condemned) {
          if (pod.metadata.deletionTimestamp) {
            blocked = !parallel;
          } else {
            deletePod(set, pod);
            blocked = !parallel;
          }
          if (blocked) break;
        }
      }
      const healthy = pods.every((p) => ordinalOf(set, p) >= replicas || runningAndReady(p));
      if (!blocked && rolling && healthy) {
        for (let i = replicas - 1; i >= partition; i--) {
          const pod = byOrdinal.get(i);
          if (pod && podRevision(pod) !== updateRevision) {
            deletePod(set, pod);
            break;
          }
        }
      }
      writeSetStatus(set, pods, replicas, currentRevision, updateRevision);
    }

    function writeSetStatus(
      set: KubeObject,
      pods: KubeObject[],
      replicas: number,
      current: string,
      update: string,
    ): void {
      const live = pods.filter((p) => !isTerminal(p) && ordinalOf(set, p) >= 0);
      const now = clock.now();
      const minReady = set.spec?.minReadySeconds ?? 0;
      const updated = live.filter((p) => podRevision(p) === update).length;
      const done =
        updated === replicas && live.length === replicas && live.every((p) => !p.metadata.deletionTimestamp);
      const currentRevision = done ? update : current;
      writeStatus(store, STATEFUL_SETS, set, {
        observedGeneration: set.metadata.generation ?? 1,
        replicas: live.length,
        readyReplicas: live.filter(isPodReady).length,
        currentReplicas: live.filter((p) => podRevision(p) === currentRevision).length,
        updatedReplicas: updated,
        availableReplicas: live.filter((p) => isPodAvailable(p, minReady, now)).length,
        currentRevision,
        updateRevision: update,
        collisionCount: set.status?.collisionCount ?? 0,
      });
    }

    const unsubscribe = store.subscribe(({ rt, object }) => {
      if (rt.kind === 'StatefulSet') queue.add(objectKey(object.metadata.namespace, object.metadata.name));
      else if (rt.kind === 'Pod') {
        const owner = controllerOf(object);
        if (owner?.kind === 'StatefulSet') queue.add(objectKey(object.metadata.namespace, owner.name));
      }
    });
    for (const set of store.list(STATEFUL_SETS))
      queue.add(objectKey(set.metadata.namespace, set.metadata.name));
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};

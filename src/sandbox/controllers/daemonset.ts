import { recordEvent } from '../core/events.ts';
import { randomSuffix } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { podRevision, REVISION_HASH_LABEL, syncControllerRevisions } from './controller-revisions.ts';
import { DAEMON_SETS, NODES, PODS } from './kinds.ts';
import { controllerOf, intOrPercent, isNamespaceTerminating, writeStatus } from './object-utils.ts';
import { podFromTemplate } from './pod-template.ts';
import { deletePodGracefully, isActivePod, isPodAvailable, isPodReady, isTerminal } from './pod-utils.ts';
import { podMatchesNode, type Toleration, untoleratedTaint } from './selectors.ts';
import { objectKey, splitKey, WorkQueue } from './work-queue.ts';

const COMPONENT = 'daemonset-controller';

/** Tolerations the DaemonSet controller adds to every daemon pod, so daemons survive node trouble. */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

function daemonTolerations(spec: any): Toleration[] {
  const own: Toleration[] = spec?.tolerations ?? [];
  const extra = DAEMON_TOLERATIONS.filter((d) => !own.some((t) => t.key === d.key && t.effect === d.effect));
  if (spec?.hostNetwork)
    extra.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return [...own, ...extra];
}

/** Whether a daemon pod belongs on the node: selector and affinity match, and its taints are tolerated. */
const shouldRun = (ds: KubeObject, node: KubeObject) =>
  podMatchesNode(ds.spec?.template?.spec, node) &&
  !untoleratedTaint(node.spec?.taints, daemonTolerations(ds.spec?.template?.spec));

/** The node a daemon pod is for: bound, or pinned by the matchFields affinity the controller gives it. */
function targetNode(pod: KubeObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return terms[0]?.matchFields?.find((f: any) => f.key === 'metadata.name')?.values?.[0];
}

/** DaemonSets: one pod per eligible node (tolerations included), replaced on failure, rolled node by node. */
export const daemonSetController: Controller = {
  name: 'daemonset',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    const queue = new WorkQueue('daemonset', clock, sync);

    function event(ds: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
      recordEvent(store, { involved: ds, type, reason, message, component: COMPONENT });
    }

    function remove(ds: KubeObject, pod: KubeObject): void {
      deletePodGracefully(store, pod);
      event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    }

    function create(ds: KubeObject, node: string, hash: string): void {
      const pod = podFromTemplate(ds, ds.spec?.template, `${ds.metadata.name}-${randomSuffix()}`, {
        labels: {
          [REVISION_HASH_LABEL]: hash,
          'pod-template-generation': String(ds.metadata.generation ?? 1),
        },
        editSpec: (spec) => {
          spec.tolerations = daemonTolerations(spec);
          const nodeAffinity = spec.affinity?.nodeAffinity ?? {};
          spec.affinity = {
            ...spec.affinity,
            nodeAffinity: {
              ...nodeAffinity,
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] },
                ],
              },
            },
          };
        },
      });
      const created = store.create(PODS, pod);
      event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    }

    function sync(key: string): void {
      const { namespace, name } = splitKey(key);
      const ds = store.get(DAEMON_SETS, namespace, name);
      if (!ds || store.isFrozen(ds) || ds.metadata.deletionTimestamp) return;
      const pods = index.podsOwnedBy(ds.metadata.uid).filter((p) => controllerOf(p)?.uid === ds.metadata.uid);
      const inUse = new Set(pods.map((p) => `${ds.metadata.name}-${podRevision(p)}`));
      const revisions = syncControllerRevisions(
        store,
        ds,
        index.dependents(ds.metadata.uid, 'ControllerRevision'),
        inUse,
      );
      const hash = revisions.update.metadata.labels?.['controller.kubernetes.io/hash'] ?? '';
      const byNode = new Map<string, KubeObject[]>();
      for (const pod of pods) {
        const node = targetNode(pod);
        if (node) byNode.set(node, [...(byNode.get(node) ?? []), pod]);
      }
      const canCreate = !isNamespaceTerminating(store, namespace);
      const now = clock.now();
      const minReady = ds.spec?.minReadySeconds ?? 0;
      const stats = { desired: 0, current: 0, misscheduled: 0, ready: 0, available: 0, updated: 0 };
      const oldPods: KubeObject[] = [];
      let unavailable = 0;
      for (const node of store.list(NODES)) {
        const nodePods = byNode.get(node.metadata.name) ?? [];
        for (const failed of nodePods.filter((p) => isTerminal(p) && !p.metadata.deletionTimestamp)) {
          event(
            ds,
            'Warning',
            'FailedDaemonPod',
            `Found failed daemon pod ${failed.metadata.namespace}/${failed.metadata.name} on node ${node.metadata.name}, will try to kill it`,
          );
          remove(ds, failed);
        }
        const active = nodePods.filter(isActivePod);
        if (!shouldRun(ds, node)) {
          if (active.length) stats.misscheduled++;
          for (const pod of active) remove(ds, pod);
          continue;
        }
        stats.desired++;
        if (active.length === 0) {
          if (canCreate && !nodePods.some((p) => p.metadata.deletionTimestamp))
            create(ds, node.metadata.name, hash);
          unavailable++;
          continue;
        }
        const [keep, ...extra] = [...active].sort((a, b) =>
          (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''),
        );
        for (const pod of extra) remove(ds, pod);
        stats.current++;
        if (isPodReady(keep)) stats.ready++;
        if (isPodAvailable(keep, minReady, now)) stats.available++;
        else unavailable++;
        if (podRevision(keep) === hash) stats.updated++;
        else oldPods.push(keep);
      }
      if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
        const maxUnavailable = Math.max(
          1,
          intOrPercent(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, stats.desired, true, 1),
        );
        for (const pod of oldPods.slice(0, Math.max(0, maxUnavailable - unavailable))) remove(ds, pod);
      }
      writeStatus(store, DAEMON_SETS, ds, {
        currentNumberScheduled: stats.current,
        desiredNumberScheduled: stats.desired,
        numberMisscheduled: stats.misscheduled,
        numberReady: stats.ready,
        observedGeneration: ds.metadata.generation ?? 1,
        updatedNumberScheduled: stats.updated,
        ...(stats.available ? { numberAvailable: stats.available } : {}),
        ...(stats.desired - stats.available > 0
          ? { numberUnavailable: stats.desired - stats.available }
          : {}),
      });
    }

    const enqueueAll = () => {
      for (const ds of store.list(DAEMON_SETS)) queue.add(objectKey(ds.metadata.namespace, ds.metadata.name));
    };
    const unsubscribe = store.subscribe(({ rt, object }) => {
      if (rt.kind === 'DaemonSet') queue.add(objectKey(object.metadata.namespace, object.metadata.name));
      else if (rt.kind === 'Node') enqueueAll();
      else if (rt.kind === 'Pod') {
        const owner = controllerOf(object);
        if (owner?.kind === 'DaemonSet') queue.add(objectKey(object.metadata.namespace, owner.name));
      }
    });
    enqueueAll();
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};

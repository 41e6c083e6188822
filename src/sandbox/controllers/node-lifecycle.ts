import { recordEvent } from '../core/events.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { LEASES, NODES, PODS } from './kinds.ts';
import { type Condition, findCondition } from './object-utils.ts';
import { deletePodGracefully, isActivePod } from './pod-utils.ts';
import { type Taint, type Toleration, tolerates } from './selectors.ts';
import { WorkQueue } from './work-queue.ts';

const TICK_MS = 5_000;
/** node-monitor-grace-period: how long a silent kubelet is trusted. */
const GRACE_MS = 40_000;
const DEFAULT_TOLERATION_S = 300;
const MAX_FORCED_GRACE_MS = 2_000;
const KUBELET_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];
const PREFIX = 'node.kubernetes.io/';
const MANAGED = [
  'unreachable',
  'not-ready',
  'memory-pressure',
  'disk-pressure',
  'pid-pressure',
  'network-unavailable',
  'unschedulable',
].map((k) => PREFIX + k);

/** The taints TaintNodesByCondition and taint-based eviction want on a node. */
function wantedTaints(node: KubeObject, now: string): Taint[] {
  const status = (type: string) => findCondition(node.status?.conditions, type)?.status;
  const out: Taint[] = [];
  const ready = status('Ready');
  if (ready === 'Unknown' || ready === 'False') {
    const key = PREFIX + (ready === 'Unknown' ? 'unreachable' : 'not-ready');
    out.push({ key, effect: 'NoSchedule' }, { key, effect: 'NoExecute', timeAdded: now });
  }
  if (status('MemoryPressure') === 'True')
    out.push({ key: `${PREFIX}memory-pressure`, effect: 'NoSchedule' });
  if (status('DiskPressure') === 'True') out.push({ key: `${PREFIX}disk-pressure`, effect: 'NoSchedule' });
  if (status('PIDPressure') === 'True') out.push({ key: `${PREFIX}pid-pressure`, effect: 'NoSchedule' });
  if (status('NetworkUnavailable') === 'True')
    out.push({ key: `${PREFIX}network-unavailable`, effect: 'NoSchedule' });
  if (node.spec?.unschedulable) out.push({ key: `${PREFIX}unschedulable`, effect: 'NoSchedule' });
  return out;
}

const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** When a pod must leave a node with these NoExecute taints (Infinity: never), per its tolerations. */
function evictionDeadline(pod: KubeObject, taints: Taint[]): number {
  const tolerations: Toleration[] = [...(pod.spec?.tolerations ?? [])];
  // What DefaultTolerationSeconds admission adds to every pod that does not say otherwise.
  for (const key of [`${PREFIX}not-ready`, `${PREFIX}unreachable`]) {
    if (!tolerations.some((t) => tolerates(t, { key, effect: 'NoExecute' }))) {
      tolerations.push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_TOLERATION_S,
      });
    }
  }
  let deadline = Number.POSITIVE_INFINITY;
  for (const taint of taints) {
    const added = Date.parse(taint.timeAdded ?? '') || 0;
    const matching = tolerations.filter((t) => tolerates(t, taint));
    if (!matching.length) return added;
    const seconds = Math.min(...matching.map((t) => t.tolerationSeconds ?? Number.POSITIVE_INFINITY));
    deadline = Math.min(deadline, added + Math.max(0, seconds) * 1000);
  }
  return deadline;
}

/**
 * kube-controller-manager's node lifecycle controller: a node whose kubelet stopped renewing its
 * lease for the grace period goes Unknown (NodeStatusUnknown), its pods NotReady; taints follow
 * conditions and cordoning; pods that do not tolerate a NoExecute taint long enough are evicted
 * (TaintManagerEviction) and, their kubelet being gone, removed so their owners replace them.
 */
export const nodeLifecycleController: Controller = {
  name: 'node-lifecycle',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    /** Pods evicted from a node whose kubelet is down: removed once their grace passes. */
    const forced = new Map<string, { namespace: string; name: string; node: string; at: number }>();
    const queue = new WorkQueue('node-lifecycle', clock, (name) => reconcile(name));

    function markUnknown(node: KubeObject, now: number): KubeObject {
      const iso = clock.iso(now);
      const updated = store.mutate(NODES, undefined, node.metadata.name, (draft) => {
        const conditions: Condition[] = draft.status?.conditions ?? [];
        // A kubelet that never posted gets NodeStatusNeverUpdated, one that went silent NodeStatusUnknown.
        const unknown = (type: string, c?: Condition): Condition => ({
          ...c,
          type,
          status: 'Unknown',
          reason: c ? 'NodeStatusUnknown' : 'NodeStatusNeverUpdated',
          message: c ? 'Kubelet stopped posting node status.' : 'Kubelet never posted node status.',
          lastHeartbeatTime: c?.lastHeartbeatTime ?? draft.metadata.creationTimestamp,
          lastTransitionTime: iso,
        });
        draft.status = {
          ...draft.status,
          conditions: [
            ...conditions.filter((c) => !KUBELET_CONDITIONS.includes(c.type)),
            ...KUBELET_CONDITIONS.map((type) => unknown(type, findCondition(conditions, type))),
          ],
        };
      });
      recordEvent(store, {
        involved: updated,
        type: 'Normal',
        reason: 'NodeNotReady',
        message: `Node ${node.metadata.name} status is now: NodeNotReady`,
        component: 'node-controller',
      });
      for (const pod of index.podsOnNode(node.metadata.name)) {
        const ready = findCondition(pod.status?.conditions, 'Ready');
        if (!isActivePod(pod) || ready?.status !== 'True') continue;
        store.mutate(PODS, pod.metadata.namespace, pod.metadata.name, (draft) => {
          draft.status.conditions = draft.status.conditions.map((c: Condition) =>
            c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: iso } : c,
          );
        });
        recordEvent(store, {
          involved: pod,
          type: 'Warning',
          reason: 'NodeNotReady',
          message: 'Node is not ready',
          component: 'node-controller',
        });
      }
      return updated;
    }

    function reconcileTaints(node: KubeObject, now: number): KubeObject {
      const iso = clock.iso(now);
      const current: Taint[] = node.spec?.taints ?? [];
      const wanted = wantedTaints(node, iso).map((t) => current.find((c) => sameTaint(c, t)) ?? t);
      const kept = current.filter((t) => !MANAGED.includes(t.key));
      const next = [...kept, ...wanted];
      if (JSON.stringify(next) === JSON.stringify(current)) return node;
      return store.mutate(NODES, undefined, node.metadata.name, (draft) => {
        draft.spec = { ...draft.spec, taints: next.length ? next : undefined };
        if (!next.length) delete draft.spec.taints;
      });
    }

    function evictIntolerant(node: KubeObject, kubeletUp: boolean, now: number): void {
      const noExecute = (node.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute');
      if (!noExecute.length) return;
      for (const pod of index.podsOnNode(node.metadata.name)) {
        if (!isActivePod(pod) || evictionDeadline(pod, noExecute) > now) continue;
        deletePodGracefully(store, pod);
        recordEvent(store, {
          involved: pod,
          type: 'Normal',
          reason: 'TaintManagerEviction',
          message: `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
          component: 'taint-eviction-controller',
        });
        if (kubeletUp) continue;
        const grace = (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
        forced.set(pod.metadata.uid ?? '', {
          namespace: pod.metadata.namespace ?? 'default',
          name: pod.metadata.name,
          node: node.metadata.name,
          at: now + Math.min(grace, MAX_FORCED_GRACE_MS),
        });
      }
    }

    function removeForced(now: number): void {
      for (const [uid, f] of forced) {
        const pod = store.get(PODS, f.namespace, f.name);
        if (!pod || pod.metadata.uid !== uid || cluster.runtime.nodeHealth(f.node).kubeletUp) {
          forced.delete(uid);
        } else if (now >= f.at) {
          forced.delete(uid);
          store.delete(PODS, f.namespace, f.name);
        }
      }
    }

    function reconcile(name: string): void {
      let node = store.get(NODES, undefined, name);
      if (!node) return;
      const now = clock.now();
      const health = cluster.runtime.nodeHealth(name);
      if (
        store.isFrozen(node) &&
        health.kubeletUp &&
        !health.memoryPressure &&
        !health.diskPressure &&
        !health.pidPressure &&
        !health.networkUnavailable
      )
        return;
      if (!health.kubeletUp && findCondition(node.status?.conditions, 'Ready')?.status !== 'Unknown') {
        const renewed = Date.parse(store.get(LEASES, 'kube-node-lease', name)?.spec?.renewTime ?? '');
        const heartbeat = Date.parse(
          findCondition(node.status?.conditions, 'Ready')?.lastHeartbeatTime ?? '',
        );
        const lastSeen = Math.max(
          Number.isNaN(renewed) ? 0 : renewed,
          Number.isNaN(heartbeat) ? 0 : heartbeat,
        );
        if (now - lastSeen > GRACE_MS) node = markUnknown(node, now);
      }
      node = reconcileTaints(node, now);
      evictIntolerant(node, health.kubeletUp, now);
    }

    function tick(): void {
      for (const node of store.list(NODES)) reconcile(node.metadata.name);
      removeForced(clock.now());
    }

    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind === 'Node' && type !== 'DELETED') queue.add(object.metadata.name);
    });
    const stopTick = clock.every(TICK_MS, tick);
    for (const node of store.list(NODES)) queue.add(node.metadata.name);
    return () => {
      unsubscribe();
      stopTick();
      queue.stop();
    };
  },
};

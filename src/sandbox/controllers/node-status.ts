import { recordEvent } from '../core/events.ts';
import type { NodeHealth } from '../core/runtime.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { LEASES, NAMESPACES, NODES } from './kinds.ts';
import { type Condition, findCondition } from './object-utils.ts';

const TICK_MS = 5_000;
const LEASE_RENEW_MS = 10_000;
/** How often an unchanged node status is posted anyway (its heartbeat). */
const REPORT_MS = 60_000;
const LEASE_NAMESPACE = 'kube-node-lease';
const NODE_CONDITIONS = ['NetworkUnavailable', 'MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];

type Posted = Pick<Condition, 'type' | 'status' | 'reason' | 'message'>;

/** The conditions a kubelet posts for this health, with its reasons and messages. */
function postedConditions(h: NodeHealth): Posted[] {
  const pressure = (type: string, on: boolean, yes: [string, string], no: [string, string]): Posted => ({
    type,
    status: on ? 'True' : 'False',
    reason: on ? yes[0] : no[0],
    message: on ? yes[1] : no[1],
  });
  return [
    h.networkUnavailable
      ? {
          type: 'NetworkUnavailable',
          status: 'True',
          reason: 'NoRouteCreated',
          message: 'Node created without a route',
        }
      : {
          type: 'NetworkUnavailable',
          status: 'False',
          reason: 'RouteCreated',
          message: 'RouteController created a route',
        },
    pressure(
      'MemoryPressure',
      h.memoryPressure,
      ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'],
      ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ),
    pressure(
      'DiskPressure',
      h.diskPressure,
      ['KubeletHasDiskPressure', 'kubelet has disk pressure'],
      ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ),
    pressure(
      'PIDPressure',
      h.pidPressure,
      ['KubeletHasInsufficientPID', 'kubelet has insufficient PID available'],
      ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    ),
    h.networkUnavailable
      ? {
          type: 'Ready',
          status: 'False',
          reason: 'KubeletNotReady',
          message:
            'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
        }
      : { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ];
}

const isHealthy = (h: NodeHealth) =>
  h.kubeletUp && !h.memoryPressure && !h.diskPressure && !h.pidPressure && !h.networkUnavailable;

/** Reason of the `Node x status is now: …` event for a condition that changed. */
function transitionEvent(c: Posted): string | undefined {
  if (c.type === 'Ready') return c.status === 'True' ? 'NodeReady' : 'NodeNotReady';
  if (c.type === 'NetworkUnavailable') return undefined;
  return `Node${c.reason?.replace(/^Kubelet/, '')}`;
}

/**
 * The node side of each kubelet: posts Node conditions from `runtime.nodeHealth` (a heartbeat
 * every minute, at once on change), renews the node's Lease in kube-node-lease, and fills what
 * node registration and IPAM would have (addresses, podCIDR). Nodes whose kubelet is down post
 * nothing; the node lifecycle controller notices.
 */
export const nodeStatusController: Controller = {
  name: 'node-status',
  start({ cluster }: ControllerContext) {
    const { store, clock } = cluster;
    const lastRenew = new Map<string, number>();

    function ensureRegistration(node: KubeObject, all: KubeObject[]): void {
      if (node.spec?.podCIDR && node.status?.addresses?.length) return;
      const used = new Set(all.map((n) => n.spec?.podCIDR).filter(Boolean));
      let n = 0;
      while (used.has(`10.244.${n}.0/24`)) n++;
      const position = all.findIndex((x) => x.metadata.name === node.metadata.name);
      store.mutate(NODES, undefined, node.metadata.name, (draft) => {
        draft.spec ??= {};
        if (!draft.spec.podCIDR) {
          draft.spec.podCIDR = `10.244.${n}.0/24`;
          draft.spec.podCIDRs = [draft.spec.podCIDR];
        }
        draft.status ??= {};
        if (!draft.status.addresses?.length) {
          draft.status.addresses = [
            { address: `172.18.0.${position + 2}`, type: 'InternalIP' },
            { address: node.metadata.name, type: 'Hostname' },
          ];
        }
      });
    }

    function renewLease(node: KubeObject, now: number): void {
      const name = node.metadata.name;
      if (now - (lastRenew.get(name) ?? 0) < LEASE_RENEW_MS) return;
      lastRenew.set(name, now);
      const spec = { holderIdentity: name, leaseDurationSeconds: 40, renewTime: clock.microIso(now) };
      if (store.get(LEASES, LEASE_NAMESPACE, name)) {
        store.mutate(LEASES, LEASE_NAMESPACE, name, (draft) => {
          draft.spec = { ...draft.spec, ...spec };
        });
        return;
      }
      if (!store.get(NAMESPACES, undefined, LEASE_NAMESPACE)) {
        store.create(NAMESPACES, {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: LEASE_NAMESPACE },
          spec: { finalizers: ['kubernetes'] },
          status: { phase: 'Active' },
        });
      }
      store.create(LEASES, {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name,
          namespace: LEASE_NAMESPACE,
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }],
        },
        spec,
      });
    }

    function postStatus(node: KubeObject, health: NodeHealth, now: number): void {
      const iso = clock.iso(now);
      const current: Condition[] = node.status?.conditions ?? [];
      const posted = postedConditions(health);
      const changed = posted.filter((p) => {
        const c = findCondition(current, p.type);
        return !c || c.status !== p.status || c.reason !== p.reason;
      });
      const heartbeat = Math.min(
        ...posted.map((p) => Date.parse(findCondition(current, p.type)?.lastHeartbeatTime ?? '') || 0),
      );
      if (!changed.length && now - heartbeat < REPORT_MS) return;
      const conditions = posted.map((p) => {
        const c = findCondition(current, p.type);
        return {
          ...p,
          lastHeartbeatTime: iso,
          lastTransitionTime: c && c.status === p.status && c.lastTransitionTime ? c.lastTransitionTime : iso,
        };
      });
      const others = current.filter((c) => !NODE_CONDITIONS.includes(c.type));
      store.mutate(NODES, undefined, node.metadata.name, (draft) => {
        draft.status = { ...draft.status, conditions: [...conditions, ...others] };
      });
      for (const p of changed) {
        const reason = findCondition(current, p.type) ? transitionEvent(p) : undefined;
        if (reason)
          recordEvent(store, {
            involved: node,
            type: 'Normal',
            reason,
            message: `Node ${node.metadata.name} status is now: ${reason}`,
            component: 'kubelet',
            host: node.metadata.name,
          });
      }
    }

    function tick(): void {
      const now = clock.now();
      const nodes = store.list(NODES);
      for (const node of nodes) {
        const health = cluster.runtime.nodeHealth(node.metadata.name);
        if (!health.kubeletUp || (store.isFrozen(node) && isHealthy(health))) continue;
        ensureRegistration(node, nodes);
        renewLease(node, now);
        postStatus(store.get(NODES, undefined, node.metadata.name) ?? node, health, now);
      }
    }

    /** kubelet's NodeSchedulable / NodeNotSchedulable events when a node is cordoned or uncordoned. */
    const cordoned = new Map<string, boolean>(
      store.list(NODES).map((n) => [n.metadata.name, Boolean(n.spec?.unschedulable)]),
    );
    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind !== 'Node' || type === 'DELETED') return;
      const now = Boolean(object.spec?.unschedulable);
      const before = cordoned.get(object.metadata.name);
      cordoned.set(object.metadata.name, now);
      if (before === undefined || before === now) return;
      const reason = now ? 'NodeNotSchedulable' : 'NodeSchedulable';
      queueMicrotask(() =>
        recordEvent(store, {
          involved: object,
          type: 'Normal',
          reason,
          message: `Node ${object.metadata.name} status is now: ${reason}`,
          component: 'kubelet',
          host: object.metadata.name,
        }),
      );
    });
    tick();
    const stopTick = clock.every(TICK_MS, tick);
    return () => {
      unsubscribe();
      stopTick();
    };
  },
};

import { parseQuantity } from '../kube/quantity.ts';
import type { Operation } from '../policy/operation.ts';
import type { Kube, ListOptions, ListResult } from './kube.ts';
import { apiVersionOf, TYPES } from './resource-types.ts';
import type { KubeNode } from './wire.ts';

/** A node the way `kubectl get nodes -o wide` shows it, with what is wrong with it. */
export interface NodeSummary {
  name: string;
  /** `Ready`, `NotReady` or `Unknown`. */
  ready: string;
  schedulable: boolean;
  roles: string[];
  version?: string;
  internalIP?: string;
  createdAt?: string;
  cpuCores: number;
  memoryBytes: number;
  /** Pressure conditions that are True, and taints other than the cordon one: `DiskPressure`, `dedicated=gpu:NoSchedule`. */
  problems: string[];
  taints: string[];
}

export function summarizeNode(node: KubeNode): NodeSummary {
  const conditions = node.status?.conditions ?? [];
  const readyCondition = conditions.find((c) => c.type === 'Ready');
  const ready =
    readyCondition?.status === 'True' ? 'Ready' : readyCondition?.status === 'False' ? 'NotReady' : 'Unknown';
  const labels = node.metadata?.labels ?? {};
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  const taints = (node.spec?.taints ?? [])
    .filter((t) => t.key !== 'node.kubernetes.io/unschedulable')
    .map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  const problems = conditions.filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => c.type);
  return {
    name: node.metadata?.name ?? '',
    ready,
    schedulable: !node.spec?.unschedulable,
    roles,
    version: node.status?.nodeInfo?.kubeletVersion,
    internalIP: node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address,
    createdAt: node.metadata?.creationTimestamp,
    cpuCores: parseQuantity(node.status?.allocatable?.cpu) ?? 0,
    memoryBytes: parseQuantity(node.status?.allocatable?.memory) ?? 0,
    problems,
    taints,
  };
}

export const listNodes = (kube: Kube, options: ListOptions = {}): Promise<ListResult<KubeNode>> =>
  kube.list<KubeNode>(TYPES.node, options);

export const getNode = (kube: Kube, name: string): Promise<KubeNode> =>
  kube.get<KubeNode>(TYPES.node, undefined, name);

export const nodeTarget = (kube: Kube, node: KubeNode) => ({
  context: kube.context,
  apiVersion: apiVersionOf(TYPES.node),
  kind: 'Node',
  name: node.metadata?.name ?? '',
  labels: node.metadata?.labels ?? {},
});

/** Mark a node (un)schedulable; `changed` is false when it already was. The inverse is the opposite call. */
export async function cordonOperation(
  kube: Kube,
  name: string,
  unschedulable: boolean,
  requestedBy: string,
): Promise<Operation<{ changed: boolean }>> {
  const node = await getNode(kube, name);
  const target = nodeTarget(kube, node);
  const verb = unschedulable ? 'cordon' : 'uncordon';
  const opposite = unschedulable ? 'uncordon' : 'cordon';
  return {
    mutation: {
      verb,
      target,
      params: {},
      inverse: { verb: opposite, target, params: {}, requestedBy },
      requestedBy,
    },
    async perform(permit) {
      if (Boolean(node.spec?.unschedulable) === unschedulable) return { changed: false };
      await kube.patch(
        permit,
        TYPES.node,
        undefined,
        name,
        { spec: { unschedulable: unschedulable || null } },
        'merge',
      );
      return { changed: true };
    },
  };
}

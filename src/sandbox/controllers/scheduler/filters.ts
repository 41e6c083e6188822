import type { LabelSelector } from '../../../kube/selectors.ts';
import type { ObjectStore } from '../../core/store.ts';
import type { KubeObject } from '../../core/types.ts';
import type { ClusterIndex } from '../cluster-index.ts';
import { NODES, PVCS, PVS, STORAGE_CLASSES } from '../kinds.ts';
import { findCondition } from '../object-utils.ts';
import { isTerminal, podRequests } from '../pod-utils.ts';
import {
  matchesNodeSelectorTerms,
  matchesSelector,
  podMatchesNode,
  type Taint,
  tolerates,
  untoleratedTaint,
} from '../selectors.ts';
import { type NodeInfo, portsConflict } from './node-info.ts';

/** Why one node was rejected; `unresolvable` failures are ones preemption cannot help with. */
export interface NodeFailure {
  reasons: string[];
  unresolvable: boolean;
}

/** Per-pod facts computed once per attempt, shared by every node's filter. */
export interface PodFacts {
  pod: KubeObject;
  /** Topology values where an anti-affinity term forbids the pod, per term. */
  antiAffinity: { topologyKey: string; occupied: Set<string> }[];
  /** Topology values where each required affinity term is satisfied (undefined: satisfied anywhere). */
  affinity: { topologyKey: string; present: Set<string> | undefined }[];
  /** PersistentVolumes the pod's bound claims use (their node affinity must match). */
  volumes: KubeObject[];
}

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** Taints, plus the not-ready taint a node without Ready=True would carry had the node controller seen it. */
function effectiveTaints(node: KubeObject): Taint[] {
  const taints: Taint[] = node.spec?.taints ?? [];
  const ready = findCondition(node.status?.conditions, 'Ready');
  if (ready?.status === 'True' || taints.some((t) => t.key.startsWith('node.kubernetes.io/'))) return taints;
  const key = ready?.status === 'Unknown' ? 'node.kubernetes.io/unreachable' : 'node.kubernetes.io/not-ready';
  return [...taints, { key, effect: 'NoSchedule' }];
}

/** The default filter plugins, in kube-scheduler's order; the first failing plugin decides the node's reasons. */
export function filterNode(facts: PodFacts, info: NodeInfo): NodeFailure | undefined {
  const { pod } = facts;
  const { node } = info;
  const tolerations = pod.spec?.tolerations ?? [];
  if (node.spec?.unschedulable && !tolerations.some((t: any) => tolerates(t, UNSCHEDULABLE_TAINT))) {
    return { reasons: ['node(s) were unschedulable'], unresolvable: true };
  }
  const taint = untoleratedTaint(effectiveTaints(node), tolerations);
  if (taint)
    return {
      reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`],
      unresolvable: true,
    };
  if (!podMatchesNode(pod.spec, node))
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  if (portsConflict(info, pod))
    return { reasons: ["node(s) didn't have free ports for the requested pod ports"], unresolvable: false };
  const fit = resourceFailures(pod, info);
  if (fit.length) return { reasons: fit, unresolvable: false };
  for (const pv of facts.volumes) {
    const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
    if (terms && !matchesNodeSelectorTerms(terms, node))
      return { reasons: ['node(s) had volume node affinity conflict'], unresolvable: true };
  }
  const labels = node.metadata.labels ?? {};
  for (const term of facts.affinity) {
    const value = labels[term.topologyKey];
    if (term.present && (value === undefined || !term.present.has(value))) {
      return { reasons: ["node(s) didn't match pod affinity rules"], unresolvable: true };
    }
  }
  for (const term of facts.antiAffinity) {
    const value = labels[term.topologyKey];
    if (value !== undefined && term.occupied.has(value))
      return { reasons: ["node(s) didn't match pod anti-affinity rules"], unresolvable: false };
  }
  return undefined;
}

function resourceFailures(pod: KubeObject, info: NodeInfo): string[] {
  const r = podRequests(pod.spec);
  const out: string[] = [];
  const used = info.usage.requested;
  if (used.pods + 1 > info.allocatable.pods) out.push('Too many pods');
  if (r.cpu > 0 && used.cpu + r.cpu > info.allocatable.cpu + 1e-9) out.push('Insufficient cpu');
  if (r.memory > 0 && used.memory + r.memory > info.allocatable.memory) out.push('Insufficient memory');
  return out;
}

interface PodAffinityTerm {
  labelSelector?: LabelSelector;
  namespaces?: string[];
  namespaceSelector?: LabelSelector;
  topologyKey: string;
}

/** Topology values (per `topologyKey`) of nodes running a pod that the term selects. */
function domainsOf(
  term: PodAffinityTerm,
  pod: KubeObject,
  store: ObjectStore,
  index: ClusterIndex,
): Set<string> {
  const namespaces = term.namespaces?.length ? term.namespaces : [pod.metadata.namespace ?? 'default'];
  const values = new Set<string>();
  for (const ns of namespaces) {
    for (const other of index.podsInNamespace(ns)) {
      const nodeName = other.spec?.nodeName;
      if (!nodeName || isTerminal(other) || other.metadata.uid === pod.metadata.uid) continue;
      if (!matchesSelector(term.labelSelector, other.metadata.labels)) continue;
      const value = store.get(NODES, undefined, nodeName)?.metadata.labels?.[term.topologyKey];
      if (value !== undefined) values.add(value);
    }
  }
  return values;
}

/** Facts for the pod, or the PreFilter message that rejects it on every node. */
export function podFacts(pod: KubeObject, store: ObjectStore, index: ClusterIndex): PodFacts | string {
  const volumes: KubeObject[] = [];
  for (const volume of pod.spec?.volumes ?? []) {
    const claimName = volume.persistentVolumeClaim?.claimName;
    if (!claimName) continue;
    const pvc = store.get(PVCS, pod.metadata.namespace, claimName);
    if (!pvc) return `persistentvolumeclaim "${claimName}" not found`;
    if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${claimName}" is being deleted`;
    const pv = pvc.spec?.volumeName ? store.get(PVS, undefined, pvc.spec.volumeName) : undefined;
    if (pv && pvc.status?.phase === 'Bound') volumes.push(pv);
    else if (!waitsForFirstConsumer(pvc, store)) return 'pod has unbound immediate PersistentVolumeClaims';
  }
  const affinity = pod.spec?.affinity ?? {};
  const antiTerms: PodAffinityTerm[] =
    affinity.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  const affTerms: PodAffinityTerm[] =
    affinity.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return {
    pod,
    volumes,
    antiAffinity: antiTerms.map((t) => ({
      topologyKey: t.topologyKey,
      occupied: domainsOf(t, pod, store, index),
    })),
    affinity: affTerms.map((t) => {
      const present = domainsOf(t, pod, store, index);
      // The first pod of a group that selects itself may go anywhere.
      const selfMatch = matchesSelector(t.labelSelector, pod.metadata.labels);
      return { topologyKey: t.topologyKey, present: present.size === 0 && selfMatch ? undefined : present };
    }),
  };
}

/** The claim's StorageClass (named, or the default one) binds only once a pod using it is scheduled. */
export function waitsForFirstConsumer(pvc: KubeObject, store: ObjectStore): boolean {
  const name = pvc.spec?.storageClassName;
  const cls =
    name !== undefined && name !== null
      ? store.get(STORAGE_CLASSES, undefined, name)
      : store
          .list(STORAGE_CLASSES)
          .find((c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
  return cls?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** `0/3 nodes are available: … preemption: 0/3 nodes are available: …`, worded and sorted as kube-scheduler does. */
export function failureMessage(
  total: number,
  failures: NodeFailure[],
  preFilter: string | undefined,
  preempt: boolean,
): string {
  if (total === 0) return 'no nodes available to schedule pods';
  const histogram = new Map<string, number>();
  for (const f of failures)
    for (const reason of f.reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  let message = `0/${total} nodes are available:`;
  if (preFilter) message += ` ${preFilter}.`;
  if (histogram.size) message += ` ${sortedCounts(histogram)}.`;
  if (!preempt) return message;
  const preemption = new Map<string, number>();
  const notHelpful = preFilter ? total : failures.filter((f) => f.unresolvable).length;
  if (notHelpful) preemption.set('Preemption is not helpful for scheduling', notHelpful);
  if (total - notHelpful > 0)
    preemption.set('No preemption victims found for incoming pod', total - notHelpful);
  return `${message} preemption: 0/${total} nodes are available: ${sortedCounts(preemption)}.`;
}

const sortedCounts = (histogram: Map<string, number>) =>
  [...histogram]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');

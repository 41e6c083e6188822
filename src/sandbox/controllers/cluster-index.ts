import { RESOURCE_TYPES, type ResourceType, storageKey } from '../core/resources.ts';
import type { ObjectStore, StoreEvent } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';

interface Ref {
  rt: ResourceType;
  namespace: string | undefined;
  name: string;
}

const refKey = (rt: ResourceType, namespace: string | undefined, name: string) =>
  `${storageKey(rt)}|${namespace ?? ''}/${name}`;

/**
 * Lookups every controller needs and the store cannot answer without a full scan: dependents by
 * owner uid, pods by node and pods by namespace. Kept current from store events, synchronously,
 * so a controller processing its queue later always sees the index of the store it reads.
 */
export class ClusterIndex {
  private readonly dependentsByOwner = new Map<string, Map<string, Ref>>();
  private readonly ownersByRef = new Map<string, string[]>();
  private readonly podsByNode = new Map<string, Set<string>>();
  private readonly nodeByPod = new Map<string, string>();
  private readonly podsByNamespace = new Map<string, Set<string>>();

  constructor(private readonly store: ObjectStore) {}

  start(): () => void {
    const seen = new Set<string>();
    for (const rt of RESOURCE_TYPES) {
      if (rt.virtual || rt.kind === 'Event' || seen.has(storageKey(rt))) continue;
      seen.add(storageKey(rt));
      for (const obj of this.store.list(rt))
        this.observe({ type: 'ADDED', rt, object: obj, resourceVersion: 0 });
    }
    return this.store.subscribe((event) => this.observe(event));
  }

  /** Objects of any kind whose ownerReferences name `uid`. */
  dependents(uid: string | undefined, kind?: string): KubeObject[] {
    const refs = uid ? this.dependentsByOwner.get(uid) : undefined;
    if (!refs) return [];
    const out: KubeObject[] = [];
    for (const ref of refs.values()) {
      if (kind && ref.rt.kind !== kind) continue;
      const obj = this.store.get(ref.rt, ref.namespace, ref.name);
      if (obj) out.push(obj);
    }
    return out;
  }

  /** Pods whose controller (or any owner) reference names `uid`. */
  podsOwnedBy(uid: string | undefined): KubeObject[] {
    return this.dependents(uid, 'Pod');
  }

  podsOnNode(node: string): KubeObject[] {
    return this.resolvePods(this.podsByNode.get(node));
  }

  podsInNamespace(namespace: string): KubeObject[] {
    return this.resolvePods(this.podsByNamespace.get(namespace));
  }

  private resolvePods(keys: Set<string> | undefined): KubeObject[] {
    if (!keys) return [];
    const pods: KubeObject[] = [];
    for (const key of keys) {
      const slash = key.indexOf('/');
      const pod = this.store.get(POD, key.slice(0, slash), key.slice(slash + 1));
      if (pod) pods.push(pod);
    }
    return pods;
  }

  private observe({ type, rt, object }: StoreEvent): void {
    if (rt.kind === 'Event') return;
    const { namespace, name } = object.metadata;
    const key = refKey(rt, namespace, name);
    const removed = type === 'DELETED';
    this.indexOwners(key, { rt, namespace, name }, removed ? [] : (object.metadata.ownerReferences ?? []));
    if (rt.kind !== 'Pod' || rt.group !== '') return;
    const podKey = `${namespace}/${name}`;
    const node: string | undefined = removed ? undefined : object.spec?.nodeName;
    const previousNode = this.nodeByPod.get(podKey);
    if (previousNode !== node) {
      if (previousNode) removeFrom(this.podsByNode, previousNode, podKey);
      if (node) addTo(this.podsByNode, node, podKey);
      if (node) this.nodeByPod.set(podKey, node);
      else this.nodeByPod.delete(podKey);
    }
    if (removed) removeFrom(this.podsByNamespace, namespace ?? '', podKey);
    else addTo(this.podsByNamespace, namespace ?? '', podKey);
  }

  private indexOwners(key: string, ref: Ref, ownerRefs: { uid: string }[]): void {
    const previous = this.ownersByRef.get(key);
    const next = ownerRefs.map((o) => o.uid).filter(Boolean);
    if (!previous && next.length === 0) return;
    for (const uid of previous ?? []) {
      if (next.includes(uid)) continue;
      const refs = this.dependentsByOwner.get(uid);
      refs?.delete(key);
      if (refs?.size === 0) this.dependentsByOwner.delete(uid);
    }
    for (const uid of next) {
      let refs = this.dependentsByOwner.get(uid);
      if (!refs) {
        refs = new Map();
        this.dependentsByOwner.set(uid, refs);
      }
      refs.set(key, ref);
    }
    if (next.length) this.ownersByRef.set(key, next);
    else this.ownersByRef.delete(key);
  }
}

const POD = RESOURCE_TYPES.find((t) => t.kind === 'Pod' && t.group === '')!;

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

import { randomBytes, randomUUID } from 'node:crypto';
import type { SimClock } from './clock.ts';
import { ApiError, alreadyExists, conflict, notFound } from './errors.ts';
import { type ResourceType, storageKey } from './resources.ts';
import type { KubeObject, WatchEventType } from './types.ts';

export interface StoreEvent {
  type: WatchEventType;
  rt: ResourceType;
  object: KubeObject;
  resourceVersion: number;
  /** The object before a MODIFIED change: watches with selectors turn "left the selection" into DELETED. */
  previous?: KubeObject;
}

interface Entry {
  obj: KubeObject;
  /** Serialized form, built on first read and dropped on write: LIST of 10k pods stays a string join. */
  json?: string;
}

interface Bucket {
  entries: Map<string, Entry>;
  sorted?: string[];
}

const HISTORY_LIMIT = 10_000;

const keyOf = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;

/** Human-style random suffix used by generateName and controllers (`api-7d4b9c-x2x9q`). */
export const randomSuffix = (length = 5): string => {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
};

/**
 * The cluster's single source of truth: an in-memory object store with resource versions,
 * optimistic concurrency and a bounded history for watch resumption. Objects handed out are
 * shared: callers must not mutate them; use `mutate` or clone, change and `update`.
 */
export class ObjectStore {
  private readonly buckets = new Map<string, Bucket>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly history: StoreEvent[] = [];
  private rv = 1;
  /** uids of snapshot objects whose given status no controller may rewrite until a write touches them. */
  private readonly frozen = new Set<string>();

  constructor(readonly clock: SimClock) {}

  freeze(obj: KubeObject): void {
    if (obj.metadata.uid) this.frozen.add(obj.metadata.uid);
  }

  isFrozen(obj: KubeObject): boolean {
    return this.frozen.size > 0 && this.frozen.has(obj.metadata.uid ?? '');
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** The oldest resource version a watch can resume from. */
  get oldestWatchableVersion(): number {
    return this.history.length ? this.history[0].resourceVersion - 1 : this.rv;
  }

  private bucket(rt: ResourceType): Bucket {
    const key = storageKey(rt);
    let b = this.buckets.get(key);
    if (!b) {
      b = { entries: new Map() };
      this.buckets.set(key, b);
    }
    return b;
  }

  get(rt: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(rt).entries.get(keyOf(rt.namespaced ? namespace : undefined, name))?.obj;
  }

  mustGet(rt: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const obj = this.get(rt, namespace, name);
    if (!obj) throw notFound(resourceName(rt), name, rt.kind);
    return obj;
  }

  /** Objects in key order (namespace, then name); all namespaces when `namespace` is undefined. */
  list(rt: ResourceType, namespace?: string): KubeObject[] {
    return this.listEntries(rt, namespace).map((e) => e.obj);
  }

  /** Like `list`, with each object's cached JSON, for the API server's fast path. */
  listJson(rt: ResourceType, namespace?: string): { obj: KubeObject; json: string }[] {
    return this.listEntries(rt, namespace).map((e) => {
      e.json ??= JSON.stringify(e.obj);
      return e as { obj: KubeObject; json: string };
    });
  }

  json(rt: ResourceType, obj: KubeObject): string {
    const e = this.bucket(rt).entries.get(keyOf(obj.metadata.namespace, obj.metadata.name));
    if (!e || e.obj !== obj) return JSON.stringify(obj);
    e.json ??= JSON.stringify(obj);
    return e.json;
  }

  count(rt: ResourceType): number {
    return this.bucket(rt).entries.size;
  }

  private listEntries(rt: ResourceType, namespace?: string): Entry[] {
    const b = this.bucket(rt);
    b.sorted ??= [...b.entries.keys()].sort();
    const out: Entry[] = [];
    if (namespace === undefined || !rt.namespaced) {
      for (const k of b.sorted) out.push(b.entries.get(k)!);
      return out;
    }
    const prefix = `${namespace}/`;
    for (const k of b.sorted) if (k.startsWith(prefix)) out.push(b.entries.get(k)!);
    return out;
  }

  create(rt: ResourceType, input: KubeObject): KubeObject {
    const obj = structuredClone(input);
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
    if (!rt.namespaced) delete meta.namespace;
    const b = this.bucket(rt);
    const key = keyOf(meta.namespace, meta.name);
    if (b.entries.has(key)) throw alreadyExists(resourceName(rt), meta.name);
    meta.uid ??= randomUUID();
    meta.creationTimestamp ??= this.clock.iso();
    if (obj.spec !== undefined && meta.generation === undefined) meta.generation = 1;
    meta.resourceVersion = String(++this.rv);
    b.entries.set(key, { obj });
    b.sorted = undefined;
    this.emit('ADDED', rt, obj);
    return obj;
  }

  /**
   * Replaces an object. A `resourceVersion` on the input must match the stored one (409 otherwise);
   * uid and creationTimestamp are kept; `generation` moves when `spec` changes.
   */
  update(rt: ResourceType, input: KubeObject): KubeObject {
    const meta = input.metadata;
    const b = this.bucket(rt);
    const key = keyOf(rt.namespaced ? meta.namespace : undefined, meta.name);
    const current = b.entries.get(key);
    if (!current) throw notFound(resourceName(rt), meta.name, rt.kind);
    const old = current.obj;
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(resourceName(rt), meta.name);
    }
    if (meta.uid && meta.uid !== old.metadata.uid) {
      throw new ApiError(
        409,
        'Conflict',
        `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${old.metadata.uid}`,
      );
    }
    const obj = structuredClone(input);
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    if (!rt.namespaced) delete obj.metadata.namespace;
    if (old.metadata.deletionTimestamp) obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
    const specChanged = JSON.stringify(old.spec) !== JSON.stringify(obj.spec);
    obj.metadata.generation =
      (old.metadata.generation ?? (old.spec !== undefined ? 1 : 0)) + (specChanged ? 1 : 0);
    if (!obj.metadata.generation) delete obj.metadata.generation;
    if (
      !specChanged &&
      JSON.stringify(old) ===
        JSON.stringify({
          ...obj,
          metadata: { ...obj.metadata, resourceVersion: old.metadata.resourceVersion },
        })
    ) {
      return old; // no-op writes do not bump resourceVersion, as on a real API server
    }
    obj.metadata.resourceVersion = String(++this.rv);
    this.frozen.delete(old.metadata.uid ?? '');
    current.obj = obj;
    current.json = undefined;
    this.emit('MODIFIED', rt, obj, old);
    return obj;
  }

  /** Read-modify-write of the current object; `change` edits a private copy. */
  mutate(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
    change: (draft: KubeObject) => void,
  ): KubeObject {
    const draft = structuredClone(this.mustGet(rt, namespace, name));
    change(draft);
    return this.update(rt, draft);
  }

  delete(rt: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const b = this.bucket(rt);
    const key = keyOf(rt.namespaced ? namespace : undefined, name);
    const current = b.entries.get(key);
    if (!current) throw notFound(resourceName(rt), name, rt.kind);
    b.entries.delete(key);
    b.sorted = undefined;
    this.frozen.delete(current.obj.metadata.uid ?? '');
    const obj = { ...current.obj, metadata: { ...current.obj.metadata, resourceVersion: String(++this.rv) } };
    this.emit('DELETED', rt, obj);
    return obj;
  }

  /** Subscribes to every change; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes after `resourceVersion`, or undefined when they are no longer kept (the watch gets 410 Gone). */
  eventsSince(resourceVersion: number): StoreEvent[] | undefined {
    if (resourceVersion >= this.rv) return [];
    if (resourceVersion < this.oldestWatchableVersion) return undefined;
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.history[mid].resourceVersion <= resourceVersion) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  private emit(type: WatchEventType, rt: ResourceType, object: KubeObject, previous?: KubeObject): void {
    const event: StoreEvent = {
      type,
      rt,
      object,
      resourceVersion: this.rv,
      ...(previous ? { previous } : {}),
    };
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT * 1.25)
      this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        // A broken controller must not fail the client's write that woke it.
        process.stderr.write(`sandbox: store listener failed: ${(err as Error).stack ?? err}\n`);
      }
    }
  }
}

/** How the real API server names a resource in messages: `pods`, `deployments.apps`. */
export const resourceName = (rt: ResourceType) => (rt.group ? `${rt.plural}.${rt.group}` : rt.plural);

import type { ObjectRef } from '../types.ts';
import { workloadOfPod } from './owners.ts';
import type { K8sObject, KeyedObject, KubeEvent, Pod } from './shapes.ts';

/** A metric value from Prometheus or metrics.k8s.io, named by what it measures (see prometheus.ts). */
export interface Sample {
  signal: string;
  labels: Record<string, string>;
  value: number;
}

/** Log tails keyed by `namespace/pod/container`, for the current and the previous instance. */
export interface PodLogs {
  current?: string[];
  previous?: string[];
}

/** Something the collection could not read: `{ source: 'secrets', reason: 'forbidden', kind: 'Secret' }`. */
export interface Gap {
  source: string;
  reason: string;
  /** The object kind left unread, when the gap is one. */
  kind?: string;
}

export const gapText = (g: Gap) => `${g.source}: ${g.reason}`;

export interface EvidenceInit {
  objects: K8sObject[];
  logs?: Map<string, PodLogs>;
  metrics?: Sample[];
  /** What could not be read and why. */
  gaps?: Gap[];
  /**
   * `wall` (a live cluster): now is the later of the local clock and the newest activity recorded.
   * `capture` (a snapshot): now is the newest activity recorded, the moment the snapshot shows.
   */
  clock?: 'wall' | 'capture';
}

interface KindShapes {
  Pod: Pod;
  Event: KubeEvent;
  Secret: KeyedObject;
  ConfigMap: KeyedObject;
}
export type ShapeOf<K extends string> = K extends keyof KindShapes ? KindShapes[K] : K8sObject;

export const keyOf = (kind: string, namespace: string | undefined, name: string) =>
  `${kind}/${namespace ?? ''}/${name}`;
export const refKey = (ref: ObjectRef) => keyOf(ref.kind, ref.namespace, ref.name);
export const refOf = (obj: K8sObject): ObjectRef =>
  obj.metadata.namespace === undefined
    ? { kind: obj.kind, name: obj.metadata.name }
    : { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name };

const EMPTY: never[] = [];

/**
 * Everything the patterns may look at, read once and indexed: objects by kind and key, events by the
 * object they are about, pods by workload and node, log tails and metric samples. Immutable.
 */
export class Evidence {
  /** Epoch ms the evidence stands for: ages and "ago" are measured from here. */
  readonly now: number;
  /** The newest activity the evidence records (events, container starts and exits, condition changes). */
  readonly latest: number;
  readonly gaps: readonly Gap[];
  private readonly byKind = new Map<string, K8sObject[]>();
  private readonly byNamespace = new Map<string, Map<string | undefined, K8sObject[]>>();
  private readonly byKey = new Map<string, K8sObject>();
  private readonly eventsByObject = new Map<string, KubeEvent[]>();
  private readonly podsByWorkload = new Map<string, Pod[]>();
  private readonly podsByNode = new Map<string, Pod[]>();
  private readonly workloadByPod = new Map<string, ObjectRef | null>();
  private readonly logs: Map<string, PodLogs>;
  private readonly samples = new Map<string, Sample[]>();

  constructor(init: EvidenceInit) {
    for (const obj of init.objects) {
      const list = this.byKind.get(obj.kind);
      if (list) list.push(obj);
      else this.byKind.set(obj.kind, [obj]);
      this.byKey.set(keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name), obj);
    }
    for (const e of this.list('Event')) {
      const about = e.involvedObject ?? e.regarding;
      if (!about?.kind || !about.name) continue;
      const key = keyOf(about.kind, about.namespace ?? e.metadata.namespace, about.name);
      const list = this.eventsByObject.get(key);
      if (list) list.push(e);
      else this.eventsByObject.set(key, [e]);
    }
    for (const list of this.eventsByObject.values()) list.sort((a, b) => eventTime(a) - eventTime(b));
    for (const pod of this.list('Pod')) {
      const workload = workloadOfPod(pod, (kind, ns, name) => this.get(kind, ns, name));
      const podKey = keyOf('Pod', pod.metadata.namespace, pod.metadata.name);
      this.workloadByPod.set(podKey, workload);
      if (workload) push(this.podsByWorkload, refKey(workload), pod);
      if (pod.spec?.nodeName) push(this.podsByNode, pod.spec.nodeName, pod);
    }
    this.logs = init.logs ?? new Map();
    for (const s of init.metrics ?? []) push(this.samples, s.signal, s);
    this.gaps = init.gaps ?? [];
    const newest = newestActivity(init.objects);
    this.latest = newest ?? Date.now();
    this.now = init.clock === 'wall' || newest === undefined ? Math.max(Date.now(), this.latest) : newest;
  }

  list<K extends string>(kind: K, namespace?: string): ShapeOf<K>[] {
    const all = (this.byKind.get(kind) ?? EMPTY) as ShapeOf<K>[];
    if (namespace === undefined) return all;
    let byNs = this.byNamespace.get(kind);
    if (!byNs) {
      byNs = new Map();
      for (const o of all) push(byNs as Map<string, K8sObject[]>, o.metadata.namespace as string, o);
      this.byNamespace.set(kind, byNs);
    }
    return (byNs.get(namespace) ?? EMPTY) as ShapeOf<K>[];
  }

  get<K extends string>(kind: K, namespace: string | undefined, name: string): ShapeOf<K> | undefined {
    return this.byKey.get(keyOf(kind, namespace, name)) as ShapeOf<K> | undefined;
  }

  /** Whether objects of this kind were read at all (a forbidden or skipped kind is unknown, not absent). */
  has(kind: string): boolean {
    return this.byKind.has(kind) || !this.gaps.some((g) => g.kind === kind);
  }

  /** Events about an object, oldest first. */
  eventsFor(ref: ObjectRef): KubeEvent[] {
    return this.eventsByObject.get(refKey(ref)) ?? EMPTY;
  }

  /** The workload at the top of a pod's owner chain, or null for a bare pod. */
  workloadOf(pod: Pod): ObjectRef | null {
    return this.workloadByPod.get(keyOf('Pod', pod.metadata.namespace, pod.metadata.name)) ?? null;
  }

  podsOf(workload: ObjectRef): Pod[] {
    return this.podsByWorkload.get(refKey(workload)) ?? EMPTY;
  }

  podsOn(node: string): Pod[] {
    return this.podsByNode.get(node) ?? EMPTY;
  }

  logsOf(pod: Pod, container: string): PodLogs {
    return this.logs.get(`${pod.metadata.namespace}/${pod.metadata.name}/${container}`) ?? {};
  }

  metrics(signal: string): Sample[] {
    return this.samples.get(signal) ?? EMPTY;
  }

  /**
   * Whether something happened within `windowMs` of the newest recorded activity. Measured against
   * activity rather than the clock, a snapshot taken long ago reads the same as a live cluster; an
   * unknown time counts as recent.
   */
  isRecent(time: number | undefined, windowMs: number): boolean {
    return time === undefined || time >= this.latest - windowMs;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const parseTime = (text: unknown): number | undefined => {
  if (typeof text !== 'string' || !text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
};

export const eventTime = (e: KubeEvent): number =>
  parseTime(e.lastTimestamp) ??
  parseTime(e.eventTime) ??
  parseTime(e.firstTimestamp) ??
  parseTime(e.metadata.creationTimestamp) ??
  0;

const activityOfEvent = (e: KubeEvent) =>
  parseTime(e.lastTimestamp) ?? parseTime(e.eventTime) ?? parseTime(e.firstTimestamp);

/**
 * The newest activity the objects record: event times, container starts and exits, condition
 * transitions and node heartbeats. Creation timestamps do not count: loaders fill them in.
 */
function newestActivity(objects: K8sObject[]): number | undefined {
  let newest: number | undefined;
  const see = (t: number | undefined) => {
    if (t !== undefined && (newest === undefined || t > newest)) newest = t;
  };
  for (const obj of objects) {
    if (obj.kind === 'Event') see(activityOfEvent(obj as KubeEvent));
    for (const c of (obj.status?.conditions ?? []) as {
      lastTransitionTime?: string;
      lastHeartbeatTime?: string;
    }[]) {
      see(parseTime(c.lastTransitionTime));
      see(parseTime(c.lastHeartbeatTime));
    }
    if (obj.kind !== 'Pod') continue;
    for (const s of [
      ...(obj.status?.containerStatuses ?? []),
      ...(obj.status?.initContainerStatuses ?? []),
    ]) {
      for (const state of [s.state, s.lastState]) {
        see(parseTime(state?.running?.startedAt));
        see(parseTime(state?.terminated?.finishedAt));
      }
    }
  }
  return newest;
}

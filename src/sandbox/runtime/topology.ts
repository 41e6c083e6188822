import { rt } from '../core/resources.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { workloadKey } from './effects.ts';

export const DEPENDS_ON = 'sandbox.sre-nanobot.dev/depends-on';

export interface WorkloadRef {
  kind: string;
  namespace: string;
  name: string;
  key: string;
}

export interface ServiceRef {
  namespace: string;
  name: string;
  key: string;
}

export interface Backend {
  workload: WorkloadRef;
  /** The workload's pod template: what its pods run and mount. */
  template: KubeObject;
}

interface PodEntry {
  version: number;
  workload?: WorkloadRef;
  services: ServiceRef[];
}

const POD = rt('Pod');
const SERVICE = rt('Service');
const ENDPOINTS = rt('Endpoints');
const TOPOLOGY_KINDS = new Set(['Service', 'Deployment', 'StatefulSet', 'DaemonSet']);
const TEMPLATE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

export const serviceKey = (namespace: string, name: string) => `${namespace}/${name}`;

const matches = (
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
) => {
  if (!selector || Object.keys(selector).length === 0) return false;
  for (const [k, v] of Object.entries(selector)) if (labels?.[k] !== v) return false;
  return true;
};

export const isPodReady = (pod: KubeObject): boolean =>
  !pod.metadata.deletionTimestamp &&
  (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');

/** `postgres, redis.cache` → service refs; a bare name is in the pod's namespace. */
export function parseDependencies(value: string | undefined, namespace: string): ServiceRef[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [name, ns] = s.split('.');
      const n = ns ?? namespace;
      return { namespace: n, name, key: serviceKey(n, name) };
    });
}

/**
 * Who owns which pod, which services select it, which workload backs a service and who depends on
 * whom. Cached per pod uid and per namespace and invalidated by store events on the kinds that shape
 * the topology, so the runtime answers per-pod questions without scanning the store.
 */
export class Topology {
  private version = 0;
  private readonly pods = new Map<string, PodEntry>();
  private readonly servicesByNamespace = new Map<string, { version: number; services: KubeObject[] }>();
  private readonly backends = new Map<string, { version: number; backend?: Backend }>();
  private dependents?: { version: number; byService: Map<string, Backend[]> };
  /** Spec generations seen, so status-only writes (the bulk of controller traffic) keep the caches. */
  private readonly generations = new Map<string, number | undefined>();
  private readonly unsubscribe: () => void;

  constructor(private readonly store: ObjectStore) {
    this.unsubscribe = store.subscribe((event) => {
      const { metadata } = event.object;
      const uid = metadata.uid ?? '';
      if (TOPOLOGY_KINDS.has(event.rt.kind)) {
        if (event.type === 'DELETED') this.generations.delete(uid);
        else if (
          event.type === 'MODIFIED' &&
          this.generations.has(uid) &&
          this.generations.get(uid) === metadata.generation
        )
          return;
        else this.generations.set(uid, metadata.generation);
        this.version++;
      } else if (event.rt.kind === 'Pod' && event.type === 'DELETED') this.pods.delete(uid);
    });
  }

  close(): void {
    this.unsubscribe();
  }

  private entry(pod: KubeObject): PodEntry {
    const uid = pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
    let entry = this.pods.get(uid);
    if (!entry || entry.version !== this.version) {
      entry = {
        version: this.version,
        workload: entry?.workload ?? this.resolveWorkload(pod),
        services: this.servicesSelecting(pod.metadata.namespace ?? 'default', pod.metadata.labels),
      };
      this.pods.set(uid, entry);
    }
    return entry;
  }

  workloadOf(pod: KubeObject): WorkloadRef | undefined {
    return this.entry(pod).workload;
  }

  servicesOf(pod: KubeObject): ServiceRef[] {
    return this.entry(pod).services;
  }

  private resolveWorkload(pod: KubeObject): WorkloadRef | undefined {
    const namespace = pod.metadata.namespace ?? 'default';
    const owner =
      pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
    if (!owner) return undefined;
    if (owner.kind === 'ReplicaSet') {
      const rs = this.store.get(rt('ReplicaSet'), namespace, owner.name);
      const deployment = rs?.metadata.ownerReferences?.find((o) => o.kind === 'Deployment');
      if (deployment) return ref('Deployment', namespace, deployment.name);
      if (!rs) {
        const hash = pod.metadata.labels?.['pod-template-hash'];
        if (hash && owner.name.endsWith(`-${hash}`))
          return ref('Deployment', namespace, owner.name.slice(0, -hash.length - 1));
      }
    }
    return ref(owner.kind, namespace, owner.name);
  }

  private namespaceServices(namespace: string): KubeObject[] {
    let cached = this.servicesByNamespace.get(namespace);
    if (!cached || cached.version !== this.version) {
      cached = { version: this.version, services: this.store.list(SERVICE, namespace) };
      this.servicesByNamespace.set(namespace, cached);
    }
    return cached.services;
  }

  servicesSelecting(namespace: string, labels: Record<string, string> | undefined): ServiceRef[] {
    return this.namespaceServices(namespace)
      .filter((s) => matches(s.spec?.selector, labels))
      .map((s) => ({ namespace, name: s.metadata.name, key: serviceKey(namespace, s.metadata.name) }));
  }

  /** The workload whose pod template the service selects. */
  backendOf(namespace: string, name: string): Backend | undefined {
    const key = serviceKey(namespace, name);
    const cached = this.backends.get(key);
    if (cached && cached.version === this.version) return cached.backend;
    const service = this.store.get(SERVICE, namespace, name);
    let backend: Backend | undefined;
    for (const kind of TEMPLATE_KINDS) {
      for (const w of service ? this.store.list(rt(kind), namespace) : []) {
        const template = w.spec?.template;
        if (template && matches(service?.spec?.selector, template.metadata?.labels)) {
          backend = { workload: ref(kind, namespace, w.metadata.name), template };
          break;
        }
      }
      if (backend) break;
    }
    this.backends.set(key, { version: this.version, backend });
    return backend;
  }

  /** Workloads whose pod template declares a dependency on the service. */
  dependentsOf(key: string): Backend[] {
    if (!this.dependents || this.dependents.version !== this.version) {
      const byService = new Map<string, Backend[]>();
      for (const kind of TEMPLATE_KINDS) {
        for (const w of this.store.list(rt(kind))) {
          const template = w.spec?.template;
          const namespace = w.metadata.namespace ?? 'default';
          for (const dep of parseDependencies(template?.metadata?.annotations?.[DEPENDS_ON], namespace)) {
            const list = byService.get(dep.key) ?? [];
            list.push({ workload: ref(kind, namespace, w.metadata.name), template });
            byService.set(dep.key, list);
          }
        }
      }
      this.dependents = { version: this.version, byService };
    }
    return this.dependents.byService.get(key) ?? [];
  }

  /**
   * Ready endpoints of a service: the Endpoints object when the endpoints controller keeps one,
   * otherwise the ready pods its selector picks.
   */
  readyEndpoints(namespace: string, name: string): { count: number; pods: KubeObject[] } {
    const endpoints = this.store.get(ENDPOINTS, namespace, name);
    if (endpoints) {
      let count = 0;
      const pods: KubeObject[] = [];
      for (const subset of (endpoints.subsets as any[] | undefined) ?? []) {
        for (const address of subset.addresses ?? []) {
          const target = address.targetRef;
          const pod =
            target?.kind === 'Pod'
              ? this.store.get(POD, target.namespace ?? namespace, target.name)
              : undefined;
          // A terminating pod takes no new connections, whatever the Endpoints object still lists.
          if (pod?.metadata.deletionTimestamp) continue;
          count++;
          if (pod) pods.push(pod);
        }
      }
      return { count, pods };
    }
    const selector = this.store.get(SERVICE, namespace, name)?.spec?.selector;
    const pods = this.store
      .list(POD, namespace)
      .filter((p) => matches(selector, p.metadata.labels) && isPodReady(p));
    return { count: pods.length, pods };
  }
}

const ref = (kind: string, namespace: string, name: string): WorkloadRef => ({
  kind,
  namespace,
  name,
  key: workloadKey(namespace, kind, name),
});

import { setTimeout as sleep } from 'node:timers/promises';
import { deleteOne } from '../api/delete.ts';
import { startControllers } from '../controllers/index.ts';
import { type Cluster, createCluster } from '../core/cluster.ts';
import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { defaultEstate } from '../estate/index.ts';
import { renderMetrics } from '../metrics/index.ts';
import { createSimRuntime, type SimRuntime } from '../runtime/index.ts';
import { isPodReady } from '../runtime/topology.ts';
import { applySnapshot } from '../snapshot/index.ts';
import { FaultManager, type FaultView } from './index.ts';

/**
 * A running demo estate for fault tests, with the remediations an operator would apply written as
 * the store writes kubectl causes (`rollout restart` is the restartedAt annotation, a drain is
 * cordon plus graceful pod deletions, …).
 */

const POD = rt('Pod');
const DEPLOYMENT = rt('Deployment');
const NODE = rt('Node');

export interface Harness {
  cluster: Cluster;
  runtime: SimRuntime;
  faults: FaultManager;
  stop(): void;
  waitFor<T>(what: string, probe: () => T | undefined | false | null, timeoutMs?: number): Promise<T>;
  /** Lets `simSeconds` of simulated time pass. */
  elapse(simSeconds: number): Promise<void>;
  pods(namespace: string, app: string): KubeObject[];
  metrics(): string;
  logs(namespace: string, pod: string, previous?: boolean): string[];
  warnings(namespace: string, reason?: string): KubeObject[];
  fault(id: string): FaultView;
  restart(namespace: string, deployment: string): void;
  scale(kind: 'Deployment' | 'StatefulSet', namespace: string, name: string, replicas: number): void;
  setMainContainer(namespace: string, deployment: string, change: (container: any) => void): void;
  /** `kubectl rollout undo` (to the previous revision, or `toRevision`). */
  rollback(namespace: string, deployment: string, toRevision?: number): void;
  deletePod(namespace: string, name: string): void;
  cordon(node: string, unschedulable?: boolean): void;
  drain(node: string): void;
}

export async function startEstate(options: { speed?: number } = {}): Promise<Harness> {
  const cluster = createCluster({ speed: options.speed ?? 100 });
  const runtime = createSimRuntime(cluster);
  cluster.runtime = runtime;
  const faults = new FaultManager(cluster);
  applySnapshot(cluster, defaultEstate({ now: cluster.clock.now() }), { frozen: false });
  const stopControllers = startControllers(cluster);
  faults.start();
  const { store, clock } = cluster;

  const waitFor = async <T>(what: string, probe: () => T | undefined | false | null, timeoutMs = 15_000) => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false && value !== null) return value as T;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(5);
    }
  };
  const h: Harness = {
    cluster,
    runtime,
    faults,
    stop() {
      faults.stop();
      stopControllers();
      runtime.close();
      clock.stop();
    },
    waitFor,
    async elapse(simSeconds) {
      const until = clock.now() + simSeconds * 1000;
      await waitFor(
        `${simSeconds}s of simulated time`,
        () => clock.now() >= until,
        simSeconds * 1000 + 10_000,
      );
    },
    pods: (namespace, app) =>
      store
        .list(POD, namespace)
        .filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp),
    metrics: () => renderMetrics(cluster, faults),
    logs: (namespace, pod, previous = false) => {
      const container = store.get(POD, namespace, pod)?.spec?.containers?.[0]?.name ?? '';
      return (cluster.logs.read(namespace, pod, container, previous) ?? []).map((l) => l.text);
    },
    warnings: (namespace, reason) =>
      store
        .list(rt('Event'), namespace)
        .filter((e) => e.type === 'Warning' && (!reason || e.reason === reason)),
    fault: (id) => faults.get(id),
    restart(namespace, deployment) {
      store.mutate(DEPLOYMENT, namespace, deployment, (d) => {
        d.spec.template.metadata.annotations = {
          ...(d.spec.template.metadata.annotations ?? {}),
          'kubectl.kubernetes.io/restartedAt': new Date(clock.now()).toISOString(),
        };
      });
    },
    scale(kind, namespace, name, replicas) {
      store.mutate(rt(kind), namespace, name, (d) => {
        d.spec.replicas = replicas;
      });
    },
    setMainContainer(namespace, deployment, change) {
      store.mutate(DEPLOYMENT, namespace, deployment, (d) => change(d.spec.template.spec.containers[0]));
    },
    rollback(namespace, deployment, toRevision) {
      const d = store.mustGet(DEPLOYMENT, namespace, deployment);
      const revision = (o: KubeObject) =>
        Number(o.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
      const sets = store
        .list(rt('ReplicaSet'), namespace)
        .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid))
        .sort((a, b) => revision(b) - revision(a));
      const previous = toRevision === undefined ? sets[1] : sets.find((rs) => revision(rs) === toRevision);
      if (!previous)
        throw new Error(`${deployment} has no revision ${toRevision ?? 'before the current one'}`);
      const template = structuredClone(previous.spec.template);
      delete template.metadata.labels['pod-template-hash'];
      store.mutate(DEPLOYMENT, namespace, deployment, (draft) => {
        draft.spec.template = template;
        const cause = previous.metadata.annotations?.['kubernetes.io/change-cause'];
        const annotations = { ...(draft.metadata.annotations ?? {}) };
        if (cause) annotations['kubernetes.io/change-cause'] = cause;
        else delete annotations['kubernetes.io/change-cause'];
        draft.metadata.annotations = annotations;
      });
    },
    deletePod(namespace, name) {
      const pod = store.get(POD, namespace, name);
      if (pod) deleteOne(cluster, POD, pod, { dryRun: false });
    },
    cordon(node, unschedulable = true) {
      store.mutate(NODE, undefined, node, (n) => {
        n.spec.unschedulable = unschedulable || undefined;
      });
    },
    drain(node) {
      h.cordon(node);
      for (const pod of store.list(POD)) {
        if (pod.spec?.nodeName !== node || pod.metadata.deletionTimestamp) continue;
        if (pod.metadata.ownerReferences?.some((o) => o.kind === 'DaemonSet')) continue;
        deleteOne(cluster, POD, pod, { dryRun: false });
      }
    },
  };
  await waitFor('the estate to come up', () => settled(cluster), 20_000);
  return h;
}

/** Every workload has all its replicas ready. */
function settled(cluster: Cluster): boolean {
  const { store } = cluster;
  for (const kind of ['Deployment', 'StatefulSet']) {
    for (const w of store.list(rt(kind))) {
      const desired = w.spec?.replicas ?? 1;
      const pods = store
        .list(POD, w.metadata.namespace)
        .filter((p) => p.metadata.labels?.app === w.metadata.name && !p.metadata.deletionTimestamp);
      if (pods.length !== desired || !pods.every(isPodReady)) return false;
    }
  }
  return true;
}

/** The value of the first sample of `name` whose labels include every given pair. */
export function sample(text: string, name: string, match: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(match).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((w) => line.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

/** The q-quantile of a service's request latency between two renders, from its histogram buckets. */
export function histogramQuantile(
  before: string,
  after: string,
  namespace: string,
  service: string,
  q: number,
): number {
  const buckets = (text: string) =>
    text
      .split('\n')
      .filter((l) =>
        l.startsWith(`http_request_duration_seconds_bucket{namespace="${namespace}",service="${service}",`),
      )
      .map((l) => ({
        le: Number(/le="([^"]+)"/.exec(l)![1].replace('+Inf', 'Infinity')),
        n: Number(l.split(' ').pop()),
      }));
  const a = buckets(before);
  const b = buckets(after);
  const total = b[b.length - 1].n - a[a.length - 1].n;
  if (total <= 0) return Number.NaN;
  for (let i = 0; i < b.length; i++) if ((b[i].n - a[i].n) / total >= q) return b[i].le;
  return Number.POSITIVE_INFINITY;
}

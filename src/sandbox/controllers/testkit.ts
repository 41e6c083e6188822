/** Shared helpers for the controller tests: a fast cluster with seeded nodes, manifests, polling. */
import { type Cluster, createCluster } from '../core/cluster.ts';
import { healthyRuntime, type Runtime } from '../core/runtime.ts';
import type { KubeObject } from '../core/types.ts';
import { startControllers } from './index.ts';
import { EVENTS, NAMESPACES, NODES, PODS } from './kinds.ts';

export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
}

export function makeNode(name: string, o: NodeOptions = {}): KubeObject {
  const resources = { cpu: o.cpu ?? '4', memory: o.memory ?? '16Gi', pods: o.pods ?? '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...o.labels } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: resources, allocatable: resources },
  };
}

export interface TestCluster {
  cluster: Cluster;
  stop(): void;
}

/** A cluster at `speed` (default 50×) with nodes `node-1..n` (or the given ones) and all controllers running. */
export function startTestCluster(
  options: {
    speed?: number;
    runtime?: Partial<Runtime>;
    nodes?: number | KubeObject[];
    /** Runs before the controllers start: seeds (and freezes) snapshot-like objects. */
    seed?: (cluster: Cluster) => void;
  } = {},
): TestCluster {
  const cluster = createCluster({
    speed: options.speed ?? 50,
    runtime: { ...healthyRuntime, ...options.runtime },
  });
  cluster.store.create(NAMESPACES, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'default' },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
  const nodes = Array.isArray(options.nodes)
    ? options.nodes
    : Array.from({ length: options.nodes ?? 3 }, (_, i) => makeNode(`node-${i + 1}`));
  for (const node of nodes) cluster.store.create(NODES, node);
  options.seed?.(cluster);
  const stopControllers = startControllers(cluster);
  return {
    cluster,
    stop() {
      stopControllers();
      cluster.clock.stop();
    },
  };
}

/** Polls `probe` every few real ms until it returns something truthy, or fails after `timeoutMs` real ms. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = probe();
      if (value) return value;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface ContainerOptions {
  name?: string;
  image?: string;
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  readinessProbe?: object;
  livenessProbe?: object;
  env?: object[];
  ports?: object[];
}

export function container(o: ContainerOptions = {}): any {
  const resources = {
    ...(o.requests ? { requests: o.requests } : {}),
    ...(o.limits ? { limits: o.limits } : {}),
  };
  return {
    name: o.name ?? 'app',
    image: o.image ?? 'nginx:1.25',
    ...(Object.keys(resources).length ? { resources } : {}),
    ...(o.readinessProbe ? { readinessProbe: o.readinessProbe } : {}),
    ...(o.livenessProbe ? { livenessProbe: o.livenessProbe } : {}),
    ...(o.env ? { env: o.env } : {}),
    ...(o.ports ? { ports: o.ports } : {}),
  };
}

export function deployment(
  name: string,
  o: {
    replicas?: number;
    podSpec?: object;
    strategy?: object;
    namespace?: string;
    minReadySeconds?: number;
  } = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: o.namespace ?? 'default' },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      ...(o.strategy ? { strategy: o.strategy } : {}),
      ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
      template: { metadata: { labels: { app: name } }, spec: o.podSpec ?? { containers: [container()] } },
    },
  };
}

export const podsOf = (cluster: Cluster, prefix: string, namespace = 'default') =>
  cluster.store.list(PODS, namespace).filter((p) => p.metadata.name.startsWith(`${prefix}-`));

export const runningReady = (pod: KubeObject) =>
  pod.status?.phase === 'Running' &&
  pod.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True');

export const eventsFor = (cluster: Cluster, name: string, reason?: string) =>
  cluster.store
    .list(EVENTS)
    .filter((e) => (e.involvedObject as any)?.name === name && (!reason || e.reason === reason));

export const containerStatus = (pod: KubeObject | undefined, name = 'app') =>
  pod?.status?.containerStatuses?.find((c: any) => c.name === name);

/** A bare pod (no owner) as a user would create it. */
export function pod(name: string, spec: object, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app: name } }, spec };
}

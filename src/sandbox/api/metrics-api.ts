import { formatKibibytes, formatNanoCores } from '../../kube/quantity.ts';
import { parseTime } from '../core/clock.ts';
import type { Cluster } from '../core/cluster.ts';
import { ApiError } from '../core/errors.ts';
import { type ResourceType, rt as typeOf } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { isRecord } from './decode.ts';
import { fieldPredicate } from './field-selectors.ts';
import { queryBool, type RequestContext, sendJson } from './http.ts';
import { methodNotAllowed } from './object-handlers.ts';
import { labelPredicate } from './selectors.ts';

const API_VERSION = 'metrics.k8s.io/v1beta1';
/** What the node's own processes (kubelet, runtime, OS) use on top of its pods. */
const NODE_OVERHEAD = { cpuCores: 0.08, memoryBytes: 600 * 1024 * 1024 };

interface Usage {
  cpuCores: number;
  memoryBytes: number;
}

/** Per-container usage of a running pod, from the runtime; undefined for pods not running. */
function podUsage(
  cluster: Cluster,
  pod: KubeObject,
  now: number,
): { name: string; usage: Usage }[] | undefined {
  if (pod.status?.phase !== 'Running') return undefined;
  const statuses: unknown[] = Array.isArray(pod.status?.containerStatuses)
    ? pod.status.containerStatuses
    : [];
  const containers: unknown[] = Array.isArray(pod.spec?.containers) ? pod.spec.containers : [];
  const out: { name: string; usage: Usage }[] = [];
  for (const container of containers) {
    if (!isRecord(container)) continue;
    const status = statuses.find((s) => isRecord(s) && s.name === container.name) as
      | Record<string, any>
      | undefined;
    if (statuses.length && !status?.state?.running) continue;
    const startedAt =
      parseTime(status?.state?.running?.startedAt) ?? parseTime(pod.metadata.creationTimestamp) ?? now;
    out.push({ name: String(container.name), usage: cluster.runtime.usage(pod, container, startedAt, now) });
  }
  return out;
}

const formatUsage = (u: Usage) => ({
  cpu: formatNanoCores(u.cpuCores),
  memory: formatKibibytes(u.memoryBytes),
});

const nodeUp = (cluster: Cluster, nodeName: unknown) =>
  typeof nodeName !== 'string' || cluster.runtime.nodeHealth(nodeName).kubeletUp;

function podMetrics(cluster: Cluster, pods: KubeObject[], now: number) {
  const items = [];
  for (const pod of pods) {
    if (!nodeUp(cluster, pod.spec?.nodeName)) continue;
    const containers = podUsage(cluster, pod, now);
    if (!containers) continue;
    items.push({
      kind: 'PodMetrics',
      apiVersion: API_VERSION,
      metadata: {
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        creationTimestamp: cluster.clock.iso(now),
        labels: pod.metadata.labels ?? {},
      },
      timestamp: cluster.clock.iso(now - 15_000),
      window: '15.006s',
      containers: containers.map((c) => ({ name: c.name, usage: formatUsage(c.usage) })),
    });
  }
  return items;
}

function nodeMetrics(cluster: Cluster, nodes: KubeObject[], now: number) {
  const wanted = new Set(nodes.map((n) => n.metadata.name));
  const totals = new Map<string, Usage>();
  for (const pod of cluster.store.list(typeOf('Pod'))) {
    const nodeName = pod.spec?.nodeName;
    if (!wanted.has(nodeName)) continue;
    const total = totals.get(nodeName) ?? { ...NODE_OVERHEAD };
    for (const c of podUsage(cluster, pod, now) ?? []) {
      total.cpuCores += c.usage.cpuCores;
      total.memoryBytes += c.usage.memoryBytes;
    }
    totals.set(nodeName, total);
  }
  return nodes
    .filter((node) => nodeUp(cluster, node.metadata.name))
    .map((node) => ({
      kind: 'NodeMetrics',
      apiVersion: API_VERSION,
      metadata: {
        name: node.metadata.name,
        creationTimestamp: cluster.clock.iso(now),
        labels: node.metadata.labels ?? {},
      },
      timestamp: cluster.clock.iso(now - 20_000),
      window: '20.029s',
      usage: formatUsage(totals.get(node.metadata.name) ?? NODE_OVERHEAD),
    }));
}

/** metrics.k8s.io/v1beta1: computed on every read, as metrics-server would serve them (`kubectl top`). */
export function handleMetrics(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
  name?: string,
) {
  if (ctx.method !== 'GET' || queryBool(ctx.query, 'watch')) throw methodNotAllowed();
  const { cluster } = ctx;
  const source = typeOf(rt.kind === 'PodMetrics' ? 'Pod' : 'Node');
  let objects =
    name !== undefined
      ? [cluster.store.get(source, namespace, name)].filter((o) => o !== undefined)
      : cluster.store.list(source, namespace);
  const label = labelPredicate(ctx.query.get('labelSelector'));
  const field = fieldPredicate(rt, ctx.query.get('fieldSelector'));
  objects = objects.filter((o) => (!label || label(o)) && (!field || field(o)));
  const now = cluster.clock.now();
  const items =
    rt.kind === 'PodMetrics' ? podMetrics(cluster, objects, now) : nodeMetrics(cluster, objects, now);
  if (name === undefined) {
    sendJson(ctx.res, 200, { kind: `${rt.kind}List`, apiVersion: API_VERSION, metadata: {}, items });
    return;
  }
  if (!items.length) {
    const shown = namespace ? `${namespace}/${name}` : name;
    throw new ApiError(404, 'NotFound', `${rt.kind.toLowerCase()}.metrics.k8s.io "${shown}" not found`, {
      name,
      group: 'metrics.k8s.io',
      kind: rt.plural,
    });
  }
  sendJson(ctx.res, 200, items[0]);
}

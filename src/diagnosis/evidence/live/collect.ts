import type { Gap, PodLogs, Sample } from '../evidence.ts';
import type { ObjectsSource } from '../from-objects.ts';
import { LIMITS, tail } from '../limits.ts';
import type { K8sObject, Pod } from '../shapes.ts';
import { ApiStatusError, type KubeReader, UnreachableError } from './client.ts';
import { type LogTarget, pickLogTargets } from './log-targets.ts';
import { podMetricSamples } from './pod-metrics.ts';
import { CLUSTER_DNS_LISTS, RESOURCES, type ResourceList } from './resources.ts';

interface ListBody {
  items?: K8sObject[];
  metadata?: { continue?: string };
}

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

const why = (err: unknown) =>
  err instanceof ApiStatusError
    ? err.status === 403
      ? 'forbidden'
      : err.status === 404
        ? 'not served by this cluster'
        : `HTTP ${err.status}`
    : (err as Error).message;

/**
 * Reads a live cluster into the same shape snapshot files give: every kind of RESOURCES (in the
 * namespaces asked, or all), the cluster DNS, pod metrics when metrics-server runs, and log tails of
 * the pods that look unhealthy plus one pod per healthy workload. `nodes` (a node alert) reads, instead
 * of namespaces, the pods those nodes run and the events about them. A kind that cannot be read
 * becomes a gap; an unreachable API server throws UnreachableError.
 */
export async function collectCluster(
  reader: KubeReader,
  namespaces: string[] | 'all',
  nodes: string[] = [],
): Promise<ObjectsSource> {
  const started = Date.now();
  const gaps: Gap[] = [];
  const objects: K8sObject[] = [];
  const metrics: Sample[] = [];
  const list = async (r: ResourceList, path: string) => {
    try {
      const body = await reader.getJson<ListBody>(path);
      const items = (body.items ?? []).map((o) => ({ ...o, kind: r.kind }));
      if (body.metadata?.continue)
        gaps.push({ source: r.plural, reason: `only the first ${items.length} read` });
      return items;
    } catch (err) {
      if (err instanceof UnreachableError) throw err;
      if (!(r.optional && err instanceof ApiStatusError && err.status === 404))
        gaps.push({
          source: r.kind === 'PodMetrics' ? 'metrics.k8s.io' : r.plural,
          reason: why(err),
          kind: r.kind,
        });
      return [];
    }
  };
  const tasks: (() => Promise<K8sObject[]>)[] = [];
  for (const r of RESOURCES) {
    for (const query of r.queries ?? ['']) {
      const q = query ? `?${query}` : '';
      if (r.cluster || namespaces === 'all') tasks.push(() => list(r, `${r.api}/${r.plural}${q}`));
      else
        for (const ns of namespaces)
          tasks.push(() => list(r, `${r.api}/namespaces/${encodeURIComponent(ns)}/${r.plural}${q}`));
    }
  }
  for (const node of nodes) {
    const on = encodeURIComponent(node);
    tasks.push(() =>
      list({ kind: 'Pod', api: '', plural: 'pods' }, `/api/v1/pods?fieldSelector=spec.nodeName%3D${on}`),
    );
    tasks.push(() =>
      list(
        { kind: 'Event', api: '', plural: 'events' },
        `/api/v1/events?fieldSelector=involvedObject.kind%3DNode,involvedObject.name%3D${on}`,
      ),
    );
  }
  if (namespaces !== 'all' && !namespaces.includes('kube-system')) {
    for (const d of CLUSTER_DNS_LISTS)
      tasks.push(() => list({ kind: d.kind, api: '', plural: d.kind.toLowerCase() }, d.path));
  }
  const lists = await pool(tasks, LIMITS.concurrency);
  const readable = RESOURCES.filter((r) => !r.optional).length;
  if (gaps.filter((g) => g.kind).length >= readable && !lists.some((l) => l.length)) {
    const reasons = [...new Set(gaps.map((g) => g.reason))].join(', ');
    throw new UnreachableError(
      `the Kubernetes API at ${reader.server} refused every read (${reasons}); check the credentials of the context`,
    );
  }
  // A pod can come twice (a node's pods and the cluster DNS): keep one.
  const seen = new Set<string>();
  for (const items of lists) {
    for (const obj of items) {
      if (obj.kind === 'PodMetrics') {
        metrics.push(...podMetricSamples(obj));
        continue;
      }
      const key = `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      objects.push(obj);
    }
  }
  const pods = objects.filter((o): o is Pod => o.kind === 'Pod');
  const logs = await readLogs(
    reader,
    pickLogTargets(pods, unreachableNodes(objects.filter((o) => o.kind === 'Node'))),
    gaps,
    started + LIMITS.collectMs,
  );
  return { objects, logs, metrics, gaps, namespaces, clock: 'wall', scoped: true };
}

/** Nodes whose kubelet does not answer: reading a pod log there hangs until the API server gives up. */
function unreachableNodes(nodes: K8sObject[]): Set<string> {
  const down = new Set<string>();
  for (const n of nodes) {
    const ready = ((n.status?.conditions ?? []) as { type: string; status: string }[]).find(
      (c) => c.type === 'Ready',
    );
    if (ready && ready.status !== 'True') down.add(n.metadata.name);
  }
  return down;
}

/** Reads log tails, 16 at a time, until the collection's deadline; what is left unread becomes a gap. */
async function readLogs(
  reader: KubeReader,
  targets: LogTarget[],
  gaps: Gap[],
  deadline: number,
): Promise<Map<string, PodLogs>> {
  const logs = new Map<string, PodLogs>();
  let failures = 0;
  let skipped = 0;
  await pool(
    targets.map((t) => async () => {
      if (Date.now() > deadline) {
        skipped++;
        return;
      }
      const ns = t.pod.metadata.namespace ?? 'default';
      const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(t.pod.metadata.name)}/log?container=${encodeURIComponent(t.container)}&tailLines=${LIMITS.logLines}&limitBytes=${LIMITS.logBytes}${t.previous ? '&previous=true' : ''}`;
      try {
        const text = await reader.getText(path);
        const key = `${ns}/${t.pod.metadata.name}/${t.container}`;
        const entry = logs.get(key) ?? {};
        entry[t.previous ? 'previous' : 'current'] = tail(text);
        logs.set(key, entry);
      } catch (err) {
        if (err instanceof UnreachableError) throw err;
        // A container that never ran has no log (400); that is an answer, not a gap.
        if (!(err instanceof ApiStatusError && err.status === 400)) failures++;
      }
    }),
    LIMITS.concurrency,
  );
  if (failures)
    gaps.push({ source: 'pod logs', reason: `${failures} of ${targets.length} log reads failed` });
  if (skipped)
    gaps.push({
      source: 'pod logs',
      reason: `${skipped} of ${targets.length} not read within ${LIMITS.collectMs} ms`,
    });
  return logs;
}

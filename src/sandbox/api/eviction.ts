import { matchesSelector } from '../../kube/selectors.ts';
import type { Cluster } from '../core/cluster.ts';
import { ApiError, badRequest } from '../core/errors.ts';
import { findStoredKind, type ResourceType, rt as typeOf } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { isRecord, readObject } from './decode.ts';
import { deleteOne } from './delete.ts';
import { isDryRun, type RequestContext, sendJson } from './http.ts';
import { getStored, methodNotAllowed } from './object-handlers.ts';

const isReady = (pod: KubeObject) =>
  Array.isArray(pod.status?.conditions) &&
  pod.status.conditions.some((c: unknown) => isRecord(c) && c.type === 'Ready' && c.status === 'True');

/** Pods that are not running (or already going) never count against a budget. */
const ignoresBudget = (pod: KubeObject) =>
  Boolean(pod.metadata.deletionTimestamp) || ['Succeeded', 'Failed', 'Pending'].includes(pod.status?.phase);

/** How many pods the budget's pods' controllers want: their replicas, or the pod itself when it has none. */
function expectedCount(cluster: Cluster, pods: KubeObject[]): number {
  const owners = new Map<string, number>();
  let loose = 0;
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    const type = ref ? findStoredKind(ref.kind) : undefined;
    const owner = ref && type ? cluster.store.get(type, pod.metadata.namespace, ref.name) : undefined;
    if (!ref || !owner || typeof owner.spec?.replicas !== 'number') loose++;
    else owners.set(ref.uid, owner.spec.replicas);
  }
  return loose + [...owners.values()].reduce((a, b) => a + b, 0);
}

const resolve = (value: unknown, total: number) =>
  typeof value === 'string' && value.endsWith('%')
    ? Math.ceil((total * Number(value.slice(0, -1))) / 100)
    : Number(value);

function checkBudget(cluster: Cluster, pdb: KubeObject, pod: KubeObject): void {
  const selected = cluster.store
    .list(typeOf('Pod'), pod.metadata.namespace)
    .filter((p) => !p.metadata.deletionTimestamp && matchesSelector(pdb.spec?.selector, p.metadata.labels));
  const healthy = selected.filter(isReady).length;
  const expected = expectedCount(cluster, selected);
  const { minAvailable, maxUnavailable } = pdb.spec ?? {};
  let desired = 0;
  if (minAvailable !== undefined) desired = resolve(minAvailable, expected);
  else if (maxUnavailable !== undefined) desired = expected - resolve(maxUnavailable, expected);
  const allowed = isReady(pod) ? healthy - 1 >= desired : healthy >= desired;
  if (allowed) return;
  throw new ApiError(
    429,
    'TooManyRequests',
    "Cannot evict pod as it would violate the pod's disruption budget.",
    {
      causes: [
        {
          reason: 'DisruptionBudget',
          message: `The disruption budget ${pdb.metadata.name} needs ${desired} healthy pods and has ${healthy} currently`,
        },
      ],
    },
  );
}

/** `pods/eviction`: a delete that respects PodDisruptionBudgets (`kubectl drain`). */
export async function handleEviction(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
) {
  if (ctx.method !== 'POST') throw methodNotAllowed();
  const eviction = await readObject(ctx, 'Eviction', 'v1');
  const evictionName = isRecord(eviction.metadata) ? eviction.metadata.name : undefined;
  if (evictionName !== undefined && evictionName !== name)
    throw badRequest('name in URL does not match name in Eviction object');
  const pod = getStored(ctx, rt, namespace, name);
  const options = isRecord(eviction.deleteOptions) ? eviction.deleteOptions : {};
  if (!ignoresBudget(pod)) {
    const budgets = ctx.cluster.store
      .list(typeOf('PodDisruptionBudget'), namespace)
      .filter((pdb) => matchesSelector(pdb.spec?.selector, pod.metadata.labels));
    if (budgets.length > 1) {
      throw new ApiError(
        500,
        'InternalError',
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      );
    }
    if (budgets.length === 1) checkBudget(ctx.cluster, budgets[0], pod);
  }
  const grace = options.gracePeriodSeconds;
  deleteOne(ctx.cluster, rt, pod, {
    gracePeriodSeconds:
      typeof grace === 'number' && Number.isSafeInteger(grace) ? Math.max(grace, 0) : undefined,
    dryRun: isDryRun(ctx.query) || (Array.isArray(options.dryRun) && options.dryRun.includes('All')),
  });
  sendJson(ctx.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

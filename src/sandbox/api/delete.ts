import type { Cluster } from '../core/cluster.ts';
import { ApiError, badRequest, invalid } from '../core/errors.ts';
import { apiVersionOf, RESOURCE_TYPES, type ResourceType, storageKey } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { admitDelete, isUndeletableNamespace } from './admission.ts';
import { unsupported } from './causes.ts';
import { isRecord, readObject } from './decode.ts';
import { isDryRun, queryInt, type RequestContext, sendJson } from './http.ts';
import { selectionOf } from './list.ts';
import { getStored, methodNotAllowed } from './object-handlers.ts';
import { objectJson } from './render.ts';
import { storedTypeOf } from './versions.ts';

export type Propagation = 'Orphan' | 'Background' | 'Foreground';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: Propagation;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
}

const POLICIES: Propagation[] = ['Foreground', 'Background', 'Orphan'];
/** Kinds whose DELETE answers the object itself; the rest answer a Success Status, as on a real server. */
const RETURNS_DELETED_OBJECT = new Set([
  'Pod',
  'Service',
  'Namespace',
  'PersistentVolume',
  'PersistentVolumeClaim',
]);

/** DeleteOptions from the body (kubectl sends `{"propagationPolicy":"Background"}`) or the query. */
export async function deleteOptionsOf(ctx: RequestContext): Promise<DeleteOptions> {
  const body = await readObject(ctx, 'DeleteOptions', 'v1', true);
  const grace = body.gracePeriodSeconds ?? queryInt(ctx.query, 'gracePeriodSeconds');
  if (grace !== undefined && grace !== null && !Number.isSafeInteger(grace)) {
    throw badRequest(
      'json: cannot unmarshal into Go struct field DeleteOptions.gracePeriodSeconds of type int64',
    );
  }
  const orphan = body.orphanDependents ?? (ctx.query.get('orphanDependents') === 'true' ? true : undefined);
  const policy =
    body.propagationPolicy ?? ctx.query.get('propagationPolicy') ?? (orphan === true ? 'Orphan' : undefined);
  if (policy !== undefined && policy !== '' && !POLICIES.includes(policy as Propagation)) {
    throw invalid('DeleteOptions', '', [unsupported('propagationPolicy', policy, POLICIES)]);
  }
  const preconditions = isRecord(body.preconditions) ? body.preconditions : undefined;
  const dryRun = isDryRun(ctx.query) || (Array.isArray(body.dryRun) && body.dryRun.includes('All'));
  return {
    gracePeriodSeconds: typeof grace === 'number' ? (grace < 0 ? 1 : grace) : undefined,
    propagationPolicy: policy ? (policy as Propagation) : undefined,
    preconditions: preconditions as DeleteOptions['preconditions'],
    dryRun,
  };
}

function checkPreconditions(obj: KubeObject, preconditions: DeleteOptions['preconditions']): void {
  const { uid, resourceVersion } = preconditions ?? {};
  if (uid && uid !== obj.metadata.uid) {
    throw new ApiError(
      409,
      'Conflict',
      `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${obj.metadata.uid}`,
    );
  }
  if (resourceVersion && resourceVersion !== obj.metadata.resourceVersion) {
    throw new ApiError(
      409,
      'Conflict',
      `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`,
    );
  }
}

/** Strips owner references to `owner` from its dependents, so the garbage collector leaves them be. */
function orphanDependents(cluster: Cluster, owner: KubeObject): void {
  const { uid, namespace } = owner.metadata;
  const seen = new Set<string>();
  for (const type of RESOURCE_TYPES) {
    if (type.virtual || seen.has(storageKey(type)) || (namespace && !type.namespaced)) continue;
    seen.add(storageKey(type));
    for (const obj of cluster.store.list(type, namespace)) {
      if (!obj.metadata.ownerReferences?.some((ref) => ref.uid === uid)) continue;
      cluster.store.mutate(type, obj.metadata.namespace, obj.metadata.name, (draft) => {
        const kept = (draft.metadata.ownerReferences ?? []).filter((ref) => ref.uid !== uid);
        if (kept.length) draft.metadata.ownerReferences = kept;
        else delete draft.metadata.ownerReferences;
      });
    }
  }
}

const markDeleted = (
  cluster: Cluster,
  rt: ResourceType,
  obj: KubeObject,
  graceSeconds: number,
  extra?: (d: KubeObject) => void,
) =>
  cluster.store.mutate(rt, obj.metadata.namespace, obj.metadata.name, (draft) => {
    draft.metadata.deletionTimestamp = cluster.clock.iso(cluster.clock.now() + graceSeconds * 1000);
    draft.metadata.deletionGracePeriodSeconds = graceSeconds;
    extra?.(draft);
  });

/** Deletes one object the way the real registry does; `removed` says whether it is gone already. */
export function deleteOne(cluster: Cluster, rt: ResourceType, obj: KubeObject, options: DeleteOptions) {
  if (options.dryRun) return { object: obj, removed: false };
  if (options.propagationPolicy === 'Orphan') orphanDependents(cluster, obj);
  const { namespace, name, finalizers, deletionTimestamp } = obj.metadata;
  if (rt.kind === 'Namespace') {
    if (deletionTimestamp) return { object: obj, removed: false };
    if (finalizers?.length || obj.spec?.finalizers?.length) {
      const object = markDeleted(cluster, rt, obj, 0, (d) => {
        d.status = { ...(isRecord(d.status) ? d.status : {}), phase: 'Terminating' };
      });
      return { object, removed: false };
    }
  }
  let grace = 0;
  if (rt.kind === 'Pod') {
    const terminal = obj.status?.phase === 'Succeeded' || obj.status?.phase === 'Failed';
    grace = options.gracePeriodSeconds ?? obj.spec?.terminationGracePeriodSeconds ?? 30;
    if (!obj.spec?.nodeName || terminal) grace = 0;
    if (deletionTimestamp && grace > 0) return { object: obj, removed: false };
  }
  if (finalizers?.length) {
    if (deletionTimestamp) return { object: obj, removed: false };
    return { object: markDeleted(cluster, rt, obj, grace), removed: false };
  }
  if (grace > 0) return { object: markDeleted(cluster, rt, obj, grace), removed: false };
  return { object: cluster.store.delete(rt, namespace, name), removed: true };
}

function successStatus(rt: ResourceType, obj: KubeObject) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name: obj.metadata.name,
      ...(rt.group ? { group: rt.group } : {}),
      kind: rt.plural,
      uid: obj.metadata.uid,
    },
  };
}

export async function handleDelete(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
) {
  const options = await deleteOptionsOf(ctx);
  admitDelete(rt, name);
  const stored = getStored(ctx, rt, namespace, name);
  checkPreconditions(stored, options.preconditions);
  const { object, removed } = deleteOne(ctx.cluster, storedTypeOf(rt), stored, options);
  if (removed && !RETURNS_DELETED_OBJECT.has(rt.kind)) sendJson(ctx.res, 200, successStatus(rt, object));
  else sendJson(ctx.res, 200, objectJson(ctx.cluster.store, rt, object));
}

export async function handleDeleteCollection(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
) {
  if (rt.namespaced && namespace === undefined) throw methodNotAllowed();
  const options = await deleteOptionsOf(ctx);
  const predicate = selectionOf(ctx, rt);
  const type = storedTypeOf(rt);
  const items: string[] = [];
  for (const obj of ctx.cluster.store.list(rt, namespace)) {
    if (predicate && !predicate(obj)) continue;
    if (rt.kind === 'Namespace' && isUndeletableNamespace(obj.metadata.name)) continue;
    items.push(objectJson(ctx.cluster.store, rt, deleteOne(ctx.cluster, type, obj, options).object));
  }
  const metadata = JSON.stringify({ resourceVersion: String(ctx.cluster.store.resourceVersion) });
  sendJson(
    ctx.res,
    200,
    `{"kind":"${rt.kind}List","apiVersion":"${apiVersionOf(rt)}","metadata":${metadata},"items":[${items.join(',')}]}`,
  );
}

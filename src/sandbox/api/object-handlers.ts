import { ApiError, badRequest } from '../core/errors.ts';
import { apiVersionOf, type ResourceType } from '../core/resources.ts';
import { resourceName } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { applyPatch } from '../patch/index.ts';
import { checkDecoded, isRecord, readDecoded } from './decode.ts';
import { isDryRun, mediaType, type RequestContext, readBody, sendJson } from './http.ts';
import { objectJson, renderOne, representationOf } from './render.ts';
import { toRequestVersion } from './versions.ts';
import { createObject, updateObject } from './writes.ts';

export const APPLY_PATCH = 'application/apply-patch+yaml';
export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  APPLY_PATCH,
  'application/strategic-merge-patch+json',
];

/** `pods "x" not found`, with details naming the plural, as the real server words it. */
export const objectNotFound = (rt: ResourceType, name: string) =>
  new ApiError(404, 'NotFound', `${resourceName(rt)} "${name}" not found`, {
    name,
    ...(rt.group ? { group: rt.group } : {}),
    kind: rt.plural,
  });

export const unsupportedPatchType = () =>
  new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(', ')}`,
  );

export const methodNotAllowed = () =>
  new ApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );

export function getStored(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
) {
  const obj = ctx.cluster.store.get(rt, namespace, name);
  if (!obj) throw objectNotFound(rt, name);
  return obj;
}

/** The URL decides name and namespace; a body that says otherwise is a 400. */
function checkIdentity(
  rt: ResourceType,
  obj: KubeObject,
  namespace: string | undefined,
  name?: string,
): void {
  const meta = obj.metadata;
  if (name !== undefined && meta.name !== name) {
    throw badRequest(
      `the name of the object (${meta.name ?? ''}) does not match the name on the URL (${name})`,
    );
  }
  if (!rt.namespaced) return;
  if (meta.namespace && meta.namespace !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  meta.namespace = namespace;
}

export function handleGet(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
): void {
  const obj = getStored(ctx, rt, namespace, name);
  sendJson(ctx.res, 200, renderOne(ctx, rt, obj, representationOf(ctx, rt)));
}

export async function handleCreate(ctx: RequestContext, rt: ResourceType, namespace: string | undefined) {
  if (rt.namespaced && namespace === undefined) throw methodNotAllowed();
  const obj = await readDecoded(ctx, rt);
  checkIdentity(rt, obj, namespace);
  const created = createObject(ctx.cluster, rt, obj, isDryRun(ctx.query));
  sendJson(ctx.res, 201, objectJson(ctx.cluster.store, rt, created));
}

export async function handleReplace(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
  subresource?: string,
) {
  const obj = await readDecoded(ctx, rt);
  checkIdentity(rt, obj, namespace, name);
  const stored = getStored(ctx, rt, namespace, name);
  const updated = updateObject(ctx.cluster, rt, stored, obj, { subresource, dryRun: isDryRun(ctx.query) });
  sendJson(ctx.res, 200, objectJson(ctx.cluster.store, rt, updated));
}

export async function handlePatch(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
  subresource?: string,
) {
  const contentType = mediaType(ctx.req.headers['content-type']);
  if (!PATCH_TYPES.includes(contentType)) throw unsupportedPatchType();
  const body = (await readBody(ctx.req)).toString('utf8');
  const dryRun = isDryRun(ctx.query);
  const stored = ctx.cluster.store.get(rt, namespace, name);
  if (!stored && !(contentType === APPLY_PATCH && subresource === undefined)) throw objectNotFound(rt, name);
  // Server-side apply creates what does not exist yet.
  const original: KubeObject = stored
    ? toRequestVersion(rt, stored)
    : {
        apiVersion: apiVersionOf(rt),
        kind: rt.kind,
        metadata: { name, ...(rt.namespaced ? { namespace } : {}) },
      };
  const patched = applyPatch(rt, original, contentType, body);
  if (!isRecord(patched)) throw badRequest('the patch did not produce an object');
  const decoded = checkDecoded(rt, patched);
  checkIdentity(rt, decoded, namespace, name);
  if (!stored) {
    const created = createObject(ctx.cluster, rt, decoded, dryRun);
    sendJson(ctx.res, 201, objectJson(ctx.cluster.store, rt, created));
    return;
  }
  const updated = updateObject(ctx.cluster, rt, stored, decoded, { subresource, dryRun });
  sendJson(ctx.res, 200, objectJson(ctx.cluster.store, rt, updated));
}

import { ApiError, conflict, invalid } from '../core/errors.ts';
import type { ResourceType } from '../core/resources.ts';
import { resourceName } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { applyPatch } from '../patch/index.ts';
import { selectorString } from '../tables/format.ts';
import { invalidValue } from './causes.ts';
import { isRecord, readObject } from './decode.ts';
import { isDryRun, mediaType, type RequestContext, readBody, sendJson } from './http.ts';
import { getStored, methodNotAllowed, PATCH_TYPES, unsupportedPatchType } from './object-handlers.ts';
import { storedTypeOf } from './versions.ts';

/** The autoscaling/v1 Scale, for patching through the same code as stored kinds. */
const SCALE_TYPE: ResourceType = {
  group: 'autoscaling',
  version: 'v1',
  kind: 'Scale',
  plural: 'scale',
  singular: 'scale',
  namespaced: true,
};

export function toScale(obj: KubeObject): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, selector: selectorString(obj.spec?.selector) },
  };
}

function applyScale(
  ctx: RequestContext,
  rt: ResourceType,
  stored: KubeObject,
  scale: Record<string, unknown>,
): void {
  const name = stored.metadata.name;
  const meta = isRecord(scale.metadata) ? scale.metadata : {};
  if (meta.name !== undefined && meta.name !== name) {
    throw new ApiError(
      400,
      'BadRequest',
      `the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`,
    );
  }
  const spec = isRecord(scale.spec) ? scale.spec : {};
  const replicas = spec.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || Math.abs(replicas) >= 2 ** 31) {
    throw new ApiError(
      400,
      'BadRequest',
      `Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`,
    );
  }
  if (replicas < 0) {
    throw invalid('Scale.autoscaling', name, [
      invalidValue('spec.replicas', replicas, 'must be greater than or equal to 0'),
    ]);
  }
  const rv = meta.resourceVersion;
  if (typeof rv === 'string' && rv !== '' && rv !== stored.metadata.resourceVersion) {
    throw conflict(resourceName(rt), name);
  }
  if (isDryRun(ctx.query)) {
    sendJson(ctx.res, 200, toScale({ ...stored, spec: { ...stored.spec, replicas } }));
    return;
  }
  const next = structuredClone(stored);
  next.spec = { ...(isRecord(next.spec) ? next.spec : {}), replicas };
  sendJson(ctx.res, 200, toScale(ctx.cluster.store.update(storedTypeOf(rt), next)));
}

/** `deployments/scale` and friends: what `kubectl scale` and the HPA read and write. */
export async function handleScale(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
) {
  if (ctx.method === 'GET') {
    sendJson(ctx.res, 200, toScale(getStored(ctx, rt, namespace, name)));
    return;
  }
  if (ctx.method === 'PUT') {
    // kubectl scale --current-replicas sends no Content-Type at all.
    const body = await readObject(ctx, 'Scale', 'v1');
    applyScale(ctx, rt, getStored(ctx, rt, namespace, name), body);
    return;
  }
  if (ctx.method === 'PATCH') {
    const contentType = mediaType(ctx.req.headers['content-type']);
    if (!PATCH_TYPES.includes(contentType)) throw unsupportedPatchType();
    const body = (await readBody(ctx.req)).toString('utf8');
    const stored = getStored(ctx, rt, namespace, name);
    const patched = applyPatch(SCALE_TYPE, toScale(stored), contentType, body);
    applyScale(ctx, rt, stored, isRecord(patched) ? patched : {});
    return;
  }
  throw methodNotAllowed();
}

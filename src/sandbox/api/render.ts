import { badRequest } from '../core/errors.ts';
import type { ResourceType } from '../core/resources.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { toTable } from '../tables/index.ts';
import { negotiate, type Representation, type RequestContext } from './http.ts';
import { needsConversion, toRequestVersion } from './versions.ts';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function includeObjectOf(query: URLSearchParams): IncludeObject {
  const value = query.get('includeObject') ?? 'Metadata';
  if (value === '') return 'Metadata';
  if (value !== 'None' && value !== 'Metadata' && value !== 'Object') {
    throw badRequest(
      `includeObject: Unsupported value: "${value}": supported values: "None", "Metadata", "Object"`,
    );
  }
  return value;
}

/** The stored object's JSON in the request's version, from the store's cache when no conversion applies. */
export function objectJson(store: ObjectStore, rt: ResourceType, obj: KubeObject): string {
  return needsConversion(rt) ? JSON.stringify(toRequestVersion(rt, obj)) : store.json(rt, obj);
}

export const partialMetadata = (obj: KubeObject) => ({
  kind: 'PartialObjectMetadata',
  apiVersion: 'meta.k8s.io/v1',
  metadata: obj.metadata,
});

/** What a read asked for: the object, a one-row Table or its metadata only. */
export function representationOf(ctx: RequestContext, rt: ResourceType): Representation {
  return rt.virtual ? { as: 'object' } : negotiate(ctx.req.headers.accept);
}

export function tableOf(ctx: RequestContext, rt: ResourceType, objects: KubeObject[], version: string) {
  const table = toTable(
    rt,
    objects.map((o) => toRequestVersion(rt, o)),
    {
      now: ctx.cluster.clock.now(),
      includeObject: includeObjectOf(ctx.query),
    },
  );
  return { ...table, apiVersion: `meta.k8s.io/${version}` };
}

/** One object (GET, watch events) in the negotiated representation, as JSON text. */
export function renderOne(
  ctx: RequestContext,
  rt: ResourceType,
  obj: KubeObject,
  as: Representation,
): string {
  if (as.as === 'Table') {
    const table = tableOf(ctx, rt, [obj], as.version);
    return JSON.stringify({ ...table, metadata: { resourceVersion: obj.metadata.resourceVersion } });
  }
  if (as.as === 'PartialObjectMetadata') return JSON.stringify(partialMetadata(obj));
  return objectJson(ctx.cluster.store, rt, obj);
}

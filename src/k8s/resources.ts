import { resolveKind } from './discovery.ts';
import type { Kube, ListOptions, ListResult } from './kube.ts';
import { apiVersionOf, type ResourceType } from './resource-types.ts';
import type { KubeObject } from './wire.ts';

export interface ResourceQuery {
  kind: string;
  apiVersion?: string;
}

/** Any object of any kind (CRDs included); Secrets arrive with their values masked. */
export async function getResource(
  kube: Kube,
  query: ResourceQuery & { namespace?: string; name: string },
): Promise<{ type: ResourceType; object: KubeObject }> {
  const type = await resolveKind(kube, query.kind, query.apiVersion);
  const object = await kube.get<KubeObject>(type, query.namespace, query.name);
  return { type, object };
}

/** Objects of any kind; list items get their kind and apiVersion back (the API leaves them out). */
export async function listResources(
  kube: Kube,
  query: ResourceQuery & ListOptions,
): Promise<{ type: ResourceType } & ListResult<KubeObject>> {
  const type = await resolveKind(kube, query.kind, query.apiVersion);
  const result = await kube.list<KubeObject>(type, query);
  const apiVersion = apiVersionOf(type);
  return { type, ...result, items: result.items.map((o) => ({ apiVersion, kind: type.kind, ...o })) };
}

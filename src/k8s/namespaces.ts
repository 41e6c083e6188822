import type { Kube, ListOptions } from './kube.ts';
import { TYPES } from './resource-types.ts';
import type { Namespace } from './wire.ts';

export interface NamespaceSummary {
  name: string;
  status: string;
  createdAt?: string;
}

export const summarizeNamespace = (ns: Namespace): NamespaceSummary => ({
  name: ns.metadata?.name ?? '',
  status: ns.status?.phase ?? 'Active',
  createdAt: ns.metadata?.creationTimestamp,
});

export async function listNamespaces(
  kube: Kube,
  options: ListOptions = {},
): Promise<{ items: NamespaceSummary[]; more: boolean }> {
  const result = await kube.list<Namespace>(TYPES.namespace, options);
  return { items: result.items.map(summarizeNamespace), more: result.more };
}

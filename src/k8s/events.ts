import type { Kube, ListOptions } from './kube.ts';
import { TYPES } from './resource-types.ts';
import type { KubeEvent } from './wire.ts';

export interface EventSummary {
  namespace: string;
  type: string;
  reason: string;
  /** `Pod/api-service-5d8c9-x2x`. */
  object: string;
  message: string;
  count: number;
  lastSeen?: string;
}

export interface EventQuery extends ListOptions {
  type?: 'Warning' | 'Normal';
  /** Only events about the object with this name. */
  involvedObject?: string;
}

const lastSeen = (e: KubeEvent): string | undefined =>
  e.lastTimestamp ??
  e.eventTime ??
  e.series?.lastObservedTime ??
  e.firstTimestamp ??
  e.metadata?.creationTimestamp;

export function summarizeEvent(e: KubeEvent): EventSummary {
  return {
    namespace: e.metadata?.namespace ?? '',
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    object: `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`,
    message: (e.message ?? '').trim(),
    count: e.series?.count ?? e.count ?? 1,
    lastSeen: lastSeen(e),
  };
}

/** Events, newest first; `type` and `involvedObject` become field selectors the API server applies. */
export async function listEvents(
  kube: Kube,
  query: EventQuery,
): Promise<{ items: EventSummary[]; more: boolean }> {
  const fields = [
    query.fieldSelector,
    query.type && `type=${query.type}`,
    query.involvedObject && `involvedObject.name=${query.involvedObject}`,
  ]
    .filter(Boolean)
    .join(',');
  const result = await kube.list<KubeEvent>(TYPES.event, { ...query, fieldSelector: fields || undefined });
  const items = result.items
    .map(summarizeEvent)
    .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
  return { items, more: result.more };
}

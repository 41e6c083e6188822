import type { Kube, ListOptions } from './kube.ts';
import { TYPES } from './resource-types.ts';
import type { Endpoints, Service } from './wire.ts';

export interface ServiceSummary {
  namespace: string;
  name: string;
  type: string;
  clusterIP?: string;
  externalIP?: string;
  /** `80→8080/TCP`. */
  ports: string[];
  selector?: string;
  /** Addresses ready to take traffic, and not ready; undefined when the Service has no Endpoints object. */
  readyEndpoints?: number;
  notReadyEndpoints?: number;
  createdAt?: string;
}

export function summarizeService(svc: Service, endpoints?: Endpoints): ServiceSummary {
  const spec = svc.spec ?? {};
  const subsets = endpoints?.subsets ?? [];
  const ingress = svc.status?.loadBalancer?.ingress?.map((i) => i.ip ?? i.hostname).filter(Boolean) ?? [];
  return {
    namespace: svc.metadata?.namespace ?? '',
    name: svc.metadata?.name ?? '',
    type: spec.type ?? 'ClusterIP',
    clusterIP: spec.clusterIP,
    externalIP: [...(spec.externalIPs ?? []), ...ingress].join(',') || undefined,
    ports: (spec.ports ?? []).map(
      (p) =>
        `${p.port}${p.targetPort !== undefined && p.targetPort !== p.port ? `→${p.targetPort}` : ''}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`,
    ),
    selector: spec.selector
      ? Object.entries(spec.selector)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')
      : undefined,
    readyEndpoints: endpoints ? subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0) : undefined,
    notReadyEndpoints: endpoints
      ? subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0)
      : undefined,
    createdAt: svc.metadata?.creationTimestamp,
  };
}

/** Services with how many endpoints back each (an empty selector match is a common outage). */
export async function listServices(
  kube: Kube,
  options: ListOptions,
): Promise<{ items: ServiceSummary[]; services: Service[]; more: boolean }> {
  const [services, endpoints] = await Promise.all([
    kube.list<Service>(TYPES.service, options),
    kube.list<Endpoints>(TYPES.endpoints, {
      ...options,
      limit: undefined,
      labelSelector: undefined,
      fieldSelector: undefined,
    }),
  ]);
  const byKey = new Map(endpoints.items.map((e) => [`${e.metadata?.namespace}/${e.metadata?.name}`, e]));
  return {
    items: services.items.map((s) =>
      summarizeService(s, byKey.get(`${s.metadata?.namespace}/${s.metadata?.name}`)),
    ),
    services: services.items,
    more: services.more,
  };
}

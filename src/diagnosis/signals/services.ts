import type { Evidence } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import { isActive, isPodReady } from './pods.ts';

export { matchesSelector } from '../../kube/selectors.ts';

import { matchesSelector } from '../../kube/selectors.ts';

/** A Service's plain selector map; undefined for Services without one (managed endpoints, ExternalName). */
export const serviceSelector = (svc: K8sObject): Record<string, string> | undefined => {
  const sel = svc.spec?.selector;
  return sel && typeof sel === 'object' && Object.keys(sel).length
    ? (sel as Record<string, string>)
    : undefined;
};

const selectsPod = (svc: K8sObject, pod: Pod): boolean => {
  const sel = serviceSelector(svc);
  return (
    !!sel &&
    pod.metadata.namespace === svc.metadata.namespace &&
    matchesSelector({ matchLabels: sel }, pod.metadata.labels)
  );
};

export const servicesSelecting = (ev: Evidence, pod: Pod): K8sObject[] =>
  ev.list('Service', pod.metadata.namespace).filter((s) => selectsPod(s, pod));

export const podsSelectedBy = (ev: Evidence, svc: K8sObject): Pod[] =>
  ev.list('Pod', svc.metadata.namespace).filter((p) => isActive(p) && selectsPod(svc, p));

/** Ready and not-ready endpoint addresses of a Service, from its Endpoints object or, lacking one, its pods. */
export function endpointCounts(
  ev: Evidence,
  svc: K8sObject,
): { ready: number; notReady: number; fromPods: boolean } {
  const endpoints = ev.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
  if (endpoints) {
    let ready = 0;
    let notReady = 0;
    for (const subset of (endpoints.subsets as { addresses?: unknown[]; notReadyAddresses?: unknown[] }[]) ??
      []) {
      ready += subset.addresses?.length ?? 0;
      notReady += subset.notReadyAddresses?.length ?? 0;
    }
    return { ready, notReady, fromPods: false };
  }
  const pods = podsSelectedBy(ev, svc);
  const ready = pods.filter(isPodReady).length;
  return { ready, notReady: pods.length - ready, fromPods: true };
}

/**
 * The Service a host name or address in a log means, seen from a namespace: `postgres`,
 * `postgres.shop`, `postgres.shop.svc(.cluster.local)`, or a cluster IP.
 */
export function serviceForPeer(
  ev: Evidence,
  peer: { host?: string; ip?: string },
  fromNamespace: string | undefined,
): K8sObject | undefined {
  if (peer.host) {
    const parts = peer.host.replace(/\.$/, '').split('.');
    const svcIndex = parts.indexOf('svc');
    const name = parts[0];
    const namespace = parts.length >= 2 && (svcIndex === 2 || parts.length === 2) ? parts[1] : fromNamespace;
    const found = ev.get('Service', namespace, name);
    if (found) return found;
  }
  if (peer.ip) return ev.list('Service').find((s) => s.spec?.clusterIP === peer.ip);
  return undefined;
}

/**
 * Whether a name that should be a Service of this cluster (`postgres-db`, `cache.shop`,
 * `x.shop.svc.cluster.local`) names none. Outside names (`api.stripe.com`) are not ours to judge.
 */
export function clusterNameMissing(ev: Evidence, host: string, fromNamespace: string | undefined): boolean {
  const parts = host.replace(/\.$/, '').split('.');
  const knownNamespace = (ns: string) =>
    ev.list('Namespace').some((n) => n.metadata.name === ns) || ev.list('Pod', ns).length > 0;
  const internal =
    parts.length === 1 || parts[2] === 'svc' || (parts.length === 2 && knownNamespace(parts[1]));
  if (!internal || !ev.has('Service')) return false;
  return serviceForPeer(ev, { host }, fromNamespace) === undefined;
}

/** The workload templates (Deployments, StatefulSets, DaemonSets) whose pod labels a Service selects. */
export function templatesSelectedBy(ev: Evidence, svc: K8sObject): K8sObject[] {
  const sel = serviceSelector(svc);
  if (!sel) return [];
  return ['Deployment', 'StatefulSet', 'DaemonSet']
    .flatMap((kind) => ev.list(kind, svc.metadata.namespace))
    .filter((w) => matchesSelector({ matchLabels: sel }, w.spec?.template?.metadata?.labels));
}

import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import type { ObjectRef } from '../types.ts';
import { isActive, isPodReady } from './pods.ts';
import { endpointCounts } from './services.ts';

const DNS_LABEL = 'k8s-app';
const DNS_VALUE = 'kube-dns';

export interface ClusterDns {
  service?: K8sObject;
  workload?: ObjectRef;
  pods: Pod[];
  ready: number;
  endpoints?: number;
}

/** The cluster DNS (CoreDNS or kube-dns), found by the `k8s-app: kube-dns` label Kubernetes gives it. */
export function clusterDns(ev: Evidence): ClusterDns | undefined {
  const service = ev
    .list('Service', 'kube-system')
    .find((s) => s.spec?.selector?.[DNS_LABEL] === DNS_VALUE || s.metadata.labels?.[DNS_LABEL] === DNS_VALUE);
  const pods = ev
    .list('Pod', 'kube-system')
    .filter((p) => p.metadata.labels?.[DNS_LABEL] === DNS_VALUE && isActive(p));
  const deployment = ev
    .list('Deployment', 'kube-system')
    .find(
      (d) =>
        d.spec?.template?.metadata?.labels?.[DNS_LABEL] === DNS_VALUE ||
        d.metadata.labels?.[DNS_LABEL] === DNS_VALUE,
    );
  if (!service && !pods.length && !deployment) return undefined;
  const workload = deployment
    ? refOf(deployment)
    : pods[0]
      ? (ev.workloadOf(pods[0]) ?? undefined)
      : undefined;
  return {
    service,
    workload,
    pods,
    ready: pods.filter(isPodReady).length,
    endpoints: service ? endpointCounts(ev, service).ready : undefined,
  };
}

/** Whether the cluster DNS answers nobody: no ready endpoint behind its Service, or no ready pod. */
export const dnsDown = (dns: ClusterDns): boolean =>
  dns.endpoints !== undefined ? dns.endpoints === 0 : dns.ready === 0;

import type { KubeObject } from '../core/types.ts';
import { isPodReady, isTerminal } from './pod-utils.ts';

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/** A pod behind a Service, with the ports its targetPorts resolve to on it. */
export interface Backend {
  pod: KubeObject;
  ip: string;
  ready: boolean;
  terminating: boolean;
  ports: EndpointPort[];
}

/** targetPort by number, by container port name, or the service port itself. */
function resolvePort(svcPort: any, pod: KubeObject): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(String(target))) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    const match = (c.ports ?? []).find(
      (p: any) => p.name === target && (p.protocol ?? 'TCP') === (svcPort.protocol ?? 'TCP'),
    );
    if (match) return match.containerPort;
  }
  return undefined;
}

/** The pods a Service's endpoints list: those with an IP that are not finished. */
export function backendsFor(svc: KubeObject, pods: KubeObject[]): Backend[] {
  const publishNotReady = Boolean(svc.spec?.publishNotReadyAddresses);
  const out: Backend[] = [];
  for (const pod of pods) {
    const ip: string | undefined = pod.status?.podIP;
    if (!ip || isTerminal(pod)) continue;
    const ports: EndpointPort[] = [];
    for (const p of svc.spec?.ports ?? []) {
      const port = resolvePort(p, pod);
      if (port === undefined) continue;
      ports.push({
        ...(p.name ? { name: p.name } : {}),
        port,
        protocol: p.protocol ?? 'TCP',
        ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
      });
    }
    out.push({
      pod,
      ip,
      ready: publishNotReady || isPodReady(pod),
      terminating: Boolean(pod.metadata.deletionTimestamp),
      ports,
    });
  }
  return out.sort((a, b) => compareIPs(a.ip, b.ip));
}

function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++)
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return a.localeCompare(b);
}

export const targetRef = (pod: KubeObject) => ({
  kind: 'Pod',
  name: pod.metadata.name,
  namespace: pod.metadata.namespace,
  uid: pod.metadata.uid,
});

/** Backends grouped by their resolved port set (pods naming ports differently land in different subsets/slices). */
export function groupByPorts(backends: Backend[]): Map<string, Backend[]> {
  const groups = new Map<string, Backend[]>();
  for (const b of backends) {
    const key = JSON.stringify(b.ports);
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  return groups;
}

/** core/v1 Endpoints subsets: ready pods in addresses, the rest in notReadyAddresses; terminating pods left out. */
export function endpointSubsets(svc: KubeObject, backends: Backend[]): any[] {
  const subsets: any[] = [];
  const publishNotReady = Boolean(svc.spec?.publishNotReadyAddresses);
  for (const [key, group] of groupByPorts(backends.filter((b) => publishNotReady || !b.terminating))) {
    const address = (b: Backend) => ({
      ...(b.pod.spec?.hostname && b.pod.spec?.subdomain === svc.metadata.name
        ? { hostname: b.pod.spec.hostname }
        : {}),
      ip: b.ip,
      ...(b.pod.spec?.nodeName ? { nodeName: b.pod.spec.nodeName } : {}),
      targetRef: targetRef(b.pod),
    });
    const ready = group.filter((b) => b.ready).map(address);
    const notReady = group.filter((b) => !b.ready).map(address);
    const ports = JSON.parse(key);
    subsets.push({
      ...(ready.length ? { addresses: ready } : {}),
      ...(notReady.length ? { notReadyAddresses: notReady } : {}),
      ...(ports.length ? { ports } : {}),
    });
  }
  return subsets;
}

/** discovery.k8s.io/v1 endpoints of one slice. */
export const sliceEndpoints = (group: Backend[]) =>
  group.map((b) => ({
    addresses: [b.ip],
    conditions: { ready: b.ready && !b.terminating, serving: b.ready, terminating: b.terminating },
    ...(b.pod.spec?.nodeName ? { nodeName: b.pod.spec.nodeName } : {}),
    targetRef: targetRef(b.pod),
  }));

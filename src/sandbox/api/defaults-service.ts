import { createHash } from 'node:crypto';
import type { Cluster } from '../core/cluster.ts';
import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { isRecord } from './decode.ts';

type Obj = Record<string, any>;

/** 10.96.0.0/12, as kubeadm configures the service CIDR. */
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
const NODE_PORT_MIN = 30000;
const NODE_PORT_COUNT = 2768;

const ipOf = (offset: number) =>
  [
    (CIDR_BASE + offset) >>> 24,
    ((CIDR_BASE + offset) >> 16) & 255,
    ((CIDR_BASE + offset) >> 8) & 255,
    (CIDR_BASE + offset) & 255,
  ].join('.');

const WELL_KNOWN: Record<string, number> = { 'default/kubernetes': 1, 'kube-system/kube-dns': 10 };
const RESERVED_OFFSETS = new Set([0, 1, 10, CIDR_SIZE - 1]);

const hashOf = (text: string) => createHash('sha1').update(text).digest().readUInt32BE(0);

function usedByServices(cluster: Cluster, collect: (spec: Obj) => string[]): Set<string> {
  const used = new Set<string>();
  for (const svc of cluster.store.list(rt('Service'))) {
    if (isRecord(svc.spec)) for (const value of collect(svc.spec)) used.add(value);
  }
  return used;
}

/** A free cluster IP, stable for a given namespace/name so demo estates look the same on every start. */
export function allocateClusterIP(cluster: Cluster, namespace: string, name: string): string {
  const known = WELL_KNOWN[`${namespace}/${name}`];
  const used = usedByServices(cluster, (spec) => [
    ...(typeof spec.clusterIP === 'string' ? [spec.clusterIP] : []),
    ...(Array.isArray(spec.clusterIPs) ? spec.clusterIPs.map(String) : []),
  ]);
  if (known !== undefined && !used.has(ipOf(known))) return ipOf(known);
  let offset = hashOf(`${namespace}/${name}`) % CIDR_SIZE;
  while (RESERVED_OFFSETS.has(offset) || used.has(ipOf(offset))) offset = (offset + 1) % CIDR_SIZE;
  return ipOf(offset);
}

function allocateNodePort(cluster: Cluster, seed: string, taken: Set<number>): number {
  const used = usedByServices(cluster, (spec) =>
    Array.isArray(spec.ports) ? spec.ports.map((p: Obj) => String(p?.nodePort)) : [],
  );
  let offset = hashOf(seed) % NODE_PORT_COUNT;
  for (let tries = 0; tries < NODE_PORT_COUNT; tries++) {
    const port = NODE_PORT_MIN + offset;
    if (!used.has(String(port)) && !taken.has(port)) return port;
    offset = (offset + 1) % NODE_PORT_COUNT;
  }
  return NODE_PORT_MIN + offset;
}

export function defaultService(cluster: Cluster, svc: KubeObject): void {
  if (!isRecord(svc.spec)) svc.spec = {};
  const spec = svc.spec as Obj;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  const ports: Obj[] = Array.isArray(spec.ports) ? spec.ports.filter(isRecord) : [];
  for (const port of ports) {
    port.protocol ??= 'TCP';
    port.targetPort ??= port.port;
  }
  if (spec.type === 'ExternalName') return;
  const namespace = svc.metadata.namespace ?? 'default';
  if (
    spec.clusterIP === undefined &&
    Array.isArray(spec.clusterIPs) &&
    typeof spec.clusterIPs[0] === 'string'
  ) {
    spec.clusterIP = spec.clusterIPs[0];
  }
  spec.clusterIP ??= allocateClusterIP(cluster, namespace, svc.metadata.name);
  spec.clusterIPs ??= [spec.clusterIP];
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
  spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    spec.externalTrafficPolicy ??= 'Cluster';
    const taken = new Set<number>();
    for (const port of ports) {
      port.nodePort ??= allocateNodePort(cluster, `${namespace}/${svc.metadata.name}/${port.port}`, taken);
      taken.add(port.nodePort);
    }
    if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  }
  svc.status = isRecord(svc.status) ? svc.status : {};
  svc.status.loadBalancer ??= {};
}

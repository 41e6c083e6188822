import type { KubeObject } from '../../core/types.ts';

/**
 * Pod IPs from each node's pod CIDR (`10.244.N.0/24`, from spec.podCIDR when set), unique on the
 * node among live pods; released when a pod finishes or goes away.
 */
export class PodNetwork {
  private readonly subnets = new Map<string, string>();
  private readonly used = new Map<string, Set<number>>();

  private subnet(node: KubeObject | undefined, nodeName: string): string {
    const cidr: string | undefined = node?.spec?.podCIDR;
    if (cidr) {
      const prefix = cidr.split('/')[0].split('.').slice(0, 3).join('.');
      this.subnets.set(nodeName, prefix);
      return prefix;
    }
    let prefix = this.subnets.get(nodeName);
    if (!prefix) {
      const taken = new Set(this.subnets.values());
      let n = 1;
      while (taken.has(`10.244.${n}`)) n++;
      prefix = `10.244.${n}`;
      this.subnets.set(nodeName, prefix);
    }
    return prefix;
  }

  allocate(node: KubeObject | undefined, nodeName: string): string {
    const prefix = this.subnet(node, nodeName);
    const used = this.usedOn(nodeName);
    let host = 2;
    while (used.has(host) && host < 254) host++;
    used.add(host);
    return `${prefix}.${host}`;
  }

  /** Marks an IP an adopted pod already has as taken. */
  reserve(nodeName: string, ip: string | undefined): void {
    const host = Number.parseInt(ip?.split('.')[3] ?? '', 10);
    if (!Number.isNaN(host)) this.usedOn(nodeName).add(host);
  }

  release(nodeName: string, ip: string | undefined): void {
    const host = Number.parseInt(ip?.split('.')[3] ?? '', 10);
    if (!Number.isNaN(host)) this.used.get(nodeName)?.delete(host);
  }

  private usedOn(nodeName: string): Set<number> {
    let used = this.used.get(nodeName);
    if (!used) {
      used = new Set();
      this.used.set(nodeName, used);
    }
    return used;
  }
}

/** The node's InternalIP, as the kubelet reports it in status.hostIP. */
export function nodeInternalIP(node: KubeObject | undefined): string | undefined {
  return node?.status?.addresses?.find((a: any) => a.type === 'InternalIP')?.address;
}

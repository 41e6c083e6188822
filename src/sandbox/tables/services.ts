import type { KubeObject } from '../core/types.ts';
import { AGE, column, formatLabels, listWithMore, NAME, since, wide } from './format.ts';
import type { Printer } from './types.ts';

interface ServicePort {
  port: number;
  nodePort?: number;
  protocol?: string;
}

export const servicePrinter: Printer = {
  kinds: ['Service'],
  columns: [
    NAME,
    column('Type', 'type determines how the Service is exposed.'),
    column('Cluster-IP', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    column(
      'External-IP',
      'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
    ),
    column('Port(s)', 'The list of ports that are exposed by this service.'),
    AGE,
    wide('Selector', 'Route service traffic to pods with label keys and values matching this selector.'),
  ],
  cells(svc, now) {
    const spec = svc.spec ?? {};
    const ports = ((spec.ports ?? []) as ServicePort[])
      .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
      .join(',');
    return [
      svc.metadata.name,
      spec.type ?? 'ClusterIP',
      spec.clusterIPs?.[0] ?? spec.clusterIP ?? '<none>',
      externalIP(svc),
      ports || '<none>',
      since(svc.metadata.creationTimestamp, now),
      formatLabels(spec.selector),
    ];
  },
};

/** getServiceExternalIP, wide: load balancer addresses are listed in full. */
function externalIP(svc: KubeObject): string {
  const externalIPs: string[] = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress: { ip?: string; hostname?: string }[] = svc.status?.loadBalancer?.ingress ?? [];
      const lb = [...new Set(ingress.map((i) => i.ip || i.hostname || '').filter(Boolean))].sort();
      const all = [...lb, ...externalIPs];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export const endpointsPrinter: Printer = {
  kinds: ['Endpoints'],
  columns: [NAME, column('Endpoints', 'The set of all endpoints is the union of all subsets.'), AGE],
  cells(ep, now) {
    const subsets = (ep.subsets ?? []) as { addresses?: { ip: string }[]; ports?: { port: number }[] }[];
    const items: string[] = [];
    for (const subset of subsets) {
      const addresses = subset.addresses ?? [];
      // A headless service may have no ports: its endpoints are bare addresses.
      if (!subset.ports?.length) items.push(...addresses.map((a) => a.ip));
      else
        for (const port of subset.ports) items.push(...addresses.map((a) => joinHostPort(a.ip, port.port)));
    }
    const endpoints = subsets.length ? listWithMore(items, 3, '') : '<none>';
    return [ep.metadata.name, endpoints, since(ep.metadata.creationTimestamp, now)];
  },
};

const joinHostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

export const endpointSlicePrinter: Printer = {
  kinds: ['EndpointSlice'],
  columns: [
    NAME,
    column('AddressType', 'addressType specifies the type of address carried by this EndpointSlice.'),
    column('Ports', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
    column('Endpoints', 'endpoints is a list of unique endpoints in this slice.'),
    AGE,
  ],
  cells(slice, now) {
    const ports = ((slice.ports ?? []) as { port?: number; name?: string }[]).map((p) =>
      typeof p.port === 'number' ? String(p.port) : (p.name ?? '*'),
    );
    const addresses = ((slice.endpoints ?? []) as { addresses?: string[] }[]).flatMap(
      (e) => e.addresses ?? [],
    );
    return [
      slice.metadata.name,
      String(slice.addressType ?? ''),
      listWithMore(ports, 3, '<unset>'),
      listWithMore(addresses, 3, '<unset>'),
      since(slice.metadata.creationTimestamp, now),
    ];
  },
};

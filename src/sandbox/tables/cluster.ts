import type { KubeObject } from '../core/types.ts';
import { AGE, column, NAME, since, wide } from './format.ts';
import type { Printer } from './types.ts';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** printNode: STATUS is Ready/NotReady (Unknown without a Ready condition), plus SchedulingDisabled when cordoned. */
export const nodePrinter: Printer = {
  kinds: ['Node'],
  columns: [
    NAME,
    column('Status', 'The status of the node'),
    column('Roles', 'The roles of the node'),
    AGE,
    column('Version', 'Kubelet Version reported by the node.'),
    wide('Internal-IP', 'List of addresses reachable to the node.'),
    wide('External-IP', 'List of addresses reachable to the node.'),
    wide(
      'OS-Image',
      'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
    ),
    wide(
      'Kernel-Version',
      "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
    ),
    wide(
      'Container-Runtime',
      'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
    ),
  ],
  cells(node, now) {
    const info = node.status?.nodeInfo ?? {};
    return [
      node.metadata.name,
      nodeStatus(node),
      roles(node),
      since(node.metadata.creationTimestamp, now),
      info.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

function nodeStatus(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function roles(node: KubeObject): string {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length)
      found.add(key.slice(ROLE_PREFIX.length));
    else if (key === 'kubernetes.io/role' && value) found.add(value);
  }
  return [...found].sort().join(',') || '<none>';
}

const address = (node: KubeObject, type: string): string =>
  (node.status?.addresses ?? []).find((a: { type: string }) => a.type === type)?.address ?? '<none>';

export const namespacePrinter: Printer = {
  kinds: ['Namespace'],
  columns: [NAME, column('Status', 'The status of the namespace'), AGE],
  // Namespaces are created Active by the server; a file that omits the phase means the same.
  cells: (ns, now) => [
    ns.metadata.name,
    ns.status?.phase ?? 'Active',
    since(ns.metadata.creationTimestamp, now),
  ],
};

export const leasePrinter: Printer = {
  kinds: ['Lease'],
  columns: [
    NAME,
    column('Holder', 'holderIdentity contains the identity of the holder of a current lease.'),
    AGE,
  ],
  cells: (lease, now) => [
    lease.metadata.name,
    lease.spec?.holderIdentity ?? '',
    since(lease.metadata.creationTimestamp, now),
  ],
};

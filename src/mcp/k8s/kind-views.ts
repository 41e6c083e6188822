import { age } from '../../k8s/age.ts';
import { summarizeEvent } from '../../k8s/events.ts';
import { summarizeNamespace } from '../../k8s/namespaces.ts';
import { summarizeNode } from '../../k8s/nodes.ts';
import { summarizePod } from '../../k8s/pods.ts';
import { summarizeService } from '../../k8s/services.ts';
import { summarizePv, summarizePvc, summarizeStorageClass } from '../../k8s/storage.ts';
import type { KubeObject } from '../../k8s/wire.ts';
import { summarizeWorkload, type Workload, type WorkloadKind } from '../../k8s/workloads.ts';
import type { Cell } from '../format/table.ts';

/** The table columns resources_list shows for a kind; kinds without a view get NAME and AGE. */
export interface KindView {
  headers: string[];
  row(obj: any): Cell[];
}

const workload = (kind: WorkloadKind): KindView => ({
  headers: ['ready', 'up-to-date', 'available', 'images'],
  row: (o: Workload) => {
    const s = summarizeWorkload(kind, o);
    return [`${s.ready}/${s.desired}`, s.upToDate, s.available, s.images.join(',')];
  },
});

const keys = (data: unknown) => Object.keys((data as object) ?? {});

export const KIND_VIEWS: Record<string, KindView> = {
  Pod: {
    headers: ['ready', 'status', 'restarts', 'node'],
    row: (o) => {
      const s = summarizePod(o);
      return [`${s.ready}/${s.containers}`, s.status, s.restarts, s.node];
    },
  },
  Deployment: workload('Deployment'),
  StatefulSet: workload('StatefulSet'),
  DaemonSet: workload('DaemonSet'),
  ReplicaSet: workload('ReplicaSet'),
  Node: {
    headers: ['status', 'version', 'problems'],
    row: (o) => {
      const s = summarizeNode(o);
      return [
        `${s.ready}${s.schedulable ? '' : ',SchedulingDisabled'}`,
        s.version,
        [...s.problems, ...s.taints].join(', '),
      ];
    },
  },
  Service: {
    headers: ['type', 'cluster-ip', 'ports', 'selector'],
    row: (o) => {
      const s = summarizeService(o);
      return [s.type, s.clusterIP, s.ports.join(','), s.selector];
    },
  },
  PersistentVolumeClaim: {
    headers: ['status', 'volume', 'capacity', 'storageclass'],
    row: (o) => {
      const s = summarizePvc(o);
      return [s.status, s.volume, s.capacity, s.storageClass];
    },
  },
  PersistentVolume: {
    headers: ['capacity', 'status', 'claim', 'storageclass', 'reclaim'],
    row: (o) => {
      const s = summarizePv(o);
      return [s.capacity, s.status, s.claim, s.storageClass, s.reclaimPolicy];
    },
  },
  StorageClass: {
    headers: ['provisioner', 'default', 'reclaim', 'binding'],
    row: (o) => {
      const s = summarizeStorageClass(o);
      return [s.provisioner, s.isDefault ? 'yes' : '', s.reclaimPolicy, s.volumeBindingMode];
    },
  },
  Namespace: { headers: ['status'], row: (o) => [summarizeNamespace(o).status] },
  Event: {
    headers: ['type', 'reason', 'object', 'message'],
    row: (o) => {
      const e = summarizeEvent(o);
      return [e.type, e.reason, e.object, e.message.replace(/\s+/g, ' ').slice(0, 160)];
    },
  },
  // Keys only: the values never reach this layer.
  Secret: { headers: ['type', 'keys'], row: (o) => [o.type, keys(o.data).join(',')] },
  ConfigMap: { headers: ['keys'], row: (o) => [keys(o.data).join(',')] },
};

export const rowStart = (o: KubeObject, withNamespace: boolean): Cell[] => [
  ...(withNamespace ? [o.metadata?.namespace] : []),
  o.metadata?.name,
];

export const rowEnd = (o: KubeObject): Cell[] => [age(o.metadata?.creationTimestamp)];

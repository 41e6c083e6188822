import type { KubeObject } from '../core/types.ts';
import {
  AGE,
  CONTAINERS,
  column,
  containerCells,
  formatLabelSelector,
  formatLabels,
  IMAGES,
  NAME,
  selectorString,
  since,
  wide,
} from './format.ts';
import type { Printer } from './types.ts';

const SELECTOR = wide('Selector', 'Label query over pods that should match the replica count.');
const READY = column('Ready', 'Number of the pod with ready state');
const n = (value: unknown): number => (typeof value === 'number' ? value : 0);
/** Unset replicas default to 1 on the real server before anything prints them. */
const replicas = (obj: KubeObject): number =>
  typeof obj.spec?.replicas === 'number' ? obj.spec.replicas : 1;
const templateContainers = (obj: KubeObject) => containerCells(obj.spec?.template?.spec?.containers);

export const deploymentPrinter: Printer = {
  kinds: ['Deployment'],
  columns: [
    NAME,
    READY,
    column(
      'Up-to-date',
      'Total number of non-terminating pods targeted by this deployment that have the desired template spec.',
    ),
    column(
      'Available',
      'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.',
    ),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells(obj, now) {
    const status = obj.status ?? {};
    return [
      obj.metadata.name,
      `${n(status.readyReplicas)}/${replicas(obj)}`,
      n(status.updatedReplicas),
      n(status.availableReplicas),
      since(obj.metadata.creationTimestamp, now),
      ...templateContainers(obj),
      selectorString(obj.spec?.selector),
    ];
  },
};

export const replicaSetPrinter: Printer = {
  kinds: ['ReplicaSet'],
  columns: [
    NAME,
    column('Desired', 'Replicas is the number of desired pods.', 'integer'),
    column('Current', 'Replicas is the most recently observed number of non-terminating pods.', 'integer'),
    column(
      'Ready',
      'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.',
      'integer',
    ),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells(obj, now) {
    const status = obj.status ?? {};
    return [
      obj.metadata.name,
      replicas(obj),
      n(status.replicas),
      n(status.readyReplicas),
      since(obj.metadata.creationTimestamp, now),
      ...templateContainers(obj),
      formatLabelSelector(obj.spec?.selector),
    ];
  },
};

export const statefulSetPrinter: Printer = {
  kinds: ['StatefulSet'],
  columns: [NAME, READY, AGE, CONTAINERS, IMAGES],
  cells(obj, now) {
    return [
      obj.metadata.name,
      `${n(obj.status?.readyReplicas)}/${replicas(obj)}`,
      since(obj.metadata.creationTimestamp, now),
      ...templateContainers(obj),
    ];
  },
};

export const daemonSetPrinter: Printer = {
  kinds: ['DaemonSet'],
  columns: [
    NAME,
    column('Desired', 'The total number of nodes that should be running the daemon pod.', 'integer'),
    column(
      'Current',
      'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.',
      'integer',
    ),
    column(
      'Ready',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.',
      'integer',
    ),
    column('Up-to-date', 'The total number of nodes that are running updated daemon pod.', 'integer'),
    column(
      'Available',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.',
      'integer',
    ),
    column('Node Selector', 'NodeSelector is a selector which must be true for the pod to fit on a node.'),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells(obj, now) {
    const status = obj.status ?? {};
    return [
      obj.metadata.name,
      n(status.desiredNumberScheduled),
      n(status.currentNumberScheduled),
      n(status.numberReady),
      n(status.updatedNumberScheduled),
      n(status.numberAvailable),
      formatLabels(obj.spec?.template?.spec?.nodeSelector),
      since(obj.metadata.creationTimestamp, now),
      ...templateContainers(obj),
      formatLabelSelector(obj.spec?.selector),
    ];
  },
};

export const controllerRevisionPrinter: Printer = {
  kinds: ['ControllerRevision'],
  columns: [
    NAME,
    column('Controller', 'Controller of the object'),
    column('Revision', 'Revision indicates the revision of the state represented by Data.'),
    AGE,
  ],
  cells(obj, now) {
    const owner = obj.metadata.ownerReferences?.find((ref) => ref.controller);
    const group = owner?.apiVersion.includes('/') ? owner.apiVersion.split('/')[0] : '';
    const controller = owner
      ? `${`${owner.kind}${group ? `.${group}` : ''}`.toLowerCase()}/${owner.name}`
      : '<none>';
    return [obj.metadata.name, controller, n(obj.revision), since(obj.metadata.creationTimestamp, now)];
  },
};

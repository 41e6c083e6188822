import type {
  CoreV1Event,
  V1Container,
  V1ContainerStatus,
  V1DaemonSet,
  V1Deployment,
  V1Endpoints,
  V1Namespace,
  V1Node,
  V1ObjectMeta,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1PodTemplateSpec,
  V1ReplicaSet,
  V1Service,
  V1StatefulSet,
  V1StorageClass,
} from '@kubernetes/client-node';

/**
 * client-node's model types describe objects after its serializer turned timestamps into Dates;
 * this layer parses the JSON itself (faster, and secrets are masked before anyone sees them), so
 * timestamps stay strings. `Wire<T>` is the model type as it is on the wire.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type ObjectMeta = Wire<V1ObjectMeta>;
export type Pod = Wire<V1Pod>;
export type Container = Wire<V1Container>;
export type ContainerStatus = Wire<V1ContainerStatus>;
export type PodTemplate = Wire<V1PodTemplateSpec>;
export type Deployment = Wire<V1Deployment>;
export type ReplicaSet = Wire<V1ReplicaSet>;
export type StatefulSet = Wire<V1StatefulSet>;
export type DaemonSet = Wire<V1DaemonSet>;
export type KubeNode = Wire<V1Node>;
export type KubeEvent = Wire<CoreV1Event>;
export type Service = Wire<V1Service>;
export type Endpoints = Wire<V1Endpoints>;
export type Namespace = Wire<V1Namespace>;
export type PersistentVolumeClaim = Wire<V1PersistentVolumeClaim>;
export type PersistentVolume = Wire<V1PersistentVolume>;
export type StorageClass = Wire<V1StorageClass>;

/** Any object of any kind. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

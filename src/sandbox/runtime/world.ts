import { parseQuantity } from '../../kube/quantity.ts';
import type { SimClock } from '../core/clock.ts';
import { rt } from '../core/resources.ts';
import type { ContainerSpec } from '../core/runtime.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import type { DatabaseModel } from './databases.ts';
import type { DependencyModel } from './dependencies.ts';
import type { Effects } from './effects.ts';
import { type AppProfile, profileFor } from './profiles/index.ts';
import type { Topology, WorkloadRef } from './topology.ts';
import type { TrafficModel } from './traffic.ts';
import type { VolumeModel } from './volumes.ts';

/** The models of the simulated runtime, shared so each can ask the others. */
export interface World {
  store: ObjectStore;
  clock: SimClock;
  effects: Effects;
  topology: Topology;
  traffic: TrafficModel;
  dependencies: DependencyModel;
  databases: DatabaseModel;
  volumes: VolumeModel;
}

export const PROFILE_ANNOTATION = 'sandbox.sre-nanobot.dev/profile';

/**
 * The profile of a container in a pod or pod template: `sandbox.sre-nanobot.dev/profile.<container>`,
 * else `sandbox.sre-nanobot.dev/profile` for the first container, else the image decides.
 */
export function profileOf(podOrTemplate: KubeObject | undefined, container: ContainerSpec): AppProfile {
  const annotations = podOrTemplate?.metadata?.annotations;
  const first = podOrTemplate?.spec?.containers?.[0]?.name === container?.name;
  const requested =
    annotations?.[`${PROFILE_ANNOTATION}.${container?.name}`] ??
    (first ? annotations?.[PROFILE_ANNOTATION] : undefined);
  return profileFor(String(container?.image ?? ''), requested);
}

export interface ContainerFacts {
  profile: AppProfile;
  /** The pod's first container, which serves its traffic. */
  main: boolean;
  cpuLimit?: number;
  memoryLimit?: number;
  /** Requests per second one replica serves (annotation, else the profile's). */
  capacityRps: number;
}

const facts = new WeakMap<object, ContainerFacts>();

/**
 * What never changes for a container of a given pod object, worked out once: stored objects are
 * replaced on every write, so caching on the container spec object is safe and needs no cleanup.
 */
export function factsOf(pod: KubeObject, container: ContainerSpec): ContainerFacts {
  let f = container ? facts.get(container) : undefined;
  if (!f) {
    const profile = profileOf(pod, container);
    f = {
      profile,
      main: mainContainer(pod)?.name === container?.name,
      cpuLimit: parseQuantity(container?.resources?.limits?.cpu),
      memoryLimit: parseQuantity(container?.resources?.limits?.memory),
      capacityRps: numberAnnotation(pod, 'sandbox.sre-nanobot.dev/capacity-rps') ?? profile.capacityRps,
    };
    if (container) facts.set(container, f);
  }
  return f;
}

/** A pod's (or template's) first container: the one that serves the pod's traffic. */
export const mainContainer = (podOrTemplate: KubeObject | undefined): ContainerSpec | undefined =>
  podOrTemplate?.spec?.containers?.[0];

export const annotation = (podOrTemplate: KubeObject | undefined, key: string): string | undefined =>
  podOrTemplate?.metadata?.annotations?.[key];

export function numberAnnotation(podOrTemplate: KubeObject | undefined, key: string): number | undefined {
  const value = Number(annotation(podOrTemplate, key));
  return annotation(podOrTemplate, key) !== undefined && Number.isFinite(value) ? value : undefined;
}

/** Ready replicas a workload controller reports. */
export function readyReplicas(store: ObjectStore, workload: WorkloadRef | undefined): number {
  if (!workload) return 1;
  const kinds: Record<string, string> = {
    Deployment: 'Deployment',
    StatefulSet: 'StatefulSet',
    ReplicaSet: 'ReplicaSet',
    DaemonSet: 'DaemonSet',
  };
  const kind = kinds[workload.kind];
  if (!kind) return 1;
  const status = store.get(rt(kind), workload.namespace, workload.name)?.status;
  return (kind === 'DaemonSet' ? status?.numberReady : status?.readyReplicas) ?? 0;
}

/** The time (sim ms) the named container's current instance started, from the pod's status. */
export function containerStartedAt(pod: KubeObject, container: string): number | undefined {
  const status = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === container);
  const started = status?.state?.running?.startedAt;
  return started ? Date.parse(started) : undefined;
}

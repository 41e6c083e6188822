import { parseQuantity } from '../kube/quantity.ts';
import type { Mutation, ResourceSettings, ResourceValues } from '../policy/mutation.ts';
import type { Operation } from '../policy/operation.ts';
import { KubeError } from './errors.ts';
import type { Kube } from './kube.ts';
import {
  assertScalable,
  getWorkload,
  type Workload,
  type WorkloadRef,
  workloadTarget,
  workloadType,
} from './workloads.ts';

/** Scale a Deployment, StatefulSet or ReplicaSet; the inverse scales back to the count read just before. */
export async function scaleOperation(
  kube: Kube,
  ref: WorkloadRef,
  replicas: number,
  requestedBy: string,
): Promise<Operation<{ from: number; to: number }>> {
  assertScalable(ref.kind);
  if (!Number.isInteger(replicas) || replicas < 0)
    throw new KubeError('Invalid', `replicas must be a whole number ≥ 0, got ${replicas}`);
  const current = await getWorkload<Workload>(kube, ref);
  const target = workloadTarget(kube, ref.kind, current);
  const from = (current.spec as { replicas?: number })?.replicas ?? 1;
  const scale = (to: number, previous: number): Mutation<'scale'> => ({
    verb: 'scale',
    target,
    params: { replicas: to, previousReplicas: previous },
    requestedBy,
  });
  return {
    mutation: { ...scale(replicas, from), inverse: scale(from, replicas) },
    async perform(permit) {
      await kube.patch(
        permit,
        workloadType(ref.kind),
        ref.namespace,
        ref.name,
        { spec: { replicas } },
        'merge',
        'scale',
      );
      return { from, to: replicas };
    },
  };
}

/** `kubectl rollout restart`: a new pod-template annotation makes the controller replace every pod. */
export async function restartOperation(
  kube: Kube,
  ref: WorkloadRef,
  requestedBy: string,
): Promise<Operation<{ restartedAt: string }>> {
  if (ref.kind === 'ReplicaSet')
    throw new KubeError('Invalid', 'a ReplicaSet cannot be restarted; restart the Deployment that owns it');
  const current = await getWorkload<Workload>(kube, ref);
  return {
    mutation: { verb: 'restart', target: workloadTarget(kube, ref.kind, current), params: {}, requestedBy },
    async perform(permit) {
      const restartedAt = new Date().toISOString();
      const patch = {
        spec: {
          template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } },
        },
      };
      await kube.patch(permit, workloadType(ref.kind), ref.namespace, ref.name, patch, 'strategic');
      return { restartedAt };
    },
  };
}

export interface ResourceChange {
  container: string;
  limits?: ResourceValues;
  requests?: ResourceValues;
}

function checkValues(what: string, values: ResourceValues | undefined): void {
  for (const [name, value] of Object.entries(values ?? {})) {
    if (value !== undefined && parseQuantity(value) === undefined) {
      throw new KubeError(
        'Invalid',
        `${what}.${name} '${value}' is not a Kubernetes quantity; use e.g. cpu '500m' or '2', memory '512Mi' or '2Gi'`,
      );
    }
  }
}

/** `kubectl set resources`: changes one container's limits/requests; the inverse restores the values read just before. */
export async function setResourcesOperation(
  kube: Kube,
  ref: WorkloadRef,
  change: ResourceChange,
  requestedBy: string,
): Promise<Operation<{ before: ResourceSettings; after: ResourceSettings }>> {
  checkValues('limits', change.limits);
  checkValues('requests', change.requests);
  if (!change.limits && !change.requests)
    throw new KubeError('Invalid', 'give limits or requests (cpu and/or memory) to set');
  const current = await getWorkload<Workload>(kube, ref);
  const containers = current.spec?.template?.spec?.containers ?? [];
  const container = containers.find((c) => c.name === change.container);
  if (!container) {
    throw new KubeError(
      'NotFound',
      `${ref.kind.toLowerCase()} ${ref.name} has no container '${change.container}'; its containers: ${containers.map((c) => c.name).join(', ')}`,
    );
  }
  const before: ResourceSettings = {
    limits: pick(container.resources?.limits),
    requests: pick(container.resources?.requests),
  };
  const after: ResourceSettings = {
    limits: { ...before.limits, ...defined(change.limits) },
    requests: { ...before.requests, ...defined(change.requests) },
  };
  const target = workloadTarget(kube, ref.kind, current);
  return {
    mutation: {
      verb: 'set-resources',
      target,
      params: {
        container: change.container,
        limits: change.limits,
        requests: change.requests,
        previous: before,
      },
      inverse: {
        verb: 'set-resources',
        target,
        params: { container: change.container, ...before, previous: after },
        requestedBy,
      },
      requestedBy,
    },
    async perform(permit) {
      const resources = { limits: defined(change.limits), requests: defined(change.requests) };
      const patch = { spec: { template: { spec: { containers: [{ name: change.container, resources }] } } } };
      await kube.patch(permit, workloadType(ref.kind), ref.namespace, ref.name, patch, 'strategic');
      return { before, after };
    },
  };
}

const pick = (values: Record<string, string> | undefined): ResourceValues =>
  defined({ cpu: values?.cpu, memory: values?.memory });

const defined = (values: ResourceValues | undefined): ResourceValues =>
  Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== undefined && v !== ''));

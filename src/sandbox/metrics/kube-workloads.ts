import { rt } from '../core/resources.ts';
import type { Collector, MetricsContext } from './context.ts';
import { type Exposition, labels } from './exposition.ts';
import { conditions, created, gauges, generation, observed, owners } from './kube-helpers.ts';

function deployments(ctx: MetricsContext, out: Exposition): void {
  const list = ctx.store.list(rt('Deployment'));
  gauges(out, list, 'deployment', 'kube_deployment', {
    created: ['Unix creation timestamp', created],
    spec_replicas: ['Number of desired pods for a deployment.', (d) => d.spec?.replicas ?? 1],
    spec_paused: [
      'Whether the deployment is paused and will not be processed by the deployment controller.',
      (d) => (d.spec?.paused ? 1 : 0),
    ],
    status_replicas: ['The number of replicas per deployment.', (d) => d.status?.replicas ?? 0],
    status_replicas_ready: [
      'The number of ready replicas per deployment.',
      (d) => d.status?.readyReplicas ?? 0,
    ],
    status_replicas_available: [
      'The number of available replicas per deployment.',
      (d) => d.status?.availableReplicas ?? 0,
    ],
    status_replicas_unavailable: [
      'The number of unavailable replicas per deployment.',
      (d) => d.status?.unavailableReplicas ?? 0,
    ],
    status_replicas_updated: [
      'The number of updated replicas per deployment.',
      (d) => d.status?.updatedReplicas ?? 0,
    ],
    status_observed_generation: ['The generation observed by the deployment controller.', observed],
    metadata_generation: [
      'Sequence number representing a specific generation of the desired state.',
      generation,
    ],
  });
  conditions(
    out,
    list,
    'deployment',
    'kube_deployment_status_condition',
    'The current status conditions of a deployment.',
  );
}

function replicaSets(ctx: MetricsContext, out: Exposition): void {
  const list = ctx.store.list(rt('ReplicaSet'));
  gauges(out, list, 'replicaset', 'kube_replicaset', {
    created: ['Unix creation timestamp', created],
    spec_replicas: ['Number of desired pods for a ReplicaSet.', (r) => r.spec?.replicas ?? 1],
    status_replicas: ['The number of replicas per ReplicaSet.', (r) => r.status?.replicas ?? 0],
    status_ready_replicas: [
      'The number of ready replicas per ReplicaSet.',
      (r) => r.status?.readyReplicas ?? 0,
    ],
    status_fully_labeled_replicas: [
      'The number of fully labeled replicas per ReplicaSet.',
      (r) => r.status?.fullyLabeledReplicas ?? 0,
    ],
    status_observed_generation: ['The generation observed by the ReplicaSet controller.', observed],
    metadata_generation: [
      'Sequence number representing a specific generation of the desired state.',
      generation,
    ],
  });
  owners(out, list, 'replicaset', 'kube_replicaset_owner');
}

function statefulSets(ctx: MetricsContext, out: Exposition): void {
  const list = ctx.store.list(rt('StatefulSet'));
  gauges(out, list, 'statefulset', 'kube_statefulset', {
    created: ['Unix creation timestamp', created],
    replicas: ['Number of desired pods for a StatefulSet.', (s) => s.spec?.replicas ?? 1],
    status_replicas: ['The number of replicas per StatefulSet.', (s) => s.status?.replicas ?? 0],
    status_replicas_ready: [
      'The number of ready replicas per StatefulSet.',
      (s) => s.status?.readyReplicas ?? 0,
    ],
    status_replicas_current: [
      'The number of current replicas per StatefulSet.',
      (s) => s.status?.currentReplicas ?? 0,
    ],
    status_replicas_updated: [
      'The number of updated replicas per StatefulSet.',
      (s) => s.status?.updatedReplicas ?? 0,
    ],
    status_replicas_available: [
      'The number of available replicas per StatefulSet.',
      (s) => s.status?.availableReplicas ?? 0,
    ],
    status_observed_generation: ['The generation observed by the StatefulSet controller.', observed],
    metadata_generation: [
      'Sequence number representing a specific generation of the desired state for the StatefulSet.',
      generation,
    ],
  });
  for (const [field, name] of [
    ['currentRevision', 'kube_statefulset_status_current_revision'],
    ['updateRevision', 'kube_statefulset_status_update_revision'],
  ]) {
    const sample = out.family(
      name,
      'gauge',
      `Indicates the version of the StatefulSet used to generate Pods in the sequence (${field}).`,
    );
    for (const s of list) {
      const revision = s.status?.[field];
      if (revision)
        sample(labels({ namespace: s.metadata.namespace, statefulset: s.metadata.name, revision }), 1);
    }
  }
}

function daemonSets(ctx: MetricsContext, out: Exposition): void {
  gauges(out, ctx.store.list(rt('DaemonSet')), 'daemonset', 'kube_daemonset', {
    created: ['Unix creation timestamp', created],
    status_current_number_scheduled: [
      'The number of nodes running at least one daemon pod and are supposed to.',
      (d) => d.status?.currentNumberScheduled ?? 0,
    ],
    status_desired_number_scheduled: [
      'The number of nodes that should be running the daemon pod.',
      (d) => d.status?.desiredNumberScheduled ?? 0,
    ],
    status_number_available: [
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available',
      (d) => d.status?.numberAvailable ?? 0,
    ],
    status_number_misscheduled: [
      'The number of nodes running a daemon pod but are not supposed to.',
      (d) => d.status?.numberMisscheduled ?? 0,
    ],
    status_number_ready: [
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.',
      (d) => d.status?.numberReady ?? 0,
    ],
    status_number_unavailable: [
      'The number of nodes that should be running the daemon pod and have none of the daemon pod running and available',
      (d) => d.status?.numberUnavailable ?? 0,
    ],
    status_updated_number_scheduled: [
      'The total number of nodes that are running updated daemon pod',
      (d) => d.status?.updatedNumberScheduled ?? 0,
    ],
    status_observed_generation: [
      'The most recent generation observed by the daemon set controller.',
      observed,
    ],
    metadata_generation: [
      'Sequence number representing a specific generation of the desired state.',
      generation,
    ],
  });
}

/** kube-state-metrics workload controller series. */
export const kubeWorkloads: Collector = {
  name: 'kube-state-metrics/workloads',
  collect(ctx, out) {
    deployments(ctx, out);
    replicaSets(ctx, out);
    statefulSets(ctx, out);
    daemonSets(ctx, out);
  },
};

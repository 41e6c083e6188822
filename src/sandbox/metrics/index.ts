import { uniquelyNamed } from '../../registry.ts';
import type { Cluster } from '../core/cluster.ts';
import { rt } from '../core/resources.ts';
import type { FaultManager } from '../faults/index.ts';
import { SimRuntime } from '../runtime/index.ts';
import { cadvisor } from './cadvisor.ts';
import { certificates } from './certificates.ts';
import { type Collector, CounterState, type MetricsContext } from './context.ts';
import { databases } from './databases.ts';
import { Exposition } from './exposition.ts';
import { kubeAutoscaling } from './kube-autoscaling.ts';
import { kubeBatch } from './kube-batch.ts';
import { kubeCluster } from './kube-cluster.ts';
import { kubePods } from './kube-pods.ts';
import { kubeWorkloads } from './kube-workloads.ts';
import { kubelet } from './kubelet.ts';
import { nodeExporter } from './node-exporter.ts';
import { red } from './red.ts';
import { sandboxFaults } from './sandbox.ts';

/** Everything /metrics exposes, in exposition order. */
export const COLLECTORS: readonly Collector[] = uniquelyNamed(
  [
    kubePods,
    kubeWorkloads,
    kubeBatch,
    kubeAutoscaling,
    kubeCluster,
    cadvisor,
    kubelet,
    nodeExporter,
    red,
    databases,
    certificates,
    sandboxFaults,
  ],
  'metrics collector',
);

const counters = new WeakMap<Cluster, CounterState>();

/**
 * Renders the cluster as the exporters a real cluster runs would (kube-state-metrics, cAdvisor,
 * kubelet, node-exporter, service RED metrics, database exporters, cert-manager) in the Prometheus
 * text format 0.0.4. Counters advance with simulated time between calls and never go backwards.
 */
export function renderMetrics(cluster: Cluster, faults?: FaultManager): string {
  return metricsPieces(cluster, faults).join('');
}

/** `renderMetrics` as pieces: at 10,000 pods the text is tens of MB, which /metrics streams rather than joins. */
export function metricsPieces(cluster: Cluster, faults?: FaultManager): string[] {
  let state = counters.get(cluster);
  if (!state) {
    state = new CounterState();
    counters.set(cluster, state);
  }
  const now = cluster.clock.now();
  state.begin(now);
  const runtime = cluster.runtime instanceof SimRuntime ? cluster.runtime : undefined;
  const ctx: MetricsContext = {
    cluster,
    store: cluster.store,
    now,
    runtime,
    faults,
    counters: state,
    pods: cluster.store.list(rt('Pod')),
    unreachable: (node) => !!node && !!runtime?.effects.kubeletDown.has(node),
  };
  const out = new Exposition();
  for (const collector of COLLECTORS) collector.collect(ctx, out);
  state.sweep();
  return out.pieces();
}

import type { Labels } from '../labels.ts';

/**
 * A key under which incidents are found. An alert joins the first active incident found under
 * one of its keys, in rule order; an incident answers to every opening key of every alert in it.
 * A join-only key (`opens: false`) attaches an alert to an incident another alert opened but
 * never links anything itself — pods on a node join the node's incident, yet two pods sharing a
 * node are not one incident for that.
 */
export interface CorrelationKey {
  key: string;
  opens: boolean;
}

export interface CorrelationContext {
  /** Alert labels whose values group alerts (Config.gateway.groupBy). */
  groupBy: readonly string[];
  /** Where a pod runs, when a cluster is known (pod alerts seldom carry a `node` label). */
  nodeOfPod?: (namespace: string, pod: string) => string | undefined;
}

/** One correlation rule: a pure function from an alert's labels to its keys. */
export interface CorrelationRule {
  name: string;
  keys(labels: Labels, context: CorrelationContext): CorrelationKey[];
}

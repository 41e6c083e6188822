import type { Clusters } from '../../k8s/clusters.ts';
import { KubeError } from '../../k8s/errors.ts';
import { PolicyDenied, type PolicyGate } from '../../policy/gate.ts';
import { ToolError } from '../tool.ts';

/** What every Kubernetes tool works with: the clusters of the kubeconfig and the policy gate. */
export interface K8sToolContext {
  clusters: Clusters;
  gate: PolicyGate;
}

/** Failures a Kubernetes tool reports to the model as they are: each message is already a sentence. */
export function explainK8sError(err: unknown): string | undefined {
  if (err instanceof KubeError || err instanceof PolicyDenied || err instanceof ToolError) return err.message;
  return undefined;
}

import { Clusters } from '../../k8s/clusters.ts';
import type { KubeconfigSource } from '../../k8s/config.ts';
import type { AuditSink } from '../../policy/audit.ts';
import { PolicyGate } from '../../policy/gate.ts';
import { defaultPolicy, type Policy } from '../../policy/policy.ts';
import { createMcpServer } from '../server.ts';
import { explainK8sError } from './context.ts';
import { K8S_TOOLS } from './index.ts';

export interface K8sServerOptions extends KubeconfigSource {
  readOnly: boolean;
  /** Mutations rules on top of the defaults; readOnly is forced on when the server is read-only. */
  policy?: Partial<Policy>;
  version: string;
  /** Told when the kubeconfig cannot be loaded, as soon as a client connects (tools report it again when called). */
  onWarning?: (message: string) => void;
  /** Where the gate records its decisions (default: in memory); the gateway passes its durable audit log. */
  audit?: AuditSink;
}

const INSTRUCTIONS = `Tools to inspect and operate Kubernetes clusters.
Start with cluster_health, then narrow down: pods_list / deployments_list / events_list (type=Warning) / nodes_list, then pods_get, pods_log (previous=true after a crash) and deployments_history.
Every change passes a policy gate that may refuse it; pass dryRun=true to check a change first. Each change's answer says how to undo it.
Secret values and credentials are never shown. Lists are bounded: narrow with namespace, labelSelector, fieldSelector or limit.`;

/** The Kubernetes MCP server's parts: one Clusters and one gate shared by every session. */
export function k8sServer(options: K8sServerOptions) {
  const clusters = new Clusters({ kubeconfig: options.kubeconfig, context: options.context });
  const gate = new PolicyGate({
    policy: defaultPolicy({ ...options.policy, ...(options.readOnly ? { readOnly: true } : {}) }),
    audit: options.audit,
  });
  const spec = {
    name: 'sre-nanobot-k8s',
    version: options.version,
    instructions: INSTRUCTIONS,
    tools: K8S_TOOLS,
    context: { clusters, gate },
    readOnly: options.readOnly,
    explain: explainK8sError,
    // The kubeconfig and client code load while the client reads the tool list, not during its first call.
    onInitialized: () => void clusters.warmUp().catch((err: Error) => options.onWarning?.(err.message)),
  };
  return {
    clusters,
    gate,
    server: createMcpServer(spec),
    close: () => clusters.close(),
  };
}

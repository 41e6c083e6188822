import { policyFromConfig } from '../config/policy.ts';
import type { Config } from '../config/types.ts';
import { Toolbox, type ToolSet } from './toolbox.ts';

export interface ToolboxOptions {
  config: Config;
  /** --kubeconfig and --context; default: the first cluster of the config, else the kubeconfig's current context. */
  kubeconfig?: string;
  context?: string;
}

/**
 * The one place the agent's tool sets are wired: the Kubernetes tools over one Clusters, and the
 * Prometheus and Alertmanager tools when the config names a Prometheus — all behind one PolicyGate
 * built from the config's policy. Loaded on demand, so `agent --plan` offline never pays for them.
 */
export async function openToolbox(options: ToolboxOptions): Promise<Toolbox> {
  const { config } = options;
  const [{ K8S_TOOLS }, { explainK8sError }, { Clusters }, { PolicyGate }] = await Promise.all([
    import('../mcp/k8s/index.ts'),
    import('../mcp/k8s/context.ts'),
    import('../k8s/clusters.ts'),
    import('../policy/gate.ts'),
  ]);
  const cluster = config.clusters[0];
  const clusters = new Clusters({
    kubeconfig: options.kubeconfig ?? cluster?.kubeconfig ?? undefined,
    context: options.context ?? cluster?.context ?? undefined,
  });
  const gate = new PolicyGate({ policy: policyFromConfig(config.policy) });
  const sets: ToolSet<any>[] = [
    {
      tools: K8S_TOOLS,
      context: { clusters, gate },
      explain: explainK8sError,
      close: () => clusters.close(),
    },
  ];
  if (config.prometheus.url) {
    const [
      { PROMETHEUS_TOOLS },
      { createPrometheusToolContext, explainPrometheusError, prometheusOptionsFromConfig },
    ] = await Promise.all([import('../mcp/prometheus/index.ts'), import('../mcp/prometheus/context.ts')]);
    const context = createPrometheusToolContext({
      ...prometheusOptionsFromConfig(config, config.prometheus.url),
      gate,
    });
    sets.push({
      tools: PROMETHEUS_TOOLS,
      context,
      explain: explainPrometheusError,
      close: () => context.close(),
    });
  }
  return new Toolbox(sets, config.policy);
}

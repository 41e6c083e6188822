import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/types.ts';
import type { AuditSink } from '../policy/audit.ts';

/** One MCP server the gateway serves over Streamable HTTP. */
export interface McpEndpoint {
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

export interface McpEndpointOptions {
  config: Config;
  kubeconfig?: string;
  context?: string;
  version: string;
  loopbackOnly: boolean;
  audit: AuditSink;
  log: (line: string) => void;
}

/**
 * An endpoint whose server modules (the MCP SDK, the cluster client) load on its first request,
 * so a gateway that only takes webhooks never pays for them.
 */
function lazyEndpoint(
  path: string,
  build: () => Promise<{ handle: McpEndpoint['handle']; close: () => Promise<void> }>,
): McpEndpoint {
  let built: ReturnType<typeof build> | undefined;
  return {
    path,
    async handle(req, res) {
      built ??= build();
      return (await built).handle(req, res);
    },
    async close() {
      if (built) await (await built).close();
    },
  };
}

/** The gateway's MCP endpoints; a new server is one more entry here. */
export function mcpEndpoints(o: McpEndpointOptions): McpEndpoint[] {
  return [
    lazyEndpoint('/mcp/k8s', async () => {
      const [{ mcpHttpHandler }, { k8sServer }, { policyFromConfig }] = await Promise.all([
        import('../mcp/serve.ts'),
        import('../mcp/k8s/server.ts'),
        import('../config/policy.ts'),
      ]);
      const k8s = k8sServer({
        kubeconfig: o.kubeconfig,
        context: o.context,
        readOnly: o.config.policy.readOnly,
        policy: policyFromConfig(o.config.policy),
        version: o.version,
        audit: o.audit,
        onWarning: (message) => o.log(`mcp k8s: ${message}`),
      });
      const handler = mcpHttpHandler(k8s.server, { loopbackOnly: o.loopbackOnly });
      return {
        handle: handler,
        close: async () => {
          await handler.closeAll();
          k8s.close();
        },
      };
    }),
    ...(o.config.prometheus.url ? [prometheusEndpoint(o, o.config.prometheus.url)] : []),
  ];
}

/** /mcp/prometheus, served when the config names a Prometheus; silences pass the gateway's gate and audit log. */
function prometheusEndpoint(o: McpEndpointOptions, prometheusUrl: string): McpEndpoint {
  return lazyEndpoint('/mcp/prometheus', async () => {
    const [{ mcpHttpHandler }, { prometheusServer }, { prometheusOptionsFromConfig }, { policyFromConfig }] =
      await Promise.all([
        import('../mcp/serve.ts'),
        import('../mcp/prometheus/server.ts'),
        import('../mcp/prometheus/context.ts'),
        import('../config/policy.ts'),
      ]);
    const prometheus = prometheusServer({
      ...prometheusOptionsFromConfig(o.config, prometheusUrl),
      policy: policyFromConfig(o.config.policy),
      audit: o.audit,
      readOnly: o.config.policy.readOnly,
      version: o.version,
    });
    const handler = mcpHttpHandler(prometheus.server, { loopbackOnly: o.loopbackOnly });
    return {
      handle: handler,
      close: async () => {
        await handler.closeAll();
        prometheus.close();
      },
    };
  });
}

import { type ServeOptions, serveUntilStopped } from '../serve.ts';
import { prometheusServer } from './server.ts';

export interface ServePrometheusOptions extends ServeOptions {
  prometheusUrl: string;
  alertmanagerUrl?: string;
  readOnly: boolean;
  version: string;
}

/**
 * Runs `sre-nanobot mcp prometheus` until stdin closes (stdio) or SIGINT/SIGTERM. The build bundles
 * this module with the MCP SDK and zod into one file (scripts/bundle-mcp.mjs) for a quick start.
 */
export async function servePrometheus(options: ServePrometheusOptions): Promise<void> {
  const prometheus = prometheusServer(options);
  await serveUntilStopped(prometheus.server, options, prometheus.close);
}

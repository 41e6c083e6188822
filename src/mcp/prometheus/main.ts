import { serveHttp, serveStdio } from '../serve.ts';
import { prometheusServer } from './server.ts';

export interface ServePrometheusOptions {
  transport: 'stdio' | 'http';
  host: string;
  port: number;
  prometheusUrl: string;
  alertmanagerUrl?: string;
  readOnly: boolean;
  version: string;
  /** Where lines for the operator go (the ready line): stderr, as stdout may carry the protocol. */
  log(line: string): void;
}

/**
 * Runs `sre-nanobot mcp prometheus` until stdin closes (stdio) or SIGINT/SIGTERM. The build bundles
 * this module with the MCP SDK and zod into one file (scripts/bundle-mcp.mjs) for a quick start.
 */
export async function servePrometheus(options: ServePrometheusOptions): Promise<void> {
  const server = prometheusServer(options);
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  try {
    if (options.transport === 'stdio') {
      const stdio = await serveStdio(server.makeServer);
      await Promise.race([stdio.closed, stopped]);
      await stdio.close();
    } else {
      const http = await serveHttp(server.makeServer, { host: options.host, port: options.port });
      options.log(JSON.stringify({ ready: true, transport: 'http', url: http.url }));
      await stopped;
      await http.close();
    }
  } finally {
    server.close();
  }
}

import type { Policy } from '../../policy/policy.ts';
import { serveHttp, serveStdio } from '../serve.ts';
import { k8sServer } from './server.ts';

export interface ServeK8sOptions {
  transport: 'stdio' | 'http';
  host: string;
  port: number;
  kubeconfig?: string;
  context?: string;
  readOnly: boolean;
  policy: Partial<Policy>;
  version: string;
  /** Where lines for the operator go (the ready line, warnings): stderr, as stdout may carry the protocol. */
  log(line: string): void;
}

/**
 * Runs `sre-nanobot mcp k8s` until stdin closes (stdio) or SIGINT/SIGTERM. The build bundles this
 * module with its dependencies into one file (scripts/bundle-mcp.mjs): loading the SDK, zod and
 * client-node as ~1,500 separate modules would cost most of the server's start-up.
 */
export async function serveK8s(options: ServeK8sOptions): Promise<void> {
  const k8s = k8sServer({ ...options, onWarning: (message) => options.log(`warning: ${message}`) });
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  try {
    if (options.transport === 'stdio') {
      const stdio = await serveStdio(k8s.makeServer);
      await Promise.race([stdio.closed, stopped]);
      await stdio.close();
    } else {
      const http = await serveHttp(k8s.makeServer, { host: options.host, port: options.port });
      options.log(JSON.stringify({ ready: true, transport: 'http', url: http.url }));
      await stopped;
      await http.close();
    }
  } finally {
    k8s.close();
  }
}

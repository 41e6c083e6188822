import type { Policy } from '../../policy/policy.ts';
import { type ServeOptions, serveUntilStopped } from '../serve.ts';
import { k8sServer } from './server.ts';

export interface ServeK8sOptions extends ServeOptions {
  kubeconfig?: string;
  context?: string;
  readOnly: boolean;
  policy: Partial<Policy>;
  version: string;
}

/**
 * Runs `sre-nanobot mcp k8s` until stdin closes (stdio) or SIGINT/SIGTERM. The build bundles this
 * module with its dependencies into one file (scripts/bundle-mcp.mjs): loading the SDK, zod and
 * client-node as ~1,500 separate modules would cost most of the server's start-up.
 */
export async function serveK8s(options: ServeK8sOptions): Promise<void> {
  const k8s = k8sServer({ ...options, onWarning: (message) => options.log(`warning: ${message}`) });
  await serveUntilStopped(k8s.server, options, k8s.close);
}

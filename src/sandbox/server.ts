import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { streamPieces } from './api/http.ts';
import { createApiHandler } from './api/index.ts';
import { startControllers } from './controllers/index.ts';
import { type Cluster, createCluster } from './core/cluster.ts';
import type { KubeObject } from './core/types.ts';
import { defaultEstate } from './estate/index.ts';
import { FaultManager } from './faults/index.ts';
import { metricsPieces } from './metrics/index.ts';
import { createSimRuntime } from './runtime/index.ts';
import { applySnapshot } from './snapshot/index.ts';

export interface SandboxOptions {
  host?: string;
  port?: number;
  /** A separate listener for /metrics; undefined serves /metrics on the API port. */
  metricsPort?: number;
  kubeconfigOut?: string;
  /** Objects loaded from snapshot files: kept as given (frozen) until something acts on them. */
  snapshot?: KubeObject[];
  /** Start with no workloads at all (only the default namespace). */
  empty?: boolean;
  speed?: number;
}

export interface Sandbox {
  cluster: Cluster;
  faults: FaultManager;
  server: string;
  metrics: string;
  kubeconfig?: string;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const cluster = createCluster({ speed: options.speed });
  cluster.runtime = createSimRuntime(cluster);
  const faults = new FaultManager(cluster);
  const metricsHandler = (_req: IncomingMessage, res: ServerResponse) =>
    streamPieces(res, 'text/plain; version=0.0.4; charset=utf-8', metricsPieces(cluster, faults));
  const api = createApiHandler(cluster, {
    routes: [
      { prefix: '/sandbox/v1/', handle: (req, res) => faults.handleRequest(req, res) },
      { prefix: '/metrics', handle: metricsHandler },
    ],
  });

  if (options.snapshot?.length) applySnapshot(cluster, options.snapshot);
  else applySnapshot(cluster, defaultEstate({ empty: options.empty }), { frozen: false });
  const stopControllers = startControllers(cluster);
  faults.start();

  const apiServer = createServer(api);
  const server = `http://${host}:${await listen(apiServer, host, options.port ?? 0)}`;
  let metricsServer: Server | undefined;
  let metrics = `${server}/metrics`;
  if (options.metricsPort !== undefined) {
    metricsServer = createServer(metricsHandler);
    metrics = `http://${host}:${await listen(metricsServer, host, options.metricsPort)}/metrics`;
  }
  if (options.kubeconfigOut) writeKubeconfig(options.kubeconfigOut, server);

  return {
    cluster,
    faults,
    server,
    metrics,
    kubeconfig: options.kubeconfigOut,
    async stop() {
      faults.stop();
      stopControllers();
      cluster.clock.stop();
      await Promise.all([close(apiServer), metricsServer ? close(metricsServer) : undefined]);
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** client-node needs `insecure-skip-tls-verify` even for plain http. */
export function writeKubeconfig(path: string, server: string, context = 'sandbox'): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{name: ${context}, cluster: {server: "${server}", insecure-skip-tls-verify: true}}]`,
      `contexts: [{name: ${context}, context: {cluster: ${context}, namespace: default, user: ${context}-user}}]`,
      `users: [{name: ${context}-user, user: {}}]`,
      `current-context: ${context}`,
      '',
    ].join('\n'),
  );
}

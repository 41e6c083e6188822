import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Cluster, createCluster } from '../core/cluster.ts';
import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { applyDefaults } from './defaults.ts';
import { createApiHandler } from './index.ts';

/** A real HTTP server around the API handler, for tests. */
export interface TestApi {
  cluster: Cluster;
  url: string;
  /** fetch relative to the server; JSON bodies are serialised. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<any>;
  close(): Promise<void>;
}

export async function startTestApi(cluster: Cluster = createCluster({ speed: 50 })): Promise<TestApi> {
  const server: Server = createServer(createApiHandler(cluster, { routes: [] }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers:
        body === undefined || typeof body === 'string'
          ? headers
          : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    cluster,
    url,
    call,
    json: async (method, path, body, headers) => (await call(method, path, body, headers)).json(),
    close: () =>
      new Promise<void>((resolve) => {
        cluster.clock.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A response's JSON body, untyped as tests read it. */
export const read = (res: Response): Promise<any> => res.json();

/** Stores an object as the snapshot loader would: defaulted, then created. */
export function seed(cluster: Cluster, obj: KubeObject): KubeObject {
  const type = rt(obj.kind);
  const copy = structuredClone(obj);
  applyDefaults(cluster, type, copy);
  return cluster.store.create(type, copy);
}

export const namespace = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
});

export interface PodOptions {
  labels?: Record<string, string>;
  nodeName?: string;
  phase?: string;
  ready?: boolean;
  containers?: string[];
  ownerReferences?: KubeObject['metadata']['ownerReferences'];
}

export function pod(ns: string, name: string, options: PodOptions = {}): KubeObject {
  const containers = options.containers ?? ['app'];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      labels: options.labels ?? { app: 'web' },
      ...(options.ownerReferences ? { ownerReferences: options.ownerReferences } : {}),
    },
    spec: {
      containers: containers.map((c) => ({ name: c, image: 'nginx:1.25' })),
      ...(options.nodeName ? { nodeName: options.nodeName } : {}),
    },
    status: {
      phase: options.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }],
      containerStatuses: containers.map((c) => ({
        name: c,
        ready: options.ready !== false,
        restartCount: 0,
        state: { running: { startedAt: '2024-01-01T00:00:00Z' } },
      })),
    },
  };
}

export function deployment(ns: string, name: string, replicas = 2): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] },
      },
    },
  };
}

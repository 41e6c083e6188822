import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeError } from './errors.ts';

/** Where the kubeconfig comes from: an explicit file, else `KUBECONFIG`, `~/.kube/config` or the pod's service account. */
export interface KubeconfigSource {
  kubeconfig?: string;
  /** The context used when an operation names none; default: the kubeconfig's current context. */
  context?: string;
}

/** What may be shown about a context: never users, tokens or certificates. */
export interface ContextInfo {
  name: string;
  cluster: string;
  server: string;
  namespace: string;
  isDefault: boolean;
}

export interface LoadedKubeconfig {
  /** Where it was read from, for messages. */
  origin: string;
  defaultContext: string;
  contexts(): ContextInfo[];
  /** A KubeConfig whose current context is `name`, so that client-node's auth code applies to that context. */
  forContext(name: string): KubeConfig;
}

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** Cheap, synchronous check for the CLI to reject a missing kubeconfig before serving anything. */
export function kubeconfigProblem(source: KubeconfigSource): string | undefined {
  if (source.kubeconfig !== undefined) {
    return existsSync(source.kubeconfig)
      ? undefined
      : `kubeconfig ${source.kubeconfig} does not exist; pass an existing file to --kubeconfig`;
  }
  return describeDefaultOrigin() ? undefined : NO_KUBECONFIG;
}

const NO_KUBECONFIG =
  'no kubeconfig found: pass --kubeconfig FILE, set KUBECONFIG, create ~/.kube/config or run in a pod with a service account';

function describeDefaultOrigin(): string | undefined {
  const env = process.env.KUBECONFIG;
  if (env) return `KUBECONFIG=${env}`;
  const home = `${homedir()}/.kube/config`;
  if (existsSync(home)) return home;
  if (process.env.KUBERNETES_SERVICE_HOST && existsSync(SERVICE_ACCOUNT_TOKEN))
    return 'the in-cluster service account';
  return undefined;
}

/**
 * Loads the kubeconfig with @kubernetes/client-node (so exec plugins, OIDC, token files and
 * in-cluster accounts all work). Its config module is imported on first use, so that an MCP server
 * answers its first request before paying for it.
 */
export async function loadKubeconfig(source: KubeconfigSource): Promise<LoadedKubeconfig> {
  const problem = kubeconfigProblem(source);
  if (problem) throw new KubeError('Config', problem);
  // The config module, not the package root, which also evaluates every generated API class.
  const { KubeConfig: KubeConfigClass } = (await import('@kubernetes/client-node/dist/config.js')) as {
    KubeConfig: new () => KubeConfig;
  };
  const kc = new KubeConfigClass();
  const origin = source.kubeconfig ?? describeDefaultOrigin() ?? 'default';
  try {
    if (source.kubeconfig !== undefined) kc.loadFromFile(source.kubeconfig);
    else kc.loadFromDefault();
  } catch (err) {
    throw new KubeError(
      'Config',
      `cannot read the kubeconfig from ${origin}: ${(err as Error).message}`,
      undefined,
      { cause: err },
    );
  }
  const names = kc.getContexts().map((c) => c.name);
  if (!names.length) throw new KubeError('Config', `the kubeconfig from ${origin} defines no contexts`);
  const defaultContext = source.context ?? (kc.getCurrentContext() || names[0]);
  const unknownContext = (name: string) =>
    new KubeError(
      'Config',
      `context '${name}' is not in the kubeconfig (${origin}); known contexts: ${names.join(', ')}`,
    );
  if (!names.includes(defaultContext)) throw unknownContext(defaultContext);
  return {
    origin,
    defaultContext,
    contexts: () =>
      kc.getContexts().map((c) => ({
        name: c.name,
        cluster: c.cluster,
        server: kc.getCluster(c.cluster)?.server ?? '',
        namespace: c.namespace ?? 'default',
        isDefault: c.name === defaultContext,
      })),
    forContext(name) {
      if (!names.includes(name)) throw unknownContext(name);
      const one = new KubeConfigClass();
      one.loadFromOptions({
        clusters: kc.getClusters(),
        users: kc.getUsers(),
        contexts: kc.getContexts(),
        currentContext: name,
      });
      return one;
    },
  };
}

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';

/** How to reach and authenticate to one API server. */
export interface ClusterAccess {
  server: string;
  context: string;
  /** The context's default namespace. */
  namespace?: string;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  token?: string;
  basic?: { username: string; password: string };
  insecure: boolean;
  /** Set when the user authenticates with a legacy auth-provider: client-node must do it. */
  needsClientNode?: { path: string; context: string };
}

export class KubeconfigError extends Error {}

interface Named<T> {
  name: string;
  [k: string]: unknown;
  value?: T;
}

interface RawConfig {
  clusters?: Named<unknown>[];
  contexts?: Named<unknown>[];
  users?: Named<unknown>[];
  'current-context'?: string;
}

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The kubeconfig files in effect: the explicit path, else $KUBECONFIG's list, else ~/.kube/config. */
function configPaths(explicit: string | undefined): string[] {
  if (explicit) return [explicit];
  const env = process.env.KUBECONFIG;
  if (env) return env.split(':').filter(Boolean);
  const home = join(homedir(), '.kube', 'config');
  return existsSync(home) ? [home] : [];
}

/**
 * Reads kubeconfig files the way kubectl does (first file wins per name; relative paths from the file
 * that names them) and resolves one context into connection settings. Falls back to the in-cluster
 * service account when no kubeconfig exists. Exec credential plugins run here; legacy auth-providers
 * are flagged for client-node.
 */
export function loadClusterAccess(options: { kubeconfig?: string; context?: string }): ClusterAccess {
  const paths = configPaths(options.kubeconfig);
  if (!paths.length) return inCluster(options.context);
  const clusters = new Map<string, { base: string; value: Record<string, unknown> }>();
  const contexts = new Map<string, Record<string, unknown>>();
  const users = new Map<string, { base: string; value: Record<string, unknown> }>();
  let current: string | undefined;
  for (const path of paths) {
    let raw: RawConfig;
    try {
      raw = (parse(readFileSync(path, 'utf8')) ?? {}) as RawConfig;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && paths.length > 1) continue;
      throw new KubeconfigError(
        code === 'ENOENT'
          ? `kubeconfig ${path} not found`
          : `cannot read kubeconfig ${path}: ${(err as Error).message.split('\n')[0]}`,
      );
    }
    const base = dirname(resolve(path));
    for (const c of raw.clusters ?? [])
      if (!clusters.has(c.name))
        clusters.set(c.name, { base, value: (c.cluster ?? {}) as Record<string, unknown> });
    for (const c of raw.contexts ?? [])
      if (!contexts.has(c.name)) contexts.set(c.name, (c.context ?? {}) as Record<string, unknown>);
    for (const u of raw.users ?? [])
      if (!users.has(u.name)) users.set(u.name, { base, value: (u.user ?? {}) as Record<string, unknown> });
    current ??= raw['current-context'] || undefined;
  }
  const name = options.context ?? current;
  if (!name) throw new KubeconfigError(`no current context in ${paths.join(':')}; pass --context`);
  const ctx = contexts.get(name);
  if (!ctx)
    throw new KubeconfigError(
      `context "${name}" not found in ${paths.join(':')} (contexts: ${[...contexts.keys()].join(', ') || 'none'})`,
    );
  const cluster = clusters.get(String(ctx.cluster));
  if (!cluster || typeof cluster.value.server !== 'string')
    throw new KubeconfigError(
      `context "${name}" names cluster "${ctx.cluster}", which has no server in the kubeconfig`,
    );
  const user = users.get(String(ctx.user)) ?? { base: cluster.base, value: {} };
  const c = cluster.value;
  const u = user.value;
  const access: ClusterAccess = {
    server: String(c.server).replace(/\/$/, ''),
    context: name,
    namespace: typeof ctx.namespace === 'string' ? ctx.namespace : undefined,
    insecure: c['insecure-skip-tls-verify'] === true,
    ca: material(cluster.base, c['certificate-authority-data'], c['certificate-authority']),
    cert: material(user.base, u['client-certificate-data'], u['client-certificate']),
    key: material(user.base, u['client-key-data'], u['client-key']),
  };
  if (typeof u.token === 'string') access.token = u.token;
  else if (typeof u.tokenFile === 'string')
    access.token = readFileSync(fileIn(user.base, u.tokenFile), 'utf8').trim();
  if (typeof u.username === 'string' && typeof u.password === 'string')
    access.basic = { username: u.username, password: u.password };
  if (u.exec) Object.assign(access, execCredential(u.exec as ExecConfig, access.server));
  if (u['auth-provider']) access.needsClientNode = { path: paths[0], context: name };
  return access;
}

const fileIn = (base: string, file: string) => (isAbsolute(file) ? file : join(base, file));

function material(base: string, data: unknown, file: unknown): Buffer | undefined {
  if (typeof data === 'string' && data) return Buffer.from(data, 'base64');
  if (typeof file === 'string' && file) return readFileSync(fileIn(base, file));
  return undefined;
}

interface ExecConfig {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
  apiVersion?: string;
}

/** Runs a client-go credential plugin (aws, gke-gcloud-auth-plugin, kubelogin…) and reads its ExecCredential. */
function execCredential(exec: ExecConfig, server: string): Partial<ClusterAccess> {
  const env = { ...process.env, ...Object.fromEntries((exec.env ?? []).map((e) => [e.name, e.value])) };
  env.KUBERNETES_EXEC_INFO = JSON.stringify({
    apiVersion: exec.apiVersion ?? 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    spec: { interactive: false, cluster: { server } },
  });
  let output: string;
  try {
    output = execFileSync(exec.command, exec.args ?? [], {
      env,
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    throw new KubeconfigError(
      `credential plugin ${exec.command} failed: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  const status =
    (
      JSON.parse(output) as {
        status?: { token?: string; clientCertificateData?: string; clientKeyData?: string };
      }
    ).status ?? {};
  return {
    ...(status.token ? { token: status.token } : {}),
    ...(status.clientCertificateData ? { cert: Buffer.from(status.clientCertificateData) } : {}),
    ...(status.clientKeyData ? { key: Buffer.from(status.clientKeyData) } : {}),
  };
}

function inCluster(context: string | undefined): ClusterAccess {
  const host = process.env.KUBERNETES_SERVICE_HOST;
  const port = process.env.KUBERNETES_SERVICE_PORT ?? '443';
  if (!host || !existsSync(join(SA_DIR, 'token'))) {
    throw new KubeconfigError(
      'no kubeconfig found (~/.kube/config, $KUBECONFIG) and not running in a cluster; pass --kubeconfig',
    );
  }
  return {
    server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    context: context ?? 'in-cluster',
    namespace: readFileSync(join(SA_DIR, 'namespace'), 'utf8').trim(),
    token: readFileSync(join(SA_DIR, 'token'), 'utf8').trim(),
    ca: readFileSync(join(SA_DIR, 'ca.crt')),
    insecure: false,
  };
}

import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { LIMITS } from '../limits.ts';
import type { ClusterAccess } from './kubeconfig.ts';

/** The API server could not be reached at all (as opposed to answering with an error). */
export class UnreachableError extends Error {}

/** The API server answered with a non-2xx status. */
export class ApiStatusError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface KubeReader {
  server: string;
  getJson<T>(path: string): Promise<T>;
  getText(path: string): Promise<string>;
  close(): void;
}

/**
 * A minimal read-only client over node:http(s): keep-alive connections, bounded parallelism, a
 * deadline per request. Plain JSON, no object model: the diagnosis reads fields, it does not round-trip.
 */
export async function createReader(access: ClusterAccess): Promise<KubeReader> {
  const headers: Record<string, string> = { 'user-agent': 'sre-nanobot-diagnose' };
  let agentOptions: Record<string, unknown> = { keepAlive: true, maxSockets: LIMITS.concurrency };
  if (access.needsClientNode) {
    const extra = await clientNodeOptions(access.needsClientNode);
    Object.assign(headers, extra.headers);
    agentOptions = { ...agentOptions, ...extra.tls };
  }
  if (access.token) headers.authorization = `Bearer ${access.token}`;
  else if (access.basic)
    headers.authorization = `Basic ${Buffer.from(`${access.basic.username}:${access.basic.password}`).toString('base64')}`;
  const https = access.server.startsWith('https:');
  const agent = https
    ? new HttpsAgent({
        ...agentOptions,
        ca: access.ca,
        cert: access.cert,
        key: access.key,
        rejectUnauthorized: !access.insecure,
      })
    : new HttpAgent(agentOptions);
  const send = https ? httpsRequest : httpRequest;

  const get = (path: string, accept: string) =>
    new Promise<string>((resolve, reject) => {
      const req = send(
        `${access.server}${path}`,
        { agent, headers: { ...headers, accept } },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve(body);
            let message = body.slice(0, 300);
            try {
              message = (JSON.parse(body) as { message?: string }).message ?? message;
            } catch {
              // not a Status object: keep the text
            }
            reject(new ApiStatusError(status, path, message));
          });
        },
      );
      req.setTimeout(LIMITS.requestMs, () =>
        req.destroy(new Error(`no answer within ${LIMITS.requestMs} ms`)),
      );
      req.on('error', (err: NodeJS.ErrnoException) =>
        reject(
          err instanceof ApiStatusError
            ? err
            : new UnreachableError(
                `cannot reach the Kubernetes API at ${access.server}: ${err.code ?? err.message}`,
              ),
        ),
      );
      req.end();
    });

  return {
    server: access.server,
    getJson: async <T>(path: string) => JSON.parse(await get(path, 'application/json')) as T,
    getText: (path: string) => get(path, 'text/plain, */*'),
    close: () => agent.destroy(),
  };
}

/** Legacy auth-providers (gcp, oidc, azure) are client-node's business: borrow its headers and TLS options. */
async function clientNodeOptions(source: {
  path: string;
  context: string;
}): Promise<{ headers: Record<string, string>; tls: Record<string, unknown> }> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  kc.loadFromFile(source.path);
  kc.setCurrentContext(source.context);
  const opts: { headers?: Record<string, string>; ca?: unknown; cert?: unknown; key?: unknown } = {};
  await kc.applyToHTTPSOptions(opts as never);
  return { headers: opts.headers ?? {}, tls: { ca: opts.ca, cert: opts.cert, key: opts.key } };
}

import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { assertPermit, type Permit } from '../policy/permit.ts';
import { errorFromResponse, KubeError, unreachable } from './errors.ts';
import { Limiter } from './limiter.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

export interface KubeRequest {
  method: Method;
  path: string;
  query?: Query;
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** Default: TransportOptions.timeoutMs. */
  timeoutMs?: number;
  /** Return the body as text (pod logs) instead of parsed JSON. */
  text?: boolean;
  /** Required for every method but GET: issued by the policy gate. */
  permit?: Permit;
}

export interface TransportOptions {
  /** Per call, including retries. */
  timeoutMs?: number;
  /** Extra attempts for reads that failed in a way worth retrying (connection reset, 429, 502–504). */
  retries?: number;
  /** Calls in flight at once per context. */
  concurrency?: number;
}

/** One context's connection to its API server: keep-alive sockets, credentials, limits. */
export interface Transport {
  readonly context: string;
  readonly server: string;
  readonly namespace: string;
  send<T>(req: KubeRequest): Promise<T>;
  close(): void;
}

const RETRY_STATUS = new Set([429, 502, 503, 504]);
const RETRY_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);
const USER_AGENT = 'sre-nanobot';

class Timeout extends Error {}

export async function createTransport(kc: KubeConfig, options: TransportOptions = {}): Promise<Transport> {
  const context = kc.getCurrentContext();
  const cluster = kc.getCurrentCluster();
  if (!cluster?.server)
    throw new KubeError('Config', `context '${context}' has no cluster server URL in the kubeconfig`);
  const server = cluster.server.replace(/\/+$/, '');
  const namespace = kc.getContextObject(context)?.namespace ?? 'default';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 2;
  const limiter = new Limiter(options.concurrency ?? 32);

  const tls = await credentials(kc, context);
  const user = kc.getCurrentUser();
  // Exec plugins, OIDC and token files hand out short-lived tokens: ask client-node on every call.
  const dynamicAuth = Boolean(user?.exec || user?.authProvider);
  const isHttps = server.startsWith('https:');
  const agent: http.Agent = cluster.proxyUrl
    ? (tls.agent as http.Agent)
    : isHttps
      ? new https.Agent({
          keepAlive: true,
          maxSockets: limiter.max,
          ca: tls.ca,
          cert: tls.cert,
          key: tls.key,
          pfx: tls.pfx,
          passphrase: tls.passphrase,
          rejectUnauthorized: tls.rejectUnauthorized,
          servername: tls.servername,
        })
      : new http.Agent({ keepAlive: true, maxSockets: limiter.max });
  const request = isHttps ? https.request : http.request;
  const authHeaders = async () => authFrom(dynamicAuth ? await credentials(kc, context) : tls);

  function once(
    req: KubeRequest,
    url: string,
    headers: http.OutgoingHttpHeaders,
    body: string | undefined,
    deadline: number,
  ) {
    return new Promise<{ status: number; body: string; retryAfter?: string }>((resolve, reject) => {
      const r = request(url, { method: req.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            retryAfter: res.headers['retry-after'],
          });
        });
        res.on('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
      const timer = setTimeout(() => r.destroy(new Timeout()), Math.max(1, deadline - Date.now()));
      r.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      r.end(body);
    });
  }

  async function send<T>(req: KubeRequest): Promise<T> {
    if (req.method !== 'GET') assertPermit(req.permit, `${req.method} ${req.path}`);
    const query = { ...req.query, ...(req.permit?.dryRun ? { dryRun: 'All' } : {}) };
    const url = server + req.path + queryString(query);
    const body =
      req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const headers: http.OutgoingHttpHeaders = {
      accept: req.accept ?? (req.text ? 'text/plain, */*' : 'application/json'),
      'user-agent': USER_AGENT,
      ...(await authHeaders()),
    };
    if (body !== undefined) {
      headers['content-type'] = req.contentType ?? 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const deadline = Date.now() + (req.timeoutMs ?? timeoutMs);
    const where = { method: req.method, path: req.path, context };
    for (let attempt = 0; ; attempt++) {
      const canRetry = req.method === 'GET' && attempt < retries;
      let reply: Awaited<ReturnType<typeof once>>;
      try {
        reply = await limiter.run(() => once(req, url, headers, body, deadline));
      } catch (err) {
        if (err instanceof Timeout) {
          throw new KubeError(
            'Timeout',
            `the Kubernetes API at ${server} (context ${context}) did not answer ${req.method} ${req.path} within ${req.timeoutMs ?? timeoutMs} ms`,
          );
        }
        if (
          canRetry &&
          RETRY_CODES.has((err as NodeJS.ErrnoException).code ?? '') &&
          (await backoff(attempt, deadline))
        )
          continue;
        throw unreachable(server, context, err);
      }
      if (reply.status >= 200 && reply.status < 300) {
        if (req.text) return reply.body as T;
        return (reply.body ? JSON.parse(reply.body) : undefined) as T;
      }
      if (canRetry && RETRY_STATUS.has(reply.status) && (await backoff(attempt, deadline, reply.retryAfter)))
        continue;
      throw errorFromResponse(reply.status, reply.body, where);
    }
  }

  return { context, server, namespace, send, close: () => agent.destroy() };
}

/** client-node works out certificates and tokens for every kind of kubeconfig user. */
async function credentials(kc: KubeConfig, context: string): Promise<https.RequestOptions> {
  const opts: https.RequestOptions = { headers: {} };
  try {
    await kc.applyToHTTPSOptions(opts);
  } catch (err) {
    throw new KubeError(
      'Config',
      `cannot set up credentials for context '${context}': ${(err as Error).message}`,
      undefined,
      { cause: err },
    );
  }
  return opts;
}

function authFrom(opts: https.RequestOptions): http.OutgoingHttpHeaders {
  const headers = { ...(opts.headers as http.OutgoingHttpHeaders) };
  if (opts.auth) headers.authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
  return headers;
}

/** Waits before the next attempt; false when the deadline would pass first. */
async function backoff(attempt: number, deadline: number, retryAfter?: string): Promise<boolean> {
  const asked = Number(retryAfter);
  const wait = Number.isFinite(asked) && asked > 0 ? Math.min(asked * 1000, 2000) : 100 * 4 ** attempt;
  if (Date.now() + wait >= deadline) return false;
  await new Promise((r) => setTimeout(r, wait));
  return true;
}

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

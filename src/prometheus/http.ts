import type { HttpAuth } from '../config/types.ts';
import { PrometheusError } from './errors.ts';
import { ConnectionError, Http1Pool, TimeoutError } from './http1.ts';

export interface TlsOptions {
  /** PEM CA bundle to trust instead of the system's (a private CA). */
  ca?: string;
  /** Accept any server certificate (self-signed test setups only). */
  insecureSkipVerify?: boolean;
}

export interface HttpClientOptions {
  /** Base URL, e.g. `http://127.0.0.1:9090` or `https://prom.example.com/prometheus`. */
  url: string;
  auth?: HttpAuth | null;
  timeoutMs?: number;
  tls?: TlsOptions;
}

export type Service = 'Prometheus' | 'Alertmanager';

export const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_ERROR_BODY = 500;
const FORM = 'application/x-www-form-urlencoded';
/** Longer query strings go in a POST body: proxies and servers commonly cap URLs at 4–8 KB. */
const MAX_QUERY_STRING = 2048;

export type Query = Record<string, string | number | boolean | undefined | readonly string[]>;

/** `a=1&match[]=x&match[]=y`, skipping undefined values. */
export function encodeQuery(query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, item);
    else params.append(k, String(v));
  }
  return params.toString();
}

interface Response {
  status: number;
  body: string;
  contentType: string;
}

/**
 * JSON over HTTP to one service with a keep-alive agent: a chat turn makes several calls in a row,
 * and a new connection each time would cost more than Prometheus takes to answer.
 */
export class HttpJsonClient {
  readonly baseUrl: string;
  private readonly base: URL;
  private readonly pool: Http1Pool;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;

  constructor(
    readonly service: Service,
    options: HttpClientOptions,
  ) {
    this.baseUrl = options.url.replace(/\/+$/, '');
    this.base = new URL(`${this.baseUrl}/`);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:')
      throw new Error(`${service} URL must start with http:// or https://, got '${options.url}'`);
    if (this.base.username || this.base.password)
      throw new Error(`put ${service} credentials in auth, not in the URL`);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.headers = { accept: 'application/json', ...authHeader(options.auth) };
    const https = this.base.protocol === 'https:';
    this.pool = new Http1Pool({
      https,
      host: this.base.hostname.replace(/^\[|\]$/g, ''),
      port: Number(this.base.port) || (https ? 443 : 80),
      ca: options.tls?.ca,
      rejectUnauthorized: !options.tls?.insecureSkipVerify,
    });
  }

  async get<T>(path: string, query: Query = {}): Promise<T> {
    const qs = encodeQuery(query);
    return this.json<T>('GET', qs ? `${path}?${qs}` : path);
  }

  /**
   * GET with the parameters in the URL — one small write per call — or, when they would make a long
   * URL (a big PromQL expression), a form POST, which Prometheus accepts on the same endpoints.
   */
  getOrPost<T>(path: string, query: Query): Promise<T> {
    const qs = encodeQuery(query);
    return qs.length <= MAX_QUERY_STRING
      ? this.json<T>('GET', `${path}?${qs}`)
      : this.json<T>('POST', path, qs, FORM);
  }

  postJson<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>('POST', path, JSON.stringify(body), 'application/json');
  }

  delete<T>(path: string): Promise<T> {
    return this.json<T>('DELETE', path);
  }

  /** Lets a process exit without waiting for idle keep-alive sockets to time out. */
  close(): void {
    this.pool.close();
  }

  private async json<T>(method: string, path: string, body?: string, contentType?: string): Promise<T> {
    // Joined by hand from the parsed base: no URL parsing on the hot path.
    const fullPath = `${this.base.pathname.replace(/\/$/, '')}${path}`;
    const shown = `${this.base.origin}${fullPath.split('?')[0]}`;
    const res = await this.send(method, fullPath, shown, body, contentType);
    const parsed = parseJson(res.body);
    if (res.status >= 200 && res.status < 300) {
      if (parsed === undefined && res.body.trim())
        throw new PrometheusError(
          `${this.service} at ${shown} answered HTTP ${res.status} with ${res.contentType || 'a body'} that is not JSON: is the URL the ${this.service} server itself?`,
          shown,
          res.status,
        );
      return parsed as T;
    }
    throw statusError(this.service, shown, res, parsed);
  }

  private async send(
    method: string,
    path: string,
    shown: string,
    body: string | undefined,
    contentType: string | undefined,
  ): Promise<Response> {
    const headers =
      body === undefined
        ? this.headers
        : { ...this.headers, 'content-type': contentType ?? 'application/json' };
    try {
      const res = await this.pool.request(method, path, headers, body, {
        timeoutMs: this.timeoutMs,
        // Reading is safe to send twice; a silence or an alert is not.
        retryable: method === 'GET' || method === 'DELETE' || contentType === FORM,
      });
      return { status: res.status, body: res.body, contentType: res.headers['content-type'] ?? '' };
    } catch (err) {
      if (err instanceof TimeoutError)
        throw new PrometheusError(
          `${this.service} at ${shown} did not answer within ${this.timeoutMs} ms: narrow the query (shorter range, larger step, more label matchers) or raise the timeout`,
          shown,
        );
      if (err instanceof ConnectionError) throw unreachable(this.service, shown, err);
      throw new PrometheusError(
        `${this.service} at ${shown} answered with something that is not HTTP/1.1 (${(err as Error).message}): is the URL right?`,
        shown,
      );
    }
  }
}

/** The Authorization header for bearer or basic credentials; none without them. */
export function authHeader(auth: HttpAuth | null | undefined): Record<string, string> {
  if (!auth) return {};
  if (auth.type === 'bearer') return { authorization: `Bearer ${auth.token}` };
  return {
    authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const FLAG: Record<Service, string> = {
  Prometheus: '--prometheus-url (or PROMETHEUS_URL)',
  Alertmanager: '--alertmanager-url (or ALERTMANAGER_URL)',
};

function unreachable(service: Service, shown: string, err: ConnectionError): PrometheusError {
  const { code } = err;
  const why =
    code === 'ECONNREFUSED'
      ? 'connection refused: is it running there?'
      : code === 'ENOTFOUND'
        ? 'no such host'
        : /certificate|self.signed|CERT_/i.test(`${code} ${err.message}`)
          ? `TLS certificate not trusted (${err.message}): pass the CA, or insecureSkipVerify for a test setup`
          : (code ?? err.message);
  return new PrometheusError(`cannot reach ${service} at ${shown} (${why}); check ${FLAG[service]}`, shown);
}

/** Prometheus answers `{status:"error", errorType, error}`; Alertmanager a JSON string or text. */
function statusError(service: Service, shown: string, res: Response, parsed: unknown): PrometheusError {
  const p = parsed as { errorType?: string; error?: string; message?: string } | string | undefined;
  const said =
    typeof p === 'string'
      ? p
      : p?.error
        ? `${p.errorType ? `${p.errorType}: ` : ''}${p.error}`
        : /<html/i.test(res.body)
          ? 'an HTML page, not the API'
          : (p?.message ?? res.body.trim().slice(0, MAX_ERROR_BODY));
  const hint =
    res.status === 401 || res.status === 403
      ? ` — check the ${service} credentials (bearer token or basic auth)`
      : res.status === 404 && (!said.trim() || /page not found|HTML page/i.test(said))
        ? ` — is ${shown.replace(/\/api\/.*$/, '')} the ${service} base URL? (a path prefix belongs in the URL)`
        : '';
  return new PrometheusError(
    `${service} at ${shown} answered HTTP ${res.status}${said ? `: ${said.trim()}` : ''}${hint}`,
    shown,
    res.status,
    typeof p === 'object' ? p?.errorType : undefined,
  );
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cluster } from '../core/cluster.ts';
import { ApiError, badRequest } from '../core/errors.ts';

/** The real API server's default request body limit. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** One API request as the handlers see it. */
export interface RequestContext {
  cluster: Cluster;
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  query: URLSearchParams;
}

export function sendJson(res: ServerResponse, code: number, body: string | object): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Streams a body made of many pieces in ~64 KiB chunks, respecting the socket's back-pressure, so a
 * LIST of 10,000 pods or a 10,000-pod /metrics never becomes one string tens of MB long.
 */
export function streamPieces(res: ServerResponse, contentType: string, pieces: readonly string[]): void {
  res.writeHead(200, { 'content-type': contentType });
  let next = 0;
  const pump = () => {
    while (next < pieces.length) {
      let chunk = '';
      while (next < pieces.length && chunk.length < 64 * 1024) chunk += pieces[next++];
      if (next === pieces.length) {
        res.end(chunk);
        return;
      }
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.once('close', () => {
    next = pieces.length;
  });
  pump();
}

/** A JSON list: `head`, the pre-serialised items joined by commas, then `tail`, streamed. */
export function streamJsonList(
  res: ServerResponse,
  head: string,
  items: readonly string[],
  tail: string,
): void {
  const pieces: string[] = [head];
  for (let i = 0; i < items.length; i++) pieces.push(i === 0 ? items[i] : `,${items[i]}`);
  pieces.push(tail);
  streamPieces(res, 'application/json', pieces);
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Every failure leaves as a `Status` body; anything that is not an ApiError is a bug, reported as a 500. */
export function sendError(res: ServerResponse, err: unknown): void {
  const apiError =
    err instanceof ApiError
      ? err
      : new ApiError(
          500,
          'InternalError',
          `Internal error occurred: ${(err as Error)?.message ?? String(err)}`,
        );
  if (!(err instanceof ApiError)) process.stderr.write(`sandbox api: ${(err as Error)?.stack ?? err}\n`);
  if (res.headersSent) {
    res.end();
    return;
  }
  const extra = apiError.code === 413 ? { connection: 'close' } : {};
  const text = JSON.stringify(apiError.toStatus());
  res.writeHead(apiError.code, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = () =>
    new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_BODY_BYTES}`);
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(badRequest(`error reading request body: ${err.message}`));
      failed = true;
    });
  });
}

/** The media type without parameters, lower-cased: `application/merge-patch+json`. */
export const mediaType = (header: string | undefined) => (header ?? '').split(';')[0].trim().toLowerCase();

export type Representation =
  | { as: 'object' }
  | { as: 'Table'; version: string }
  | { as: 'PartialObjectMetadata' };

/**
 * Content negotiation for reads: kubectl asks for `application/json;as=Table;v=v1;g=meta.k8s.io,…,application/json`;
 * the first alternative this server can produce wins, plain JSON being the fallback for everything else.
 */
export function negotiate(accept: string | undefined): Representation {
  for (const alternative of (accept ?? '').split(',')) {
    const [type, ...params] = alternative.split(';').map((p) => p.trim());
    const param = (name: string) =>
      params.find((p) => p.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1);
    const as = param('as');
    if (!as) {
      if (type === 'application/json' || type === '*/*' || type === 'application/*') return { as: 'object' };
      continue;
    }
    if (param('g') !== 'meta.k8s.io') continue;
    const version = param('v');
    if (version !== 'v1' && version !== 'v1beta1') continue;
    if (as === 'Table') return { as: 'Table', version };
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList')
      return { as: 'PartialObjectMetadata' };
  }
  return { as: 'object' };
}

/** An integer query parameter; absent or empty is undefined, anything else that is not an integer is a 400. */
export function queryInt(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d{1,15}$/.test(raw)) throw badRequest(`invalid value for ${name}: ${JSON.stringify(raw)}`);
  return Number(raw);
}

export const queryBool = (query: URLSearchParams, name: string) => {
  const raw = query.get(name);
  return raw === 'true' || raw === '1';
};

export const isDryRun = (query: URLSearchParams) => query.getAll('dryRun').includes('All');

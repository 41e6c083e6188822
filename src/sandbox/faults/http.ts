import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultManager, FaultSpec } from './manager.ts';
import { FaultError } from './types.ts';

const PREFIX = '/sandbox/v1/faults';
const MAX_BODY = 1 << 20;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new FaultError(400, 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.trim() ? JSON.parse(text) : undefined);
      } catch (err) {
        reject(new FaultError(400, `request body is not valid JSON: ${(err as Error).message}`));
      }
    });
    req.on('error', reject);
  });
}

/** The fault control API: list, types, inject, get, delete. Errors are `{"error": "…"}`. */
export function handleFaultRequest(manager: FaultManager, req: IncomingMessage, res: ServerResponse): void {
  void route(manager, req, res).catch((err) => {
    if (res.headersSent) return;
    if (err instanceof FaultError) send(res, err.status, { error: err.message });
    else send(res, 500, { error: (err as Error).message ?? String(err) });
  });
}

async function route(manager: FaultManager, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://sandbox').pathname.replace(/\/+$/, '');
  const method = req.method ?? 'GET';
  if (path === PREFIX) {
    if (method === 'GET') return send(res, 200, { kind: 'FaultList', items: manager.list() });
    if (method === 'POST') {
      const body = await readJson(req);
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        throw new FaultError(
          400,
          'body must be a JSON object: {"type":"…","namespace":"…","target":"kind/name","params":{}}',
        );
      }
      return send(res, 201, manager.inject(body as FaultSpec));
    }
    return methodNotAllowed(res, 'GET, POST');
  }
  if (path === `${PREFIX}/types`) {
    if (method !== 'GET') return methodNotAllowed(res, 'GET');
    return send(res, 200, {
      kind: 'FaultTypeList',
      items: manager.types.map((t) => ({
        name: t.name,
        description: t.description,
        targets: t.targets.map((k) => `${k}/NAME`),
        ...(t.defaultTarget ? { defaultTarget: t.defaultTarget } : {}),
        params: t.params,
      })),
    });
  }
  if (path.startsWith(`${PREFIX}/`)) {
    const id = decodeURIComponent(path.slice(PREFIX.length + 1));
    if (method === 'GET') return send(res, 200, manager.get(id));
    if (method === 'DELETE') return send(res, 200, { ...manager.remove(id), removed: true });
    return methodNotAllowed(res, 'GET, DELETE');
  }
  send(res, 404, { error: `no such sandbox endpoint: ${method} ${path}; see GET ${PREFIX}/types` });
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  send(res, 405, { error: `method not allowed; use ${allow}` });
}

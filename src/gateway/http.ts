import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AuthCheck } from './auth.ts';
import type { McpEndpoint } from './mcp.ts';

const refuse = (
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: message }));
};

/**
 * One node:http server for the routes (Hono) and the MCP endpoints, which take the raw request and
 * response (the MCP SDK's Streamable HTTP transport reads the body itself); both behind the same auth.
 */
export async function listenHttp(options: {
  app: Hono;
  endpoints: McpEndpoint[];
  auth: AuthCheck;
  host: string;
  port: number;
  onError: (err: Error) => void;
}): Promise<{ url: string; close(): Promise<void> }> {
  const { auth, endpoints } = options;
  const listener = getRequestListener(options.app.fetch);
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const endpoint = endpoints.find((e) => path === e.path);
    if (!endpoint) return void listener(req, res);
    if (!auth(req.headers.authorization)) {
      const challenge: Record<string, string> = auth.challenge ? { 'www-authenticate': auth.challenge } : {};
      return refuse(res, 401, auth.refusal, challenge);
    }
    endpoint.handle(req, res).catch((err: Error) => {
      options.onError(err);
      if (!res.headersSent) refuse(res, 500, `internal error: ${err.message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    // Requests in flight finish; a client that keeps its connection open longer is cut off.
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => http.closeAllConnections(), 10_000);
        http.close(() => {
          clearTimeout(force);
          resolve();
        });
        http.closeIdleConnections();
      }),
  };
}

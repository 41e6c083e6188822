import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export type ServerFactory = () => Promise<McpServer>;

/** Serves one client over stdin/stdout; `closed` settles when the client closes stdin. */
export async function serveStdio(
  makeServer: ServerFactory,
): Promise<{ closed: Promise<void>; close(): Promise<void> }> {
  const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
  const server = await makeServer();
  const closed = new Promise<void>((resolve) => process.stdin.once('end', resolve));
  await server.connect(new StdioServerTransport());
  // Closing the transport stops reading stdin, so the process can exit.
  return { closed, close: () => server.close() };
}

const jsonRpcError = (res: ServerResponse, status: number, message: string) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
};

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/**
 * A Streamable HTTP endpoint with sessions: each client that initialises gets its own server and
 * transport, found again by its `Mcp-Session-Id`. Mountable on any node:http server (the gateway
 * serves it at /mcp/k8s). `loopbackOnly` refuses Host headers that are not loopback names, which
 * stops DNS-rebinding pages from reaching a server bound to 127.0.0.1.
 */
export function mcpHttpHandler(makeServer: ServerFactory, options: { loopbackOnly: boolean }) {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  let transportClass: Promise<typeof StreamableHTTPServerTransport> | undefined;
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (options.loopbackOnly && !LOOPBACK_HOST.test(req.headers.host ?? ''))
      return jsonRpcError(res, 403, 'host not allowed');
    const id = req.headers['mcp-session-id'];
    const known = typeof id === 'string' ? sessions.get(id) : undefined;
    if (known) return known.handleRequest(req, res);
    if (id !== undefined) return jsonRpcError(res, 404, 'unknown or expired session; initialise a new one');
    if (req.method !== 'POST')
      return jsonRpcError(res, 405, 'start a session with an initialize request (POST)');
    transportClass ??= import('@modelcontextprotocol/sdk/server/streamableHttp.js').then(
      (m) => m.StreamableHTTPServerTransport,
    );
    const Transport = await transportClass;
    const transport: StreamableHTTPServerTransport = new Transport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (sid) => void sessions.set(sid, transport),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    const server = await makeServer();
    await server.connect(transport);
    await transport.handleRequest(req, res);
    // Not an initialize request: the transport answered with an error and no session began.
    if (!transport.sessionId) await server.close();
  };
  return Object.assign(handler, {
    async closeAll() {
      await Promise.all([...sessions.values()].map((t) => t.close()));
    },
  });
}

/** Listens on host:port and serves MCP at `/mcp`. */
export async function serveHttp(makeServer: ServerFactory, options: { host: string; port: number }) {
  const loopbackOnly = ['127.0.0.1', 'localhost', '::1'].includes(options.host);
  const mcp = mcpHttpHandler(makeServer, { loopbackOnly });
  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/mcp') return jsonRpcError(res, 404, `no such path ${path}; the MCP endpoint is /mcp`);
    mcp(req, res).catch((err) => {
      if (!res.headersSent) jsonRpcError(res, 500, `internal error: ${(err as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/mcp`,
    async close() {
      await mcp.closeAll();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}

export interface ServeOptions {
  transport: 'stdio' | 'http';
  host: string;
  port: number;
  /** Where lines for the operator go (the ready line): stderr, as stdout may carry the protocol. */
  log(line: string): void;
}

/** Serves until stdin closes (stdio) or SIGINT/SIGTERM, then closes the transport and calls `done`. */
export async function serveUntilStopped(
  makeServer: ServerFactory,
  options: ServeOptions,
  done: () => void,
): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  try {
    if (options.transport === 'stdio') {
      const stdio = await serveStdio(makeServer);
      await Promise.race([stdio.closed, stopped]);
      await stdio.close();
    } else {
      const http = await serveHttp(makeServer, { host: options.host, port: options.port });
      options.log(JSON.stringify({ ready: true, transport: 'http', url: http.url }));
      await stopped;
      await http.close();
    }
  } finally {
    done();
  }
}

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { isLoopbackHost, isLoopbackHostHeader } from '../loopback.ts';
import { type McpServer, RPC_ERROR, rpcError } from './server.ts';

/**
 * Serves one client over newline-delimited JSON-RPC on stdin/stdout; `closed` settles when the
 * client closes stdin. Requests are answered as they finish, not in turn.
 */
export function serveStdio(
  server: McpServer,
  input: Readable = process.stdin,
  output: Writable = process.stdout,
): { closed: Promise<void>; close(): void } {
  let pending = '';
  const answer = (line: string) => {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch (err) {
      output.write(
        `${JSON.stringify(rpcError(null, RPC_ERROR.parse, `not JSON: ${(err as Error).message}`))}\n`,
      );
      return;
    }
    void server.handle(message).then((reply) => reply && output.write(`${JSON.stringify(reply)}\n`));
  };
  const onData = (chunk: string) => {
    const searchFrom = pending.length;
    pending += chunk;
    let start = 0;
    for (let end = pending.indexOf('\n', searchFrom); end >= 0; end = pending.indexOf('\n', start)) {
      const line = pending.slice(start, end).trim();
      start = end + 1;
      if (line) answer(line);
    }
    pending = pending.slice(start);
  };
  input.setEncoding('utf8');
  input.on('data', onData);
  // A client that went away (EPIPE on stdout, a broken stdin) ends the session instead of crashing it.
  const closed = new Promise<void>((resolve) => {
    input.once('end', resolve);
    input.once('error', () => resolve());
    output.once('error', () => resolve());
  });
  return {
    closed,
    // Stops reading stdin, so the process can exit.
    close: () => {
      input.off('data', onData);
      input.pause();
    },
  };
}

const jsonRpcError = (res: ServerResponse, status: number, message: string) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
};

/**
 * A Streamable HTTP endpoint with sessions: each client that initialises gets its own transport
 * (the SDK's), found again by its `Mcp-Session-Id`, all answered by one server. Mountable on any node:http server (the gateway
 * serves it at /mcp/k8s). `loopbackOnly` refuses Host headers that are not loopback names, which
 * stops DNS-rebinding pages from reaching a server bound to 127.0.0.1.
 */
export function mcpHttpHandler(server: McpServer, options: { loopbackOnly: boolean }) {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  let transportClass: Promise<typeof StreamableHTTPServerTransport> | undefined;
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (options.loopbackOnly && !isLoopbackHostHeader(req.headers.host))
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
    transport.onmessage = (message) =>
      void server.handle(message).then((reply) =>
        // A client that disconnected before its answer was ready has nobody left to tell.
        reply ? transport.send(reply as JSONRPCMessage).catch(() => {}) : undefined,
      );
    await transport.start();
    await transport.handleRequest(req, res);
    // Not an initialize request: the transport answered with an error and no session began.
    if (!transport.sessionId) await transport.close();
  };
  return Object.assign(handler, {
    async closeAll() {
      await Promise.all([...sessions.values()].map((t) => t.close()));
    },
  });
}

/** Listens on host:port and serves MCP at `/mcp`. */
export async function serveHttp(server: McpServer, options: { host: string; port: number }) {
  const loopbackOnly = isLoopbackHost(options.host);
  const mcp = mcpHttpHandler(server, { loopbackOnly });
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
  server: McpServer,
  options: ServeOptions,
  done: () => void,
): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  try {
    if (options.transport === 'stdio') {
      const stdio = serveStdio(server);
      await Promise.race([stdio.closed, stopped]);
      stdio.close();
    } else {
      const http = await serveHttp(server, { host: options.host, port: options.port });
      options.log(JSON.stringify({ ready: true, transport: 'http', url: http.url }));
      await stopped;
      await http.close();
    }
  } finally {
    done();
  }
}

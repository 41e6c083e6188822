import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { type Parsed, ResponseParser, type WireResponse } from './http1-parser.ts';

export type { WireResponse };

/**
 * A small HTTP/1.1 client keeping connections to one server alive. node:http spent 0.1–0.5 ms
 * per request in its own machinery here (measured against a raw socket) — about what Prometheus
 * takes to answer a query — so the calls a chat turn makes go over this instead. It speaks
 * what Prometheus and Alertmanager answer with: Content-Length, chunked or until-close bodies, no
 * compression (it asks for none), no redirects.
 */

export interface Endpoint {
  https: boolean;
  /** Host name or address, IPv6 without brackets. */
  host: string;
  port: number;
  ca?: string;
  rejectUnauthorized?: boolean;
}

/** No answer came: the connection failed, was refused, or closed first. `code` is the system's (ECONNREFUSED, …). */
export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export class TimeoutError extends Error {}

const MAX_IDLE = 8;
interface IdleSocket {
  socket: Socket;
  /** Removes the listeners that watch the socket while it waits. */
  release(): void;
}

/** Kept-alive connections to one endpoint; each carries one request at a time. */
export class Http1Pool {
  private readonly idle: IdleSocket[] = [];
  private readonly hostHeader: string;

  constructor(private readonly endpoint: Endpoint) {
    const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
    this.hostHeader = endpoint.port === (endpoint.https ? 443 : 80) ? host : `${host}:${endpoint.port}`;
  }

  /**
   * Sends one request. A `retryable` (idempotent) request reuses an idle connection and, when
   * that fails before any answer (the server closed it while idle), is sent once more on a new one;
   * other requests always open their own.
   */
  async request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    options: { timeoutMs: number; retryable: boolean },
  ): Promise<WireResponse> {
    const reused = options.retryable ? this.take() : undefined;
    try {
      return await this.exchange(reused ?? this.open(), method, path, headers, body, options.timeoutMs);
    } catch (err) {
      if (!reused || !(err instanceof ConnectionError)) throw err;
      return this.exchange(this.open(), method, path, headers, body, options.timeoutMs);
    }
  }

  close(): void {
    for (const { socket, release } of this.idle.splice(0)) {
      release();
      socket.destroy();
    }
  }

  private open(): Socket {
    const { https, host, port, ca, rejectUnauthorized } = this.endpoint;
    const socket = https
      ? tlsConnect({
          host,
          port,
          servername: /^[\d.]+$|:/.test(host) ? undefined : host,
          ca,
          rejectUnauthorized,
        })
      : netConnect({ host, port });
    socket.setNoDelay(true);
    return socket;
  }

  private take(): Socket | undefined {
    const entry = this.idle.pop();
    entry?.release();
    return entry?.socket;
  }

  /** Idle, a connection does not keep the process alive, and leaves the pool when the server closes it. */
  private park(socket: Socket): void {
    socket.unref();
    const drop = () => {
      const i = this.idle.indexOf(entry);
      if (i >= 0) this.idle.splice(i, 1);
      entry.release();
      socket.destroy();
    };
    const entry: IdleSocket = {
      socket,
      release: () => {
        socket.off('close', drop);
        socket.off('error', drop);
        socket.off('data', drop);
      },
    };
    socket.on('close', drop);
    socket.on('error', drop);
    socket.on('data', drop);
    this.idle.push(entry);
  }

  private exchange(
    socket: Socket,
    method: string,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number,
  ): Promise<WireResponse> {
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.hostHeader}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    if (body !== undefined) head += `content-length: ${Buffer.byteLength(body)}\r\n`;
    head += '\r\n';
    socket.ref();
    return new Promise<WireResponse>((resolve, reject) => {
      const parser = new ResponseParser();
      let answered = false;
      let settled = false;
      const finish = (err: Error | undefined, parsed?: Parsed) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('error', onError);
        socket.off('close', onClose);
        if (!parsed) {
          socket.destroy();
          return reject(err);
        }
        if (parsed.keepAlive && this.idle.length < MAX_IDLE && !socket.destroyed) this.park(socket);
        else socket.destroy();
        resolve(parsed.response);
      };
      const onData = (chunk: Buffer) => {
        answered = true;
        try {
          const parsed = parser.feed(chunk);
          if (parsed) finish(undefined, parsed);
        } catch (err) {
          finish(err as Error);
        }
      };
      const onError = (err: NodeJS.ErrnoException) =>
        finish(answered ? err : new ConnectionError(err.message, err.code));
      const onClose = () => {
        const parsed = parser.end();
        if (parsed) return finish(undefined, parsed);
        finish(
          answered
            ? new Error('the server closed the connection in the middle of its answer')
            : new ConnectionError('the server closed the connection before answering', 'ECONNRESET'),
        );
      };
      const timer = setTimeout(() => finish(new TimeoutError()), timeoutMs);
      socket.on('data', onData);
      socket.on('error', onError);
      socket.on('close', onClose);
      socket.write(body === undefined ? head : head + body);
    });
  }
}

// One HTTP/1.1 response read from the bytes of a connection: the parser behind http1.ts.

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const MAX_HEAD = 64 * 1024;
const CR = 13;
const LF = 10;

export interface Parsed {
  response: WireResponse;
  keepAlive: boolean;
}

/** Incremental response parser: fed chunks, it answers once the whole response is in. */
export class ResponseParser {
  private buffer: Buffer = Buffer.alloc(0);
  private head?: { status: number; headers: Record<string, string>; keepAlive: boolean };
  private readonly body: Buffer[] = [];
  private length = -1;
  private chunked = false;

  feed(chunk: Buffer): Parsed | undefined {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    if (!this.head && !this.parseHead()) return undefined;
    return this.chunked ? this.parseChunks() : this.parseSized();
  }

  /** The server closed the connection: complete only for a body that runs until then. */
  end(): Parsed | undefined {
    if (!this.head || this.chunked || this.length >= 0) return undefined;
    this.body.push(this.buffer);
    return this.done(false);
  }

  private parseHead(): boolean {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) {
      if (this.buffer.length > MAX_HEAD) throw new Error('the response headers are larger than 64 KiB');
      return false;
    }
    const lines = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
    this.buffer = this.buffer.subarray(end + 4);
    const status = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0]);
    if (!status) throw new Error(`not an HTTP/1.x response: ${lines[0].slice(0, 80)}`);
    const code = Number(status[2]);
    // 1xx answers (100 Continue) come before the real one.
    if (code < 200) return this.parseHead();
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const connection = (headers.connection ?? '').toLowerCase();
    const keepAlive = status[1] === '1' ? connection !== 'close' : connection === 'keep-alive';
    this.head = { status: code, headers, keepAlive };
    if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) this.chunked = true;
    else if (headers['content-length'] !== undefined) this.length = Number(headers['content-length']);
    else if (code === 204 || code === 304) this.length = 0;
    return true;
  }

  private parseSized(): Parsed | undefined {
    if (this.length < 0 || this.buffer.length < this.length) return undefined;
    this.body.push(this.buffer.subarray(0, this.length));
    return this.done(this.head!.keepAlive);
  }

  private parseChunks(): Parsed | undefined {
    for (;;) {
      const lineEnd = this.buffer.indexOf('\r\n');
      if (lineEnd < 0) return undefined;
      const size = Number.parseInt(this.buffer.subarray(0, lineEnd).toString('latin1'), 16);
      if (Number.isNaN(size)) throw new Error('malformed chunked body');
      const data = lineEnd + 2;
      if (size === 0) {
        // The last chunk: an empty line, or trailers that end with one.
        const rest = this.buffer.subarray(data);
        if (rest.length < 2) return undefined;
        if (!(rest[0] === CR && rest[1] === LF) && rest.indexOf('\r\n\r\n') < 0) return undefined;
        return this.done(this.head!.keepAlive);
      }
      if (this.buffer.length < data + size + 2) return undefined;
      this.body.push(this.buffer.subarray(data, data + size));
      this.buffer = this.buffer.subarray(data + size + 2);
    }
  }

  private done(keepAlive: boolean): Parsed {
    const { status, headers } = this.head!;
    return { response: { status, headers, body: Buffer.concat(this.body).toString('utf8') }, keepAlive };
  }
}

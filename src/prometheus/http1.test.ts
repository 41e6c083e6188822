import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ConnectionError, Http1Pool, TimeoutError } from './http1.ts';
import { ResponseParser } from './http1-parser.ts';

const listen = async (server: Server | ReturnType<typeof createTcpServer>) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const opts = { timeoutMs: 2000, retryable: true };

describe('HTTP/1.1 pool', () => {
  test('the parser reads sized, chunked (with trailers) and until-close bodies fed byte by byte', () => {
    const feed = (raw: string, close = false) => {
      const p = new ResponseParser();
      let out: ReturnType<ResponseParser['feed']>;
      for (const byte of Buffer.from(raw)) out ??= p.feed(Buffer.from([byte]));
      return out ?? (close ? p.end() : undefined);
    };
    assert.deepEqual(feed('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello')?.response, {
      status: 200,
      headers: { 'content-length': '5', 'x-a': '1' },
      body: 'hello',
    });
    const chunked = feed(
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhé\r\n4;ext=1\r\nllo!\r\n0\r\nX-T: 1\r\n\r\n',
    );
    assert.equal(chunked?.response.body, 'héllo!');
    assert.equal(chunked?.keepAlive, true);
    const untilClose = feed('HTTP/1.0 200 OK\r\n\r\nall of it', true);
    assert.deepEqual([untilClose?.response.body, untilClose?.keepAlive], ['all of it', false]);
    assert.equal(feed('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n')?.response.status, 204);
    assert.throws(
      () => new ResponseParser().feed(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n')),
      /not an HTTP\/1\.x response/,
    );
  });

  test('one connection serves calls in a row; a connection the server closed while idle is replaced', async () => {
    const connections: unknown[] = [];
    const server = createHttpServer((req, res) => {
      if (req.url === '/chunked') {
        res.write('{"a":');
        res.end('1}');
        return;
      }
      res.end(JSON.stringify({ path: req.url, method: req.method, host: req.headers.host }));
    });
    server.on('connection', (s) => connections.push(s));
    const port = await listen(server);
    const pool = new Http1Pool({ https: false, host: '127.0.0.1', port });
    try {
      for (let i = 0; i < 5; i++) {
        const r = await pool.request('GET', `/x?i=${i}`, { accept: 'application/json' }, undefined, opts);
        assert.deepEqual(JSON.parse(r.body), { path: `/x?i=${i}`, method: 'GET', host: `127.0.0.1:${port}` });
      }
      assert.equal((await pool.request('GET', '/chunked', {}, undefined, opts)).body, '{"a":1}');
      assert.equal(connections.length, 1, 'kept alive');
      server.closeIdleConnections();
      await new Promise((r) => setTimeout(r, 50));
      assert.equal((await pool.request('GET', '/again', {}, undefined, opts)).status, 200);
      assert.equal(connections.length, 2);
      const posted = await pool.request('POST', '/p', { 'content-type': 'application/json' }, '{}', {
        ...opts,
        retryable: false,
      });
      assert.equal(JSON.parse(posted.body).method, 'POST');
    } finally {
      pool.close();
      server.closeAllConnections();
      server.close();
    }
  });

  test('refused, silent and non-HTTP servers', async () => {
    const dead = new Http1Pool({ https: false, host: '127.0.0.1', port: 9 });
    await assert.rejects(
      dead.request('GET', '/', {}, undefined, opts),
      (e: unknown) => e instanceof ConnectionError && e.code === 'ECONNREFUSED',
    );
    const silent = createTcpServer(() => {});
    const port = await listen(silent);
    const pool = new Http1Pool({ https: false, host: '127.0.0.1', port });
    await assert.rejects(pool.request('GET', '/', {}, undefined, { ...opts, timeoutMs: 100 }), TimeoutError);
    silent.close();
    const ssh = createTcpServer((s) => s.end('SSH-2.0-OpenSSH_9\r\n\r\n'));
    const sshPort = await listen(ssh);
    await assert.rejects(
      new Http1Pool({ https: false, host: '127.0.0.1', port: sshPort }).request(
        'GET',
        '/',
        {},
        undefined,
        opts,
      ),
      /not an HTTP\/1\.x response/,
    );
    ssh.close();
  });

  test('TLS: a self-signed server is refused unless trusted by its CA or told to skip the check', {
    skip: spawnSync('sh', ['-c', 'command -v openssl']).status !== 0 && 'openssl is not installed',
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'http1-tls-'));
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(made.status, 0, made.stderr);
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (_req, res) =>
      res.end('secure'),
    );
    const port = await listen(server as unknown as Server);
    try {
      await assert.rejects(
        new Http1Pool({ https: true, host: 'localhost', port }).request('GET', '/', {}, undefined, opts),
        (e: unknown) => e instanceof ConnectionError && /self.signed|CERT/i.test(`${e.code} ${e.message}`),
      );
      const trusted = new Http1Pool({ https: true, host: 'localhost', port, ca: cert });
      assert.equal((await trusted.request('GET', '/', {}, undefined, opts)).body, 'secure');
      trusted.close();
      const skipping = new Http1Pool({ https: true, host: '127.0.0.1', port, rejectUnauthorized: false });
      assert.equal((await skipping.request('GET', '/', {}, undefined, opts)).body, 'secure');
      skipping.close();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

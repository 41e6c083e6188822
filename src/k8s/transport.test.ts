import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PolicyGate } from '../policy/gate.ts';
import { defaultPolicy } from '../policy/policy.ts';
import { loadKubeconfig } from './config.ts';
import type { KubeError } from './errors.ts';
import { createTransport, type Transport } from './transport.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A stand-in API server whose behaviour each test sets, counting requests and connections. */
describe('transport', () => {
  let server: Server;
  let handler: Handler;
  let connections = 0;
  let kubeconfig: string;
  const seen: { method: string; url: string; headers: IncomingMessage['headers'] }[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
        handler(req, res, body);
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    kubeconfig = join(mkdtempSync(join(tmpdir(), 'transport-')), 'kubeconfig');
    writeFileSync(
      kubeconfig,
      `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]
contexts: [{name: ctx, context: {cluster: c, namespace: apps, user: u}}]
users: [{name: u, user: {token: abc123}}]
current-context: ctx
`,
    );
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const open = async (options = {}): Promise<Transport> => {
    const config = await loadKubeconfig({ kubeconfig });
    return createTransport(config.forContext('ctx'), options);
  };
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const permit = async (dryRun: boolean) => {
    let issued: unknown;
    await new PolicyGate({ policy: defaultPolicy({ dryRun }) }).execute({
      mutation: {
        verb: 'cordon',
        target: { context: 'ctx', apiVersion: 'v1', kind: 'Node', name: 'n' },
        params: {},
        requestedBy: 'test',
      },
      perform: async (p) => {
        issued = p;
      },
    });
    return issued as Parameters<Transport['send']>[0]['permit'];
  };

  test('sends the token, reuses one keep-alive connection, and knows its context', async () => {
    handler = (_req, res) => json(res, 200, { kind: 'PodList', items: [] });
    const t = await open();
    const before = connections;
    for (let i = 0; i < 5; i++) await t.send({ method: 'GET', path: '/api/v1/pods' });
    assert.equal(connections - before, 1);
    assert.equal(seen.at(-1)?.headers.authorization, 'Bearer abc123');
    assert.equal(t.namespace, 'apps');
    assert.equal(t.context, 'ctx');
    t.close();
  });

  test('retries reads on 503 and honours Retry-After; never retries writes', async () => {
    let calls = 0;
    handler = (_req, res) =>
      ++calls < 3
        ? json(res, 503, { message: 'busy' }, { 'retry-after': '0' })
        : json(res, 200, { ok: true });
    const t = await open();
    assert.deepEqual(await t.send({ method: 'GET', path: '/x' }), { ok: true });
    assert.equal(calls, 3);
    calls = 0;
    handler = (_req, res) => {
      calls++;
      json(res, 503, { kind: 'Status', message: 'the server is currently unable to handle the request' });
    };
    await assert.rejects(
      t.send({ method: 'PATCH', path: '/x', body: {}, permit: await permit(false) }),
      (err: KubeError) => {
        assert.equal(err.reason, 'ServerError');
        assert.match(
          err.message,
          /^the server is currently unable to handle the request \(context ctx, PATCH \/x\)$/,
        );
        return true;
      },
    );
    assert.equal(calls, 1);
    t.close();
  });

  test('a reply that never comes is a Timeout naming the server', async () => {
    handler = () => undefined;
    const t = await open({ timeoutMs: 150 });
    await assert.rejects(t.send({ method: 'GET', path: '/slow' }), (err: KubeError) => {
      assert.equal(err.reason, 'Timeout');
      assert.match(
        err.message,
        /^the Kubernetes API at http:\/\/127\.0\.0\.1:\d+ \(context ctx\) did not answer GET \/slow within 150 ms$/,
      );
      return true;
    });
    t.close();
  });

  test('at most `concurrency` calls are in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    handler = (_req, res) => {
      peak = Math.max(peak, ++inFlight);
      setTimeout(() => {
        inFlight--;
        json(res, 200, {});
      }, 10);
    };
    const t = await open({ concurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, () => t.send({ method: 'GET', path: '/c' })));
    assert.equal(peak, 3);
    t.close();
  });

  test('writes need a permit from the gate; a dry-run permit adds dryRun=All', async () => {
    handler = (_req, res) => json(res, 200, {});
    const t = await open();
    await assert.rejects(
      t.send({ method: 'DELETE', path: '/api/v1/namespaces/a/pods/p' }),
      /must pass through the policy gate/,
    );
    await t.send({ method: 'POST', path: '/api/v1/namespaces/a/pods', body: {}, permit: await permit(true) });
    assert.equal(seen.at(-1)?.url, '/api/v1/namespaces/a/pods?dryRun=All');
    t.close();
  });

  test('API errors become typed errors with the server’s sentence', async () => {
    const t = await open();
    handler = (_req, res) =>
      json(res, 403, {
        kind: 'Status',
        reason: 'Forbidden',
        message: 'pods is forbidden: User "bot" cannot list resource "pods"',
      });
    await assert.rejects(t.send({ method: 'GET', path: '/api/v1/pods' }), (err: KubeError) => {
      assert.equal(err.reason, 'Forbidden');
      assert.match(
        err.message,
        /cannot list resource "pods" \(context ctx, GET \/api\/v1\/pods\); the credentials of this context lack the RBAC permission/,
      );
      return true;
    });
    handler = (_req, res) =>
      json(res, 409, { kind: 'Status', reason: 'AlreadyExists', message: 'pods "p" already exists' });
    await assert.rejects(t.send({ method: 'POST', path: '/p', body: {}, permit: await permit(false) }), {
      reason: 'AlreadyExists',
    });
    handler = (_req, res) =>
      json(res, 422, { kind: 'Status', reason: 'Invalid', message: 'Deployment.apps "x" is invalid' });
    await assert.rejects(t.send({ method: 'GET', path: '/p' }), { reason: 'Invalid' });
    t.close();
  });
});

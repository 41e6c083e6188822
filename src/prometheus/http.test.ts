import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { AlertmanagerClient } from './alertmanager.ts';
import { PrometheusError } from './errors.ts';
import { authHeader } from './http.ts';
import { PrometheusClient } from './prometheus.ts';

/** A stand-in that answers like Prometheus does for each path, and records the headers it got. */
const seen: IncomingMessage['headers'][] = [];
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/api/v1/query': (_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        status: 'error',
        errorType: 'bad_data',
        error: 'invalid parameter "query": 1:5: parse error: unclosed left parenthesis',
      }),
    );
  },
  '/api/v1/labels': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'success', data: ['job'], warnings: ['partial'] }));
  },
  '/api/v1/alerts': (_req, res) => {
    res.writeHead(401);
    res.end('Unauthorized');
  },
  '/api/v1/rules': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>login</html>');
  },
  '/api/v1/targets': () => {
    // Never answers: the client's timeout must.
  },
  '/api/v2/silences': (_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify('silence invalid: at least one matcher required'));
  },
};
const server = createServer((req, res) => {
  seen.push(req.headers);
  const handler = routes[(req.url ?? '').split('?')[0]];
  if (handler) return handler(req, res);
  res.writeHead(404);
  res.end('404 page not found');
});
let url = '';
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const rejects = async (promise: Promise<unknown>, pattern: RegExp) => {
  const err = await promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof PrometheusError, `a PrometheusError, got ${err}`);
  assert.match(err.message, pattern);
  return err;
};

describe('HTTP access to Prometheus and Alertmanager', () => {
  test("Prometheus's own error text and type, with the URL", async () => {
    const prom = new PrometheusClient({ url });
    const err = await rejects(
      prom.query('sum('),
      new RegExp(
        `^Prometheus at ${url}/api/v1/query answered HTTP 400: bad_data: invalid parameter "query": 1:5: parse error: unclosed left parenthesis$`,
      ),
    );
    assert.equal(err.errorType, 'bad_data');
    assert.equal(err.status, 400);
    prom.close();
  });

  test('warnings come back with the data; bearer auth is sent and never shown', async () => {
    const prom = new PrometheusClient({ url: `${url}/`, auth: { type: 'bearer', token: 's3cret' } });
    assert.deepEqual(await prom.labels(), { data: ['job'], warnings: ['partial'] });
    assert.equal(seen.at(-1)?.authorization, 'Bearer s3cret');
    const err = await rejects(
      prom.alerts(),
      /answered HTTP 401: Unauthorized — check the Prometheus credentials/,
    );
    assert.doesNotMatch(err.message, /s3cret/);
    prom.close();
  });

  test('basic auth; a login page or a wrong path says what the URL should be', async () => {
    const prom = new PrometheusClient({ url, auth: { type: 'basic', username: 'u', password: 'p' } });
    await rejects(
      prom.rules(),
      /answered HTTP 200 with text\/html that is not JSON: is the URL the Prometheus server itself\?/,
    );
    assert.equal(seen.at(-1)?.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
    await rejects(
      prom.buildInfo(),
      /answered HTTP 404: 404 page not found — is http:\/\/127\.0\.0\.1:\d+ the Prometheus base URL\?/,
    );
    prom.close();
  });

  test('timeouts and unreachable servers name the URL and the fix', async () => {
    const slow = new PrometheusClient({ url, timeoutMs: 200 });
    await rejects(slow.targets(), /did not answer within 200 ms: narrow the query/);
    slow.close();
    const dead = new AlertmanagerClient({ url: 'http://127.0.0.1:9' });
    await rejects(
      dead.alerts(),
      /^cannot reach Alertmanager at http:\/\/127\.0\.0\.1:9\/api\/v2\/alerts \(connection refused: is it running there\?\); check --alertmanager-url \(or ALERTMANAGER_URL\)$/,
    );
  });

  test("Alertmanager's error strings are quoted", async () => {
    const am = new AlertmanagerClient({ url });
    await rejects(am.silences(), /answered HTTP 400: silence invalid: at least one matcher required$/);
    am.close();
  });

  test('credentials in the URL and other schemes are refused', () => {
    assert.throws(
      () => new PrometheusClient({ url: 'http://u:p@127.0.0.1:9090' }),
      /credentials in auth, not in the URL/,
    );
    assert.throws(() => new PrometheusClient({ url: 'ftp://x' }), /must start with http:\/\/ or https:\/\//);
  });
});

test('sends the configured credentials', () => {
  assert.deepEqual(authHeader(null), {});
  assert.deepEqual(authHeader({ type: 'bearer', token: 't' }), { authorization: 'Bearer t' });
  assert.deepEqual(authHeader({ type: 'basic', username: 'u', password: 'p' }), {
    authorization: 'Basic dTpw',
  });
});

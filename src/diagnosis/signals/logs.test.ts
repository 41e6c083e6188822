import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CERT_EXPIRED,
  CONNECT_TIMEOUT,
  CONNECTION_REFUSED,
  DISK_FULL,
  DNS_ERRORS,
  MISSING_ENV,
  POOL_EXHAUSTED,
  RBAC_FORBIDDEN,
  TOO_MANY_CLIENTS,
} from './log-patterns.ts';
import { httpStats, keyLine, type LogLine, matchLines, peerAround, peerOf, quote } from './logs.ts';

const line = (text: string): LogLine => ({ text, container: 'app', previous: false });
const first = (text: string, patterns: RegExp[]) => matchLines([line(text)], patterns)[0]?.match;

describe('log matchers know the common runtimes', () => {
  const cases: [string, RegExp[], string | undefined][] = [
    // name resolution: Go, Node.js, Python/glibc, Java, libpq, nginx, curl
    [
      'dial tcp: lookup postgres.shop.svc.cluster.local on 10.96.0.10:53: read udp 10.244.1.5:41000->10.96.0.10:53: i/o timeout',
      DNS_ERRORS.map((d) => d.re),
      'postgres.shop.svc.cluster.local',
    ],
    ['dial tcp: lookup redis on 10.96.0.10:53: no such host', DNS_ERRORS.map((d) => d.re), 'redis'],
    ['Error: getaddrinfo EAI_AGAIN api', DNS_ERRORS.map((d) => d.re), 'api'],
    ['Error: getaddrinfo ENOTFOUND payments.internal', DNS_ERRORS.map((d) => d.re), 'payments.internal'],
    [
      'socket.gaierror: [Errno -3] Temporary failure in name resolution',
      DNS_ERRORS.map((d) => d.re),
      undefined,
    ],
    ['java.net.UnknownHostException: kafka-0.kafka', DNS_ERRORS.map((d) => d.re), 'kafka-0.kafka'],
    [
      'psql: error: could not translate host name "db" to address: Name or service not known',
      DNS_ERRORS.map((d) => d.re),
      'db',
    ],
    [
      '2025/06/12 09:00:00 [error] 29#29: *1 backend could not be resolved (3: Host not found)',
      DNS_ERRORS.map((d) => d.re),
      'backend',
    ],
    // refused and timed out
    ['dial tcp 10.96.14.50:5432: connect: connection refused', CONNECTION_REFUSED, '10.96.14.50'],
    ['Error: connect ECONNREFUSED 10.96.14.60:6379', CONNECTION_REFUSED, '10.96.14.60'],
    ['java.net.ConnectException: Connection refused', CONNECTION_REFUSED, undefined],
    [
      'redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.',
      CONNECTION_REFUSED,
      'redis',
    ],
    [
      'connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1',
      CONNECTION_REFUSED,
      undefined,
    ],
    ['dial tcp 10.96.14.50:5432: i/o timeout', CONNECT_TIMEOUT, '10.96.14.50'],
    ['Error: connect ETIMEDOUT 10.96.3.4:443', CONNECT_TIMEOUT, '10.96.3.4'],
    // databases
    ['FATAL:  sorry, too many clients already', TOO_MANY_CLIENTS, undefined],
    [
      'FATAL: remaining connection slots are reserved for non-replication superuser connections',
      TOO_MANY_CLIENTS,
      undefined,
    ],
    ['ERR max number of clients reached', TOO_MANY_CLIENTS, undefined],
    [
      'HikariPool-1 - Connection is not available, request timed out after 30000ms.',
      POOL_EXHAUSTED,
      undefined,
    ],
    [
      'sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out',
      POOL_EXHAUSTED,
      undefined,
    ],
    // certificates
    [
      'x509: certificate has expired or is not yet valid: current time 2025-06-12T09:00:00Z is after 2025-06-10T00:00:00Z',
      CERT_EXPIRED,
      undefined,
    ],
    ['Error: certificate has expired code: CERT_HAS_EXPIRED', CERT_EXPIRED, undefined],
    [
      'sun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed',
      CERT_EXPIRED,
      undefined,
    ],
    [
      'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)',
      CERT_EXPIRED,
      undefined,
    ],
    // configuration
    ["KeyError: 'DATABASE_URL'", MISSING_ENV, 'DATABASE_URL'],
    ['Error: environment variable STRIPE_API_KEY is not set', MISSING_ENV, 'STRIPE_API_KEY'],
    ['panic: required key REDIS_URL missing value', MISSING_ENV, 'REDIS_URL'],
    [
      "java.lang.IllegalArgumentException: Could not resolve placeholder 'payment.gateway.url' in value",
      MISSING_ENV,
      'payment.gateway.url',
    ],
    [
      '2025-06-12 09:27:42.087 UTC [29] PANIC:  could not write to file "pg_wal/xlogtemp.29": No space left on device',
      DISK_FULL,
      'pg_wal/xlogtemp.29',
    ],
    ['write /data/appendonly.aof: no space left on device', DISK_FULL, '/data/appendonly.aof'],
  ];
  for (const [text, patterns, captured] of cases) {
    test(text.slice(0, 70), () => {
      const m = first(text, patterns);
      assert.ok(m, 'matches');
      if (captured !== undefined) assert.equal(m[1], captured);
    });
  }

  test('a healthy line matches nothing', () => {
    const healthy = '{"level":"info","msg":"request completed","status":200,"duration_ms":12.4}';
    for (const set of [
      DNS_ERRORS.map((d) => d.re),
      CONNECTION_REFUSED,
      CONNECT_TIMEOUT,
      TOO_MANY_CLIENTS,
      CERT_EXPIRED,
      MISSING_ENV,
      DISK_FULL,
    ]) {
      assert.equal(first(healthy, set), undefined);
    }
  });

  test('RBAC denials name the subject, verb, resource and namespace', () => {
    const m = RBAC_FORBIDDEN.exec(
      'pods is forbidden: User "system:serviceaccount:ops:reporter" cannot list resource "pods" in API group "" in the namespace "shop"',
    );
    assert.deepEqual(m?.slice(1, 5), ['system:serviceaccount:ops:reporter', 'list', 'pods', 'shop']);
  });
});

describe('reading a log', () => {
  test('keyLine picks the line that says why the program stopped', () => {
    assert.equal(
      keyLine([
        'starting',
        'panic: runtime error: index out of range [3] with length 3',
        '',
        'goroutine 1 [running]:',
      ]),
      'panic: runtime error: index out of range [3] with length 3',
    );
    assert.equal(
      keyLine([
        'Traceback (most recent call last):',
        '  File "/app/x.py", line 3, in <module>',
        "KeyError: 'X_TOKEN'",
      ]),
      "KeyError: 'X_TOKEN'",
    );
    assert.equal(
      keyLine([
        'ERROR Application run failed',
        'org.springframework.beans.factory.BeanCreationException: boom',
        '\tat a.b.C(C.java:1)',
        'Caused by: java.net.ConnectException: Connection refused',
        '\tat x.y(Z.java:2)',
      ]),
      'Caused by: java.net.ConnectException: Connection refused',
    );
    assert.equal(keyLine(['all good', 'done']), 'done');
    assert.equal(keyLine([]), undefined);
  });

  test('peerOf prefers names to addresses and reads the port', () => {
    assert.deepEqual(
      peerOf('Get "http://checkout:8080/api": dial tcp 10.96.1.2:8080: connect: connection refused'),
      { host: 'checkout', port: 8080, ip: '10.96.1.2' },
    );
    assert.deepEqual(peerOf('failed to connect to `host=postgres.shop.svc.cluster.local user=app`'), {
      host: 'postgres.shop.svc.cluster.local',
    });
    assert.deepEqual(peerOf('panic: redis: connection refused'), { host: 'redis' });
  });

  test('peerAround looks a few lines up for the call that failed', () => {
    const lines = [
      'refresh from https://rates.bank.example:443/v2 failed',
      'javax.net.ssl.SSLHandshakeException: PKIX path validation failed',
    ].map(line);
    const hit = matchLines(lines, CERT_EXPIRED)[0];
    assert.equal(peerAround(lines, hit).host, 'rates.bank.example');
  });

  test('httpStats counts requests and 5xx across JSON, key=value and access logs', () => {
    const s = httpStats(
      [
        '{"msg":"request completed","status":200}',
        '{"msg":"request failed","status":500,"error":"boom"}',
        'level=info method=GET status=503 path=/x',
        '10.0.0.1 - - [12/Jun/2025:09:20:10 +0000] "GET / HTTP/1.1" 502 157 "-" "curl"',
        'not a request',
      ].map(line),
    );
    assert.deepEqual(
      { requests: s.requests, errors: s.errors, commonError: s.commonError, gatewayOnly: s.gatewayOnly },
      { requests: 4, errors: 3, commonError: 'boom', gatewayOnly: false },
    );
  });

  test('quote keeps the message and error of JSON lines, short', () => {
    assert.equal(
      quote('{"level":"error","ts":"x","msg":"query failed","err":{"message":"boom","code":"E1"}}'),
      'level="error" msg="query failed" err="boom"',
    );
    assert.equal(quote('x'.repeat(400)).length, 300);
  });
});

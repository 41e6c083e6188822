import { pick } from '../noise.ts';
import { clientIP, ephemeralPort, isoMillis, isoSeconds, slashTime } from './format.ts';
import type { AppContext, AppProfile, Crash, Peer, Problem, StartFailure } from './types.ts';

/** A Go HTTP service logging with zap (JSON lines): the shape of most in-house microservices. */

const PATHS = [
  ['GET', '/api/v1/orders'],
  ['GET', '/api/v1/products'],
  ['GET', '/api/v1/products/'],
  ['POST', '/api/v1/orders'],
  ['GET', '/api/v1/cart'],
  ['PUT', '/api/v1/cart/items'],
];

const zap = (level: string, at: number, caller: string, msg: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ level, ts: isoMillis(at), caller, msg, ...fields });

const url = (peer: Peer, path: string) => `${peer.tls ? 'https' : 'http'}://${peer.host}:${peer.port}${path}`;

function failure(app: AppContext, at: number, seq: number, peer: Peer, error: string): string {
  const s = `${app.seed}/${seq}`;
  if (peer.protocol === 'postgres') {
    return zap('error', at, 'store/postgres.go:112', 'query failed', {
      error: error.startsWith('failed to connect')
        ? error
        : `failed to connect to \`host=${peer.host} user=app database=app\`: ${error}`,
    });
  }
  if (peer.protocol === 'redis')
    return zap('error', at, 'cache/redis.go:54', 'cache lookup failed', { error });
  const [method, path] = PATHS[pick(s, PATHS.length)];
  const verb = method === 'GET' ? 'Get' : method === 'POST' ? 'Post' : 'Put';
  return zap('error', at, 'client/upstream.go:88', 'upstream request failed', {
    upstream: peer.host,
    error: `${verb} "${url(peer, path)}": ${error}`,
  });
}

const dnsTimeout = (app: AppContext, seq: number, peer: Peer, dnsIP: string) =>
  `dial tcp: lookup ${peer.host} on ${dnsIP}:53: read udp ${app.podIP}:${ephemeralPort(`${app.seed}/${seq}`)}->${dnsIP}:53: i/o timeout`;

export const httpApp: AppProfile = {
  name: 'http-app',
  protocol: 'http',
  matches: () => true,
  warmupSeconds: 3,
  idleCpuCores: 0.01,
  baseMemoryBytes: 140 * 2 ** 20,
  cpuPerRequest: 0.002,
  capacityRps: 100,
  latencySeconds: 0.012,
  logPeriodSeconds: 3,

  startLines: (app, at) => [
    zap('info', at, 'server/main.go:52', `starting ${app.app}`, {
      version: app.version,
      go_version: 'go1.22.5',
    }),
    zap('info', at + 40, 'config/config.go:88', 'configuration loaded', { source: 'env', pod: app.pod }),
    zap('info', at + 120, 'server/http.go:41', 'listening', { addr: `:${app.port}` }),
  ],

  crash(app: AppContext, at: number, why: StartFailure): Crash {
    const start = zap('info', at, 'server/main.go:52', `starting ${app.app}`, { version: app.version });
    if (why === 'bad-release') {
      return {
        exitCode: 2,
        runSeconds: 1,
        lines: [
          start,
          'panic: runtime error: invalid memory address or nil pointer dereference',
          '[signal SIGSEGV: segmentation violation code=0x1 addr=0x28 pc=0x9c4f2e]',
          '',
          'goroutine 1 [running]:',
          `github.com/acme/${app.app}/internal/server.(*Server).registerRoutes(0xc0001b2000)`,
          '\t/src/internal/server/routes.go:74 +0x2ae',
          `github.com/acme/${app.app}/internal/server.New({0xc00012e0c0, 0x1f}, 0xc0001a4000)`,
          '\t/src/internal/server/server.go:58 +0x1c5',
          'main.main()',
          '\t/src/cmd/server/main.go:64 +0x3b9',
        ],
      };
    }
    const path = `/var/cache/${app.app}/snapshot.db`;
    const error =
      why === 'disk-full'
        ? `write ${path}: no space left on device`
        : `${path}: checksum mismatch on page ${1000 + pick(app.seed, 9000)}: unexpected EOF`;
    return {
      exitCode: 1,
      runSeconds: 2,
      lines: [
        start,
        zap('info', at + 30, 'cache/snapshot.go:64', 'loading local cache snapshot', { path }),
        zap('fatal', at + 900, 'cache/snapshot.go:117', 'failed to load cache snapshot', {
          path,
          error,
          stacktrace: `main.main\n\t/src/cmd/server/main.go:61\nruntime.main\n\t/usr/local/go/src/runtime/proc.go:271`,
        }),
      ],
    };
  },

  routineLines(app, at, seq) {
    const s = `${app.seed}/${seq}`;
    const [method, route] = PATHS[pick(s, PATHS.length)];
    const path = route.endsWith('/') ? `${route}${1000 + pick(`${s}/id`, 90_000)}` : route;
    return [
      zap('info', at, 'http/middleware.go:64', 'request completed', {
        method,
        path,
        status: 200,
        duration_ms: Number((4 + pick(`${s}/d`, 400) / 10).toFixed(1)),
        remote_addr: `${clientIP(s)}:${ephemeralPort(s)}`,
      }),
    ];
  },

  problemLine(app: AppContext, at: number, seq: number, problem: Problem): string | undefined {
    switch (problem.kind) {
      case 'refused':
        return failure(
          app,
          at,
          seq,
          problem.peer,
          `dial tcp ${problem.peer.ip}:${problem.peer.port}: connect: connection refused`,
        );
      case 'dns-timeout':
        return failure(app, at, seq, problem.peer, dnsTimeout(app, seq, problem.peer, problem.dnsIP));
      case 'no-such-host':
        return failure(
          app,
          at,
          seq,
          problem.peer,
          `dial tcp: lookup ${problem.peer.host} on ${problem.dnsIP}:53: no such host`,
        );
      case 'too-many-clients':
        return failure(
          app,
          at,
          seq,
          problem.peer,
          `failed to connect to \`host=${problem.peer.host} user=app database=app\`: server error (FATAL: ${
            seq % 3 === 0
              ? 'remaining connection slots are reserved for non-replication superuser connections'
              : 'sorry, too many clients already'
          } (SQLSTATE 53300))`,
        );
      case 'cert-expired':
        return failure(
          app,
          at,
          seq,
          problem.peer,
          `tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${isoSeconds(problem.now)} is after ${isoSeconds(problem.notAfter)}`,
        );
      case 'upstream-error':
        return zap('error', at, 'client/upstream.go:97', 'upstream returned an error', {
          upstream: problem.peer.host,
          status: problem.status,
        });
      case 'bad-config': {
        const [method, path] = PATHS[pick(`${app.seed}/${seq}`, PATHS.length)];
        return zap('error', at, 'http/handler.go:93', 'request failed', {
          method,
          path,
          status: 500,
          error: problem.detail,
        });
      }
      case 'tls-rejected':
        return `${slashTime(at)} http: TLS handshake error from ${problem.clientIP}:${ephemeralPort(`${app.seed}/${seq}`)}: remote error: tls: bad certificate`;
      case 'overloaded':
        return zap('warn', at, 'http/limiter.go:47', 'request rejected: too many in-flight requests', {
          inflight: problem.inflight,
          status: 503,
        });
      case 'pool-exhausted':
        return zap(
          'warn',
          at,
          'store/postgres.go:71',
          'connection pool exhausted, waiting for a connection',
          {
            open_connections: problem.open,
            idle: 0,
            wait_count: 100 + seq,
          },
        );
      case 'memory-pressure':
        return zap('warn', at, 'runtime/monitor.go:38', 'heap usage high', {
          heap_alloc_mb: Math.round(problem.heapBytes / 2 ** 20),
          last_gc_pause_ms: 40 + pick(`${app.seed}/${seq}`, 80),
        });
      default:
        return undefined;
    }
  },
};

import { pick } from '../noise.ts';
import { clfTime, clientIP, pid, slashTime } from './format.ts';
import type { AppContext, AppProfile, Crash, Problem, StartFailure } from './types.ts';

/** nginx serving a frontend and proxying `/api/` to its upstream services. */

const ASSETS = [
  '/',
  '/index.html',
  '/static/js/main.4f2a9c.js',
  '/static/css/main.9b1e2d.css',
  '/favicon.ico',
];
const API = ['/api/v1/products', '/api/v1/cart', '/api/v1/orders'];
const AGENT =
  '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"';

const access = (app: AppContext, at: number, seq: number, path: string, status: number, bytes: number) =>
  `${clientIP(`${app.seed}/${seq}`)} - - [${clfTime(at)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "https://shop.example.com/" ${AGENT}`;

const errorLog = (app: AppContext, at: number, seq: number, level: string, text: string) => {
  const worker = pid(`${app.seed}/worker`, 29, 4);
  return `${slashTime(at)} [${level}] ${worker}#${worker}: *${1000 + seq} ${text}`;
};

const request = (app: AppContext, seq: number) => {
  const path = API[pick(`${app.seed}/${seq}`, API.length)];
  return {
    path,
    tail: `client: ${clientIP(`${app.seed}/${seq}`)}, server: _, request: "GET ${path} HTTP/1.1"`,
  };
};

export const nginx: AppProfile = {
  name: 'nginx',
  protocol: 'http',
  matches: (image) => /(^|\/)nginx[:@/-]|(^|\/)nginx$|openresty/.test(image),
  warmupSeconds: 1,
  idleCpuCores: 0.002,
  baseMemoryBytes: 16 * 2 ** 20,
  cpuPerRequest: 0.0004,
  capacityRps: 400,
  latencySeconds: 0.004,
  logPeriodSeconds: 2,

  startLines: (_app, at) => [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${slashTime(at)} [notice] 1#1: using the "epoll" event method`,
    `${slashTime(at)} [notice] 1#1: nginx/1.25.4`,
    `${slashTime(at)} [notice] 1#1: start worker processes`,
  ],

  crash(_app: AppContext, at: number, why: StartFailure): Crash {
    const reason =
      why === 'bad-release'
        ? 'unknown directive "proxy_cache_lock_timeot" in /etc/nginx/conf.d/default.conf:42'
        : why === 'disk-full'
          ? 'mkdir() "/var/cache/nginx/client_temp" failed (28: No space left on device)'
          : 'open() "/var/cache/nginx/proxy_temp/4/02/0000000024" failed (117: Structure needs cleaning)';
    return {
      exitCode: 1,
      runSeconds: 1,
      lines: [
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        `${slashTime(at)} [emerg] 1#1: ${reason}`,
        `nginx: [emerg] ${reason}`,
      ],
    };
  },

  routineLines: (app, at, seq) => [
    access(
      app,
      at,
      seq,
      ASSETS[pick(`${app.seed}/${seq}`, ASSETS.length)],
      200,
      600 + pick(`${app.seed}/${seq}/b`, 60000),
    ),
  ],

  problemLine(app: AppContext, at: number, seq: number, problem: Problem): string | undefined {
    const { path, tail } = request(app, seq);
    switch (problem.kind) {
      case 'refused':
        return errorLog(
          app,
          at,
          seq,
          'error',
          `connect() failed (111: Connection refused) while connecting to upstream, ${tail}, upstream: "http://${problem.peer.ip}:${problem.peer.port}${path}", host: "shop.example.com"`,
        );
      case 'dns-timeout':
        return errorLog(
          app,
          at,
          seq,
          'error',
          `${problem.peer.host} could not be resolved (110: Operation timed out), ${tail}`,
        );
      case 'no-such-host':
        return errorLog(
          app,
          at,
          seq,
          'error',
          `${problem.peer.host} could not be resolved (3: Host not found), ${tail}`,
        );
      case 'cert-expired':
        return errorLog(
          app,
          at,
          seq,
          'error',
          `upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream, ${tail}, upstream: "https://${problem.peer.ip}:${problem.peer.port}${path}", host: "shop.example.com"`,
        );
      case 'upstream-error':
        return access(app, at, seq, path, problem.status === 503 ? 503 : 502, 157);
      case 'bad-config':
        return access(app, at, seq, path, 500, 177);
      case 'overloaded':
        return errorLog(app, at, seq, 'alert', `${problem.inflight} worker_connections are not enough`);
      default:
        return undefined;
    }
  },
};

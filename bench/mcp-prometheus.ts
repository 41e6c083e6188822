// bench/mcp-prometheus: our Prometheus MCP server against prometheus-mcp 1.1.3 (TypeScript) and mcp-prometheus 2.1.1
// (Go) on one real Prometheus scraping the sandbox — per-call latency of the same PromQL, start-up and memory.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startPrometheus } from '../src/monitoring/stack.ts';
import { CLI, cliSandbox, REPO, tempDir } from '../test/helpers/sandbox.ts';
import { call, connect, type Contender as GenericContender } from './mcp-contenders.ts';
import { installPeers, machine, ms, percentile, rssMiB } from './stats.ts';

const PEERS = join(REPO, '.bench-peers', 'prometheus');
const TS_PEER = join(PEERS, 'node_modules/.bin/prometheus-mcp');
const GO_PEER = join(PEERS, 'node_modules/mcp-prometheus-linux-amd64/bin/mcp-prometheus-linux-amd64');
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const STARTS = 7;

const RATE = 'sum by (namespace, service) (rate(http_requests_total[1m]))';
const P99 =
  'histogram_quantile(0.99, sum by (namespace, service, le) (rate(http_request_duration_seconds_bucket{namespace="production",service="api-service"}[1m])))';

type Op = 'prometheus_query' | 'prometheus_query_range' | 'service_latency';
const OPS: Op[] = ['prometheus_query', 'prometheus_query_range', 'service_latency'];

type Contender = GenericContender<Op>;

/** The same questions in each server's own tool names; a range is the last 5 minutes at 15 s. */
function contenders(prometheusUrl: string): Contender[] {
  const end = new Date();
  const start = new Date(end.getTime() - 5 * 60_000);
  const ours: Contender = {
    label: 'sre-nanobot mcp prometheus',
    command: process.execPath,
    args: [CLI, 'mcp', 'prometheus', '--prometheus-url', prometheusUrl],
    calls: {
      prometheus_query: { name: 'prometheus_query', args: { query: RATE } },
      prometheus_query_range: {
        name: 'prometheus_query_range',
        args: { query: RATE, start: start.toISOString(), end: end.toISOString(), step: '15s' },
      },
      service_latency: {
        name: 'service_latency',
        args: { namespace: 'production', service: 'api-service', quantile: 0.99, window: '1m' },
      },
    },
  };
  const ts: Contender = {
    label: 'prometheus-mcp 1.1.3 (TypeScript)',
    command: TS_PEER,
    args: ['stdio'],
    env: { PROMETHEUS_URL: prometheusUrl },
    calls: {
      prometheus_query: { name: 'prometheus_query', args: { query: RATE } },
      prometheus_query_range: {
        name: 'prometheus_query_range',
        args: { query: RATE, start: start.toISOString(), end: end.toISOString(), step: '15s' },
      },
      service_latency: { name: 'prometheus_query', args: { query: P99 } },
    },
  };
  const go: Contender = {
    label: 'mcp-prometheus 2.1.1 (Go)',
    command: GO_PEER,
    args: ['--url', prometheusUrl],
    calls: {
      prometheus_query: { name: 'query', args: { promql: RATE } },
      prometheus_query_range: { name: 'queryRange', args: { promql: RATE, duration: '5m', step: '15s' } },
      service_latency: { name: 'query', args: { promql: P99 } },
    },
  };
  return existsSync(TS_PEER) && existsSync(GO_PEER) ? [ours, ts, go] : [ours];
}

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

interface Result {
  startup: number;
  timings: Record<Op, { p50: number; p99: number; chars: number }>;
  rss: number;
}

/** 0…n-1 in random order: no server always runs right after another's background work. */
const shuffled = (n: number) => {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
};

/**
 * Start-ups and calls alternate between the servers (one call each, in a random order each round),
 * so a busy moment on the machine costs every server alike.
 */
async function measure(all: Contender[]): Promise<Result[]> {
  const startups = all.map(() => [] as number[]);
  for (let i = 0; i < STARTS; i++) {
    for (const [k, c] of all.entries()) {
      const s = await connect(c);
      await s.client.listTools();
      startups[k].push(performance.now() - s.t0);
      await s.client.close();
    }
  }
  process.stderr.write(
    `bench mcp-prometheus: start-up medians ${startups.map((s) => ms(median(s))).join(' / ')}\n`,
  );
  const sessions = await Promise.all(all.map(connect));
  const timings = all.map(() => ({}) as Result['timings']);
  for (const op of OPS) {
    const samples = all.map(() => [] as number[]);
    const chars = await Promise.all(all.map(async (c, k) => (await call(sessions[k].client, c, op)).length));
    for (let w = 0; w < 10; w++) for (const [k, c] of all.entries()) await call(sessions[k].client, c, op);
    for (let i = 0; i < CALLS; i++) {
      for (const k of shuffled(all.length)) {
        const t = performance.now();
        await call(sessions[k].client, all[k], op);
        samples[k].push(performance.now() - t);
      }
    }
    for (const [k, s] of samples.entries()) {
      s.sort((a, b) => a - b);
      timings[k][op] = { p50: percentile(s, 50), p99: percentile(s, 99), chars: chars[k] };
    }
    process.stderr.write(
      `bench mcp-prometheus: ${op} p50 ${timings.map((t) => ms(t[op].p50)).join(' / ')}\n`,
    );
  }
  const rss = sessions.map((s) => (s.transport.pid ? rssMiB(s.transport.pid) : Number.NaN));
  await Promise.all(sessions.map((s) => s.client.close()));
  return all.map((_, k) => ({ startup: median(startups[k]), timings: timings[k], rss: rss[k] }));
}

export async function runMcpPrometheusBench(): Promise<void> {
  if (!existsSync(join(REPO, 'dist/vendor/mcp-prometheus/main.js'))) {
    process.stderr.write('bench mcp-prometheus: building (npm run build)…\n');
    spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  }
  installPeers(
    'mcp-prometheus',
    PEERS,
    ['prometheus-mcp@1.1.3', 'mcp-prometheus-linux-amd64@2.1.1'],
    existsSync(TS_PEER) && existsSync(GO_PEER),
  );
  const { ready, child } = await cliSandbox();
  const prometheus = await startPrometheus({
    dir: tempDir('bench-mcp-prometheus-'),
    scrapeTargets: [ready.metrics],
  });
  try {
    process.stderr.write(
      `bench mcp-prometheus: Prometheus ${prometheus.url} scraping the sandbox; waiting for data…\n`,
    );
    const q = encodeURIComponent(`count(${P99}) and count(${RATE})`);
    for (let i = 0; ; i++) {
      const body = (await (await fetch(`${prometheus.url}/api/v1/query?query=${q}`)).json()) as {
        data: { result: unknown[] };
      };
      if (body.data.result.length) break;
      if (i > 200) throw new Error('Prometheus has no sandbox data after 60 s');
      await new Promise((r) => setTimeout(r, 300));
    }
    const all = contenders(prometheus.url);
    const results = await measure(all);
    const ours = results[0];
    const go = results[all.findIndex((c) => c.command === GO_PEER)];
    console.log(
      `Machine: ${machine()}; Prometheus 2.42 on loopback scraping the sandbox every second; ${CALLS} calls per operation, one stdio session per server, calls taken in turn (random order each round).\n`,
    );
    console.log(
      '| server | prometheus_query p50 / p99 | prometheus_query_range (5m, 15s) p50 / p99 | service_latency p99 (or its PromQL) p50 / p99 | start-up to tools/list | RSS after the run | answer size, chars (query / range / latency) |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const [k, r] of results.entries()) {
      const cell = (op: Op) => `${ms(r.timings[op].p50)} / ${ms(r.timings[op].p99)}`;
      console.log(
        `| ${all[k].label} | ${cell('prometheus_query')} | ${cell('prometheus_query_range')} | ${cell('service_latency')} | ${ms(r.startup)} | ${r.rss.toFixed(0)} MiB | ${OPS.map((op) => r.timings[op].chars).join(' / ')} |`,
      );
    }
    if (go) {
      const ratio = (op: Op) => (ours.timings[op].p50 / go.timings[op].p50).toFixed(2);
      console.log(
        `\nRatio ours / Go at p50: prometheus_query ${ratio('prometheus_query')}, prometheus_query_range ${ratio('prometheus_query_range')}, service_latency ${ratio('service_latency')}; start-up ${(ours.startup / go.startup).toFixed(2)}.`,
      );
    }
  } finally {
    await prometheus.stop();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startControllers } from '../controllers/index.ts';
import { createCluster } from '../core/cluster.ts';
import { rt } from '../core/resources.ts';
import { defaultEstate } from '../estate/index.ts';
import { FaultManager } from '../faults/index.ts';
import { createSimRuntime } from '../runtime/index.ts';
import { applySnapshot } from '../snapshot/index.ts';
import { renderMetrics } from './index.ts';

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;

interface Parsed {
  types: Map<string, string>;
  samples: Map<string, number>;
}

/** Parses exposition text strictly, failing on anything Prometheus would reject. */
function parse(text: string): Parsed {
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const samples = new Map<string, number>();
  const closed = new Set<string>();
  let current = '';
  assert.ok(text.endsWith('\n'));
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.startsWith('# HELP ')) {
      const name = line.split(' ')[2];
      assert.match(name, NAME);
      assert.ok(!helped.has(name), `HELP twice for ${name}`);
      helped.add(name);
      continue;
    }
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      assert.ok(['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(type), line);
      assert.ok(!types.has(name), `TYPE twice for ${name}`);
      if (current) closed.add(current);
      types.set(name, type);
      current = name;
      continue;
    }
    const m = SAMPLE.exec(line);
    assert.ok(m, `bad sample line: ${line}`);
    const [, name, , labelText = '', value] = m;
    const family = types.get(name) === undefined ? name.replace(/_(bucket|sum|count)$/, '') : name;
    assert.equal(family, current, `sample ${name} outside its family block (${current})`);
    assert.ok(!closed.has(family), `family ${family} split`);
    if (family !== name) assert.equal(types.get(family), 'histogram', line);
    const labels: string[] = [];
    LABEL.lastIndex = 0;
    while (LABEL.lastIndex < labelText.length) {
      const l = LABEL.exec(labelText);
      assert.ok(l, `bad labels in: ${line}`);
      labels.push(`${l[1]}=${l[2]}`);
    }
    assert.equal(
      new Set(labels.map((l) => l.split('=')[0])).size,
      labels.length,
      `duplicate label in ${line}`,
    );
    const v =
      value === '+Inf'
        ? Number.POSITIVE_INFINITY
        : value === '-Inf'
          ? Number.NEGATIVE_INFINITY
          : Number(value);
    assert.ok(value === 'NaN' || !Number.isNaN(v), `bad value in ${line}`);
    const key = `${name}{${labels.sort().join(',')}}`;
    assert.ok(!samples.has(key), `duplicate series ${key}`);
    samples.set(key, v);
  }
  return { types, samples };
}

const isCounter = (parsed: Parsed, key: string) => {
  const name = key.slice(0, key.indexOf('{'));
  const type = parsed.types.get(name) ?? parsed.types.get(name.replace(/_(bucket|sum|count)$/, ''));
  return type === 'counter' || type === 'histogram';
};

test('the estate renders valid exposition text whose counters never go backwards', async () => {
  const cluster = createCluster({ speed: 100 });
  cluster.runtime = createSimRuntime(cluster);
  const faults = new FaultManager(cluster);
  applySnapshot(cluster, defaultEstate({ now: cluster.clock.now() }), { frozen: false });
  const stop = startControllers(cluster);
  try {
    const requests = (p: Parsed) =>
      p.samples.get('http_requests_total{code=200,method=GET,namespace=production,service=api-service}') ?? 0;
    // Poll rather than sleep: on a busy machine the estate takes longer to come up in wall time.
    const renderUntil = async (what: string, done: (p: Parsed) => boolean) => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const parsed = parse(renderMetrics(cluster, faults));
        if (done(parsed)) return parsed;
        assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
        await sleep(50);
      }
    };
    const first = await renderUntil('api-service to serve requests', (p) => requests(p) > 0);
    const second = await renderUntil(
      'request counters to advance with simulated time',
      (p) => requests(p) > requests(first),
    );
    let compared = 0;
    for (const [key, v1] of first.samples) {
      const v2 = second.samples.get(key);
      if (v2 === undefined || !isCounter(first, key)) continue;
      compared++;
      assert.ok(v2 >= v1, `${key} went from ${v1} to ${v2}`);
    }
    assert.ok(compared > 100, `only ${compared} counters compared`);
    for (const family of [
      'kube_pod_info',
      'kube_pod_status_phase',
      'kube_deployment_status_replicas_available',
      'kube_node_status_condition',
      'container_cpu_usage_seconds_total',
      'container_memory_working_set_bytes',
      'node_cpu_seconds_total',
      'node_filesystem_avail_bytes',
      'http_request_duration_seconds',
      'pg_up',
      'certmanager_certificate_expiration_timestamp_seconds',
    ]) {
      assert.ok(second.types.has(family), family);
    }
  } finally {
    stop();
    cluster.clock.stop();
  }
});

// Render time is measured by bench/sandbox.ts (the /metrics column), not asserted here.
test('10,000 pods all get their series', () => {
  const cluster = createCluster({ speed: 1 });
  cluster.runtime = createSimRuntime(cluster);
  const { store } = cluster;
  for (const object of defaultEstate({ empty: true, now: cluster.clock.now() })) {
    const type = rt(object.kind);
    store.create(type, object);
  }
  const started = cluster.clock.iso();
  for (let i = 0; i < 10_000; i++) {
    const app = `app-${i % 200}`;
    store.create(rt('Pod'), {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${app}-${i}`, namespace: `ns-${i % 20}`, labels: { app } },
      spec: {
        nodeName: `node-${(i % 3) + 1}`,
        containers: [
          {
            name: 'main',
            image: 'ghcr.io/acme/app:1.0.0',
            resources: {
              requests: { cpu: '100m', memory: '128Mi' },
              limits: { cpu: '500m', memory: '256Mi' },
            },
          },
        ],
      },
      status: {
        phase: 'Running',
        podIP: `10.244.${i % 3}.${i % 250}`,
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          { name: 'main', ready: true, restartCount: 0, state: { running: { startedAt: started } } },
        ],
      },
    });
  }
  const text = renderMetrics(cluster);
  assert.equal(text.split('\n').filter((l) => l.startsWith('kube_pod_info{')).length, 10_000);
  cluster.clock.stop();
});

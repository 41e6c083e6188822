import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  durationMs,
  metricNames,
  DEFAULT_METRIC_NAMES as N,
  quote,
  selector,
  workloadPods,
} from './names.ts';
import { nodeUsage } from './nodes.ts';
import { podCpu, podMemory } from './pods.ts';
import { serviceErrorRate, serviceLatency, serviceRequestRate } from './services.ts';
import { topConsumers } from './top.ts';

describe('canned PromQL', () => {
  test('selectors escape values; undefined matchers drop out', () => {
    assert.equal(quote('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(selector('up', []), 'up');
    assert.equal(
      selector('up', [['job', '=', 'x'], undefined, ['pod', '=~', 'a.*']]),
      'up{job="x",pod=~"a.*"}',
    );
  });

  test('a workload regex matches its Deployment, StatefulSet and DaemonSet pods, not a longer name', () => {
    const [, , pattern] = workloadPods('pod', 'api-service')!;
    const re = new RegExp(`^(?:${pattern})$`);
    for (const name of ['api-service-554cd95dbd-z779h', 'api-service-0', 'api-service-x7k2p'])
      assert.ok(re.test(name), name);
    for (const name of ['api-service-canary-554cd95dbd-z779h', 'payment-service-0', 'api-service'])
      assert.ok(!re.test(name), name);
    const [, , dotted] = workloadPods('pod', 'a.b')!;
    assert.match(dotted, /^a\\\.b-/);
  });

  test('pod CPU: real containers, scoped by namespace and pod regex, with the limit beside it', () => {
    const q = podCpu(N, { namespace: 'production', pod: 'api-.*' }, '1m');
    assert.equal(
      q.usage.promql,
      'sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{container!="",container!="POD",namespace="production",pod=~"api-.*"}[1m]))',
    );
    assert.equal(
      q.limit.promql,
      'sum by (namespace, pod) (kube_pod_container_resource_limits{resource="cpu",namespace="production",pod=~"api-.*"})',
    );
    assert.equal(q.usage.unit, 'cores');
    assert.equal(podMemory(N, { pod: 'redis-0' }).usage.promql.includes('pod="redis-0"'), true);
  });

  test('service latency, error ratio and request rate', () => {
    const scope = { namespace: 'production', service: 'api-service', window: '5m' };
    assert.equal(
      serviceLatency(N, { ...scope, quantile: 0.95 }).promql,
      'histogram_quantile(0.95, sum by (namespace, service, le) (rate(http_request_duration_seconds_bucket{namespace="production",service="api-service"}[5m])))',
    );
    assert.equal(serviceLatency(N, { quantile: 0.5 }).column, 'p50');
    const errors = serviceErrorRate(N, scope).promql;
    assert.match(
      errors,
      /^\(sum by \(namespace, service\) \(rate\(http_requests_total\{code=~"5..",namespace="production",service="api-service"\}\[5m\]\)\) or .* \* 0\) \/ sum by/,
    );
    assert.equal(
      serviceRequestRate(N, {}).promql,
      'sum by (namespace, service) (rate(http_requests_total[5m]))',
    );
  });

  test('configured names replace the defaults', () => {
    const n = metricNames({ httpRequests: 'requests_total', labels: { service: 'app' } });
    assert.equal(
      serviceRequestRate(n, { service: 'x' }).promql,
      'sum by (namespace, app) (rate(requests_total{app="x"}[5m]))',
    );
    assert.equal(n.labels.namespace, 'namespace');
  });

  test('node usage and top consumers', () => {
    const [cpu, memory, disk] = nodeUsage(N, 'node-1', '1m');
    assert.match(cpu.promql, /node_cpu_seconds_total\{mode="idle",node="node-1"\}\[1m\]/);
    assert.match(memory.promql, /node_memory_MemAvailable_bytes\{node="node-1"\}/);
    assert.match(disk.promql, /mountpoint="\/"/);
    const top = topConsumers(N, { resource: 'memory', by: 'namespace', limit: 3 });
    assert.equal(
      top.promql,
      'sort_desc(topk(3, sum by (namespace) (container_memory_working_set_bytes{container!="",container!="POD"})))',
    );
  });

  test('durations', () => {
    assert.equal(durationMs('1h30m'), 5_400_000);
    assert.equal(durationMs('250ms'), 250);
    assert.throws(() => durationMs('5 minutes'), /use e\.g\. 30s, 5m/);
  });
});

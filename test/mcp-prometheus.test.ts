import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startGateway } from '../src/gateway/server.ts';
import { requireBinary } from './helpers/binaries.ts';
import { gatewayConfig } from './helpers/gateway.ts';
import { httpServer, httpSession, type McpSession, stdioSession } from './helpers/mcp.ts';
import { ALWAYS_FIRING, monitoredSandbox } from './helpers/monitoring.ts';
import { until } from './helpers/poll.ts';
import { CLI, tempDir } from './helpers/sandbox.ts';

const SNAPSHOT = new URL('./snapshots/mcp-prometheus-tools.txt', import.meta.url).pathname;
const NEEDS = requireBinary('prometheus').skip || requireBinary('prometheus-alertmanager').skip;

/** `name  read idempotent  args=… required=…`: a rename, a lost hint or argument fails the snapshot. */
async function toolLines(session: McpSession): Promise<string[]> {
  const { tools } = await session.client.listTools();
  for (const t of tools) {
    assert.ok((t.description ?? '').length > 40, `${t.name} has a description`);
    for (const [arg, schema] of Object.entries((t.inputSchema.properties as object) ?? {}))
      assert.ok((schema as { description?: string }).description, `${t.name}.${arg} has a description`);
  }
  return tools.map((t) => {
    const a = t.annotations ?? {};
    const args = Object.keys((t.inputSchema.properties as object) ?? {}).sort();
    const required = [...((t.inputSchema.required as string[]) ?? [])].sort();
    return `${t.name}  ${a.readOnlyHint ? 'read' : 'write'}${a.destructiveHint ? ' destructive' : ''}${a.idempotentHint ? ' idempotent' : ''}  args=${args.join(',')} required=${required.join(',')}`;
  });
}

/** The first number of a "… 245 ms" / "… 1.2 s" answer, in seconds. */
const seconds = (text: string) => {
  const m = /: production\/api-service ([\d.]+) (µs|ms|s)\n/.exec(text);
  assert.ok(m, `a latency in: ${text}`);
  return Number(m[1]) / (m[2] === 'ms' ? 1e3 : m[2] === 'µs' ? 1e6 : 1);
};

describe('sre-nanobot mcp prometheus against real Prometheus and Alertmanager', { skip: NEEDS }, () => {
  let env: Awaited<ReturnType<typeof monitoredSandbox>>;
  let urls: string[];

  before(async () => {
    env = await monitoredSandbox();
    urls = ['--prometheus-url', env.stack.prometheusUrl, '--alertmanager-url', env.stack.alertmanagerUrl];
  });
  after(() => env?.stop());

  test('stdio: every tool answers with real data, canned ones with their PromQL', async () => {
    const mcp = await stdioSession(urls, 'prometheus');
    try {
      const lines = await toolLines(mcp);
      const readOnly = await stdioSession([...urls, '--read-only'], 'prometheus');
      const readOnlyLines = await toolLines(readOnly).finally(() => readOnly.close());
      const text = `# full\n${lines.join('\n')}\n# --read-only\n${readOnlyLines.join('\n')}\n`;
      if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(SNAPSHOT, text);
      assert.equal(
        text,
        readFileSync(SNAPSHOT, 'utf8'),
        'tool list changed: if on purpose, rerun with UPDATE_SNAPSHOTS=1',
      );
      assert.deepEqual(
        lines.filter((l) => !l.includes(' read ')).map((l) => l.split(' ')[0]),
        ['alertmanager_silence_create', 'alertmanager_silence_delete'],
        'only the silence tools change anything, and --read-only hides them',
      );
      assert.equal(readOnlyLines.length, lines.length - 2);

      const instant = await mcp.ok('prometheus_query', {
        query: 'sum by (namespace) (rate(http_requests_total[1m]))',
      });
      assert.match(instant, /^PromQL: sum by \(namespace\)/);
      assert.match(instant, /^2 series · unit per-second\n/m);
      assert.match(instant, /^production {3}[\d.]+\/s$/m);

      const range = await mcp.ok('prometheus_query_range', {
        query: 'sum by (service) (rate(http_requests_total{namespace="production"}[1m]))',
        start: '-1m',
        step: '2s',
      });
      assert.match(range, /^SERVICE +LAST +MIN +MAX +AVG$/m);
      assert.match(range, /^api-service +[\d.]+\/s/m);

      const series = await mcp.ok('prometheus_series', {
        match: 'kube_pod_info{namespace="production"}',
        limit: 2,
      });
      assert.match(series, /^\d+ series match kube_pod_info\{namespace="production"\}\nkube_pod_info\{/);
      assert.match(series, /… \d+ more series/);

      assert.match(await mcp.ok('prometheus_labels', {}), /label names: .*\bnamespace\b.*\bservice\b/);
      const services = await mcp.ok('prometheus_label_values', {
        label: 'service',
        match: 'http_requests_total',
      });
      assert.deepEqual(services.split('\n').slice(1).sort(), [
        'api-service',
        'checkout',
        'payment-service',
        'web-frontend',
      ]);
      assert.match(
        await mcp.ok('prometheus_metrics_list', { filter: '^http_' }),
        /^http_requests_total +counter +Total HTTP requests/m,
      );
      assert.match(
        await mcp.ok('prometheus_metadata', { metric: 'http_request_duration_seconds' }),
        /histogram/,
      );
      assert.match(await mcp.ok('prometheus_targets', {}), /^1 targets: 1 up, 0 not up\n[\s\S]*\bup\b/);
      assert.match(
        await mcp.ok('prometheus_rules', { type: 'alert' }),
        new RegExp(`alert ${ALWAYS_FIRING} (firing|pending)`),
      );
      assert.match(
        await until('the rule to fire', async () => {
          const t = await mcp.ok('prometheus_alerts', { state: 'firing' });
          return t.includes(ALWAYS_FIRING) && t;
        }),
        /firing/,
      );
      assert.match(
        await mcp.ok('prometheus_status', {}),
        /^Prometheus 2\.\d+.* at http:\/\/127\.0\.0\.1:\d+\nstarted .*config reload succeeded/,
      );

      const cpu = await mcp.ok('pod_cpu_usage', {
        namespace: 'production',
        workload: 'api-service',
        window: '1m',
      });
      assert.match(cpu, /^production +api-service-[a-z0-9]+-[a-z0-9]{5} +[\d.]+ cores +1 cores +[\d.]+%$/m);
      assert.doesNotMatch(cpu, /payment-service/);
      assert.match(
        cpu,
        /^PromQL \(cpu\): sum by \(namespace, pod\) \(rate\(container_cpu_usage_seconds_total\{/m,
      );
      const memory = await mcp.ok('pod_memory_usage', { namespace: 'production', pod: 'redis-0' });
      assert.match(
        memory,
        /production\/redis-0 — memory working set \(1 series\)\n[\s\S]*redis-0 +[\d.]+ MiB +256 MiB/,
      );

      const latency = await mcp.ok('service_latency', {
        namespace: 'production',
        service: 'api-service',
        quantile: 0.99,
        window: '1m',
      });
      assert.ok(seconds(latency) > 0 && seconds(latency) < 10, latency);
      assert.match(
        latency,
        /PromQL \(p99\): histogram_quantile\(0\.99, sum by \(namespace, service, le\) \(rate\(http_request_duration_seconds_bucket\{namespace="production",service="api-service"\}\[1m\]\)\)\)$/,
      );
      const p50 = await mcp.ok('service_latency', {
        namespace: 'production',
        service: 'api-service',
        quantile: 0.5,
        window: '1m',
      });
      assert.ok(seconds(p50) <= seconds(latency), 'p50 ≤ p99');

      assert.match(
        await mcp.ok('service_error_rate', { namespace: 'production', window: '1m' }),
        /^production +api-service +[\d.]+% +[\d.]+ req\/s$/m,
      );
      assert.match(
        await mcp.ok('service_request_rate', { service: 'checkout', window: '1m' }),
        /\(2 series\)\n[\s\S]*staging +checkout +[\d.]+ req\/s/,
      );
      const nodes = await mcp.ok('node_usage', { window: '1m' });
      for (const [, pct] of nodes.matchAll(/^node-\d +([\d.]+)% +[\d.]+% +[\d.]+%$/gm))
        assert.ok(Number(pct) <= 100, nodes);
      assert.equal([...nodes.matchAll(/^node-\d /gm)].length, 3, nodes);
      const top = await mcp.ok('top_consumers', { resource: 'memory', by: 'pod', limit: 3 });
      assert.equal([...top.matchAll(/^\S+ +\S+ +[\d.]+ MiB$/gm)].length, 3, top);
      assert.match(top, /PromQL \(memory\): sort_desc\(topk\(3,/);
      const compared = await mcp.ok('compare_time_ranges', {
        query: 'sum(rate(http_requests_total[1m]))',
        offset: '2s',
      });
      assert.match(compared, /^compare_time_ranges: now vs 2s ago; 1 series\n/);
      assert.match(compared, /^PromQL \(then\): sum\(rate\(http_requests_total\[1m\]\)\) @ /m);

      assert.match(
        await mcp.ok('alertmanager_alerts', { filter: `alertname="${ALWAYS_FIRING}"` }),
        new RegExp(ALWAYS_FIRING),
      );
      assert.match(await mcp.ok('alertmanager_silences_list', {}), /^no active or pending silences/);

      const bad = await mcp.call('prometheus_query', { query: 'sum(' });
      assert.equal(bad.isError, true);
      assert.match(
        bad.text,
        /^Prometheus at http:\/\/127\.0\.0\.1:\d+\/api\/v1\/query answered HTTP 400: bad_data: .*parse error/,
      );
    } finally {
      await mcp.close();
    }
  });

  test('a silence made through the tool holds back its alert in Alertmanager; deleting it lets it notify', async () => {
    const mcp = await stdioSession(urls, 'prometheus');
    try {
      // Two alerts in one notification group (same alertname and namespace): the webhook hears the group
      // with whichever alerts are not silenced, so the silenced one's absence is seen, not waited for.
      const alert = (instance: string) => ({
        labels: { alertname: 'NanobotSilenceTest', namespace: 'production', instance },
        annotations: { summary: `test alert ${instance}` },
      });
      const created = await mcp.ok('alertmanager_silence_create', {
        matchers: { alertname: 'NanobotSilenceTest', instance: 'silenced' },
        duration: '10m',
        comment: 'e2e: silence suppresses',
        createdBy: 'mcp-prometheus.test',
      });
      const id =
        /^created silence ([0-9a-f-]{36}) for \{alertname="NanobotSilenceTest", instance="silenced"\}/.exec(
          created,
        )?.[1];
      assert.ok(id, created);
      assert.match(created, new RegExp(`Undo: alertmanager_silence_delete id=${id}$`));

      const post = await fetch(`${env.stack.alertmanagerUrl}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([alert('silenced'), alert('loud')]),
      });
      assert.equal(post.status, 200);
      const group = (n: { groupLabels: Record<string, string> }) =>
        n.groupLabels.alertname === 'NanobotSilenceTest';
      const instancesIn = (n: { alerts: { labels: Record<string, string> }[] }) =>
        n.alerts.map((a) => a.labels.instance);
      const first = await until('the group notification', () =>
        env.webhook.deliveries.map((d) => d.body).find(group),
      );
      assert.deepEqual(instancesIn(first), ['loud'], 'the silenced alert is left out of the notification');

      const listed = await mcp.ok('alertmanager_alerts', { filter: 'alertname="NanobotSilenceTest"' });
      assert.match(listed, /^2 alerts \(1 silenced\)/);
      assert.match(listed, new RegExp(`silenced by ${id}`));
      assert.match(
        await mcp.ok('alertmanager_alerts', { filter: 'alertname="NanobotSilenceTest"', silenced: false }),
        /^1 alerts \(0 silenced\)/,
      );
      assert.match(
        await mcp.ok('alertmanager_silences_list', {}),
        new RegExp(`^${id} +active +\\{alertname="NanobotSilenceTest", instance="silenced"\\}`, 'm'),
      );

      const deleted = await mcp.ok('alertmanager_silence_delete', { id });
      assert.match(
        deleted,
        new RegExp(
          `^expired silence ${id} .*notify again\\.\\nUndo: alertmanager_silence_create matchers=.* duration=(9|10)m `,
        ),
      );
      const again = await until('the silenced alert to notify after the silence expired', () =>
        env.webhook.deliveries
          .map((d) => d.body)
          .filter(group)
          .find((n) => instancesIn(n).includes('silenced')),
      );
      assert.deepEqual(instancesIn(again).sort(), ['loud', 'silenced']);
      assert.match(
        await mcp.ok('alertmanager_silences_list', { state: 'expired' }),
        new RegExp(`^${id} +expired`, 'm'),
      );
      assert.match(await mcp.ok('alertmanager_silence_delete', { id }), /has already expired; nothing to do/);
      const unknown = await mcp.call('alertmanager_silence_delete', {
        id: '00000000-0000-4000-8000-000000000000',
      });
      assert.deepEqual(unknown, {
        isError: true,
        text: 'there is no silence with id 00000000-0000-4000-8000-000000000000; alertmanager_silences_list shows the ids',
      });
      const everything = await mcp.call('alertmanager_silence_create', {
        matchers: ['alertname=~".*"'],
        comment: 'x',
      });
      assert.match(everything.text, /would silence every alert/);
    } finally {
      await mcp.close();
    }
  });

  test('Streamable HTTP: the same tools; --read-only refuses silences', async () => {
    const server = await httpServer([...urls, '--read-only'], 'prometheus');
    try {
      const mcp = await httpSession(server.url);
      try {
        const latency = await mcp.ok('service_latency', {
          namespace: 'production',
          service: 'api-service',
          window: '1m',
        });
        assert.ok(seconds(latency) > 0, latency);
        assert.match(
          await mcp.ok('top_consumers', { by: 'namespace', window: '1m' }),
          /^production +[\d.]+ cores$/m,
        );
        const hidden = await mcp.call('alertmanager_silence_create', {
          matchers: { alertname: 'X' },
          comment: 'x',
        });
        assert.equal(hidden.isError, true);
        assert.match(hidden.text, /alertmanager_silence_create not found/i);
      } finally {
        await mcp.close();
      }
    } finally {
      await server.stop();
    }
  });

  test('the gateway serves the same tools at /mcp/prometheus when the config names a Prometheus', async () => {
    const dir = tempDir('sre-nanobot-gateway-');
    const config = gatewayConfig(dir);
    const g = await startGateway({
      config: {
        ...config,
        prometheus: { ...config.prometheus, url: env.stack.prometheusUrl },
        alertmanager: { ...config.alertmanager, url: env.stack.alertmanagerUrl },
      },
      version: 'test',
      durability: 'normal',
    });
    try {
      const mcp = await httpSession(`${g.url}/mcp/prometheus`);
      try {
        assert.match(await mcp.ok('prometheus_query', { query: 'count(up == 1)' }), /\b1\b/);
        assert.match(await mcp.ok('alertmanager_alerts', {}), new RegExp(ALWAYS_FIRING));
      } finally {
        await mcp.close();
      }
    } finally {
      await g.close();
    }
  });

  test('CLI: a k8s flag is a usage error; an unreachable Alertmanager is a tool error naming the URL', async () => {
    const misplaced = spawnSync(process.execPath, [CLI, 'mcp', 'prometheus', '--kubeconfig', 'k'], {
      encoding: 'utf8',
    });
    assert.equal(misplaced.status, 2);
    assert.equal(
      misplaced.stderr,
      "sre-nanobot mcp: --kubeconfig belongs to 'mcp k8s'; 'mcp prometheus' takes --prometheus-url and --alertmanager-url\n",
    );
    const badUrl = spawnSync(process.execPath, [CLI, 'mcp', 'prometheus', '--prometheus-url', 'prom:9090'], {
      encoding: 'utf8',
    });
    assert.equal(badUrl.status, 2);
    assert.match(
      badUrl.stderr,
      /--prometheus-url must be an http\(s\) URL like http:\/\/127\.0\.0\.1:9090, got 'prom:9090'/,
    );
    const mcp = await stdioSession(
      ['--prometheus-url', env.stack.prometheusUrl, '--alertmanager-url', 'http://127.0.0.1:9'],
      'prometheus',
    );
    try {
      assert.deepEqual(await mcp.call('alertmanager_alerts', {}), {
        isError: true,
        text: 'cannot reach Alertmanager at http://127.0.0.1:9/api/v2/alerts (connection refused: is it running there?); check --alertmanager-url (or ALERTMANAGER_URL)',
      });
    } finally {
      await mcp.close();
    }
  });
});

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { startAlertmanager, startMonitoringStack, startPrometheus } from '../src/monitoring/stack.ts';
import { requireBinary } from './helpers/binaries.ts';
import { until } from './helpers/poll.ts';
import { tempDir } from './helpers/sandbox.ts';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A scrape target with one gauge, and a webhook that records what Alertmanager sends. */
async function fixtures() {
  const target = createServer((_req, res) => res.end('# TYPE stack_test_up gauge\nstack_test_up 1\n'));
  const received: { status: string; alerts: { labels: Record<string, string> }[] }[] = [];
  const webhook = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end();
    });
  });
  return {
    target: await listen(target),
    webhookUrl: `http://${await listen(webhook)}/hook`,
    received,
    close: () => Promise.all([close(target), close(webhook)]),
  };
}

const refused = async (url: string) => {
  try {
    await fetch(`${url}/-/ready`);
    return false;
  } catch {
    return true;
  }
};

describe('monitoring stack', () => {
  const both = requireBinary('prometheus').skip || requireBinary('prometheus-alertmanager').skip;

  test('Prometheus scrapes, its rule fires, Alertmanager notifies the webhook; stop ends both', {
    skip: both,
  }, async () => {
    const dir = tempDir();
    const f = await fixtures();
    const rules = join(dir, 'rules.yml');
    writeFileSync(
      rules,
      'groups:\n  - name: t\n    rules:\n      - alert: StackTestAlways\n        expr: stack_test_up == 1\n        labels: {namespace: demo}\n',
    );
    const stack = await startMonitoringStack({
      dir,
      scrapeTargets: [f.target],
      ruleFiles: [rules],
      webhookUrl: f.webhookUrl,
    });
    try {
      const value = await until(
        'the gauge scraped',
        async () => {
          const res = await fetch(`${stack.prometheusUrl}/api/v1/query?query=stack_test_up`);
          const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
          return body.data.result[0]?.value[1];
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      assert.equal(value, '1');
      const notified = await until(
        'the webhook to receive the firing alert',
        () => f.received.find((n) => n.alerts.some((a) => a.labels.alertname === 'StackTestAlways')),
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      assert.equal(notified.status, 'firing');
      assert.equal(notified.alerts[0].labels.namespace, 'demo');
      await stack.prometheus.reload();
    } finally {
      await stack.stop();
      await f.close();
    }
    assert.ok(await refused(stack.prometheusUrl), 'Prometheus stopped listening');
    assert.ok(await refused(stack.alertmanagerUrl), 'Alertmanager stopped listening');
  });

  test(
    'two Alertmanagers side by side get their own ports (gossip off)',
    requireBinary('prometheus-alertmanager'),
    async () => {
      const [a, b] = await Promise.all([
        startAlertmanager({ dir: tempDir() }),
        startAlertmanager({ dir: tempDir() }),
      ]);
      try {
        assert.notEqual(a.url, b.url);
        const status = (await (await fetch(`${a.url}/api/v2/status`)).json()) as {
          cluster: { status: string };
        };
        assert.equal(status.cluster.status, 'disabled');
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    },
  );

  test('a missing binary says how to install it', async () => {
    await assert.rejects(
      startPrometheus({ dir: tempDir(), scrapeTargets: [], binary: 'no-such-prometheus-binary' }),
      /not found: install it with `apt-get install prometheus`/,
    );
  });

  test('a process that exits early is quoted from its stderr', requireBinary('prometheus'), async () => {
    const dir = tempDir();
    const rules = join(dir, 'broken.yml');
    writeFileSync(rules, 'groups: [{name: x, rules: [{alert: A, expr: "sum("}]}]\n');
    await assert.rejects(
      startPrometheus({ dir, scrapeTargets: ['127.0.0.1:1'], ruleFiles: [rules] }),
      (err: Error) => {
        assert.match(err.message, /Prometheus \(prometheus\) exited with code 1 before it was ready/);
        assert.match(err.message, /last stderr lines:\n[\s\S]*broken\.yml/);
        return true;
      },
    );
  });
});

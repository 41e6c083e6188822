import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMonitoringStack } from '../../src/monitoring/stack.ts';
import { until } from './poll.ts';
import { inProcessSandbox, tempDir } from './sandbox.ts';
import { startWebhook } from './webhook.ts';

export const ALWAYS_FIRING = 'NanobotTestAlwaysFiring';

/**
 * A sandbox scraped by a real Prometheus with one always-firing rule, sending to a real Alertmanager
 * that notifies a local webhook. Resolves once rates over 1m have data (two scrapes of everything).
 */
export async function monitoredSandbox() {
  const sandbox = await inProcessSandbox();
  const dir = tempDir();
  const rules = join(dir, 'rules.yml');
  writeFileSync(
    rules,
    `groups:\n  - name: nanobot-test\n    rules:\n      - alert: ${ALWAYS_FIRING}\n        expr: vector(1)\n        labels: {severity: none, namespace: monitoring}\n        annotations: {summary: "always firing, for the tests"}\n`,
  );
  const webhook = await startWebhook();
  let stack: Awaited<ReturnType<typeof startMonitoringStack>> | undefined;
  const stop = async () => {
    await stack?.stop();
    await webhook.stop();
    await sandbox.stop();
  };
  try {
    stack = await startMonitoringStack({
      dir,
      scrapeTargets: [sandbox.metrics],
      ruleFiles: [rules],
      webhookUrl: webhook.url,
    });
    const { prometheusUrl } = stack;
    await until(
      'Prometheus to have two scrapes of the sandbox',
      async () => {
        const q = encodeURIComponent(
          'count(rate(http_requests_total[1m])) and count(rate(node_cpu_seconds_total[1m]))',
        );
        const body = (await (await fetch(`${prometheusUrl}/api/v1/query?query=${q}`)).json()) as {
          data: { result: unknown[] };
        };
        return body.data.result.length > 0;
      },
      { timeoutMs: 40_000, intervalMs: 250 },
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { sandbox, stack, webhook, stop };
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { alertmanagerConfig, parseScrapeTarget, prometheusConfig } from './config.ts';

describe('monitoring config', () => {
  test('scrape targets: host:port means http /metrics; a URL keeps scheme and path', () => {
    assert.deepEqual(parseScrapeTarget('127.0.0.1:8080'), {
      scheme: 'http',
      host: '127.0.0.1:8080',
      metricsPath: '/metrics',
    });
    assert.deepEqual(parseScrapeTarget('https://10.0.0.1:443/custom/metrics'), {
      scheme: 'https',
      host: '10.0.0.1:443',
      metricsPath: '/custom/metrics',
    });
    assert.throws(() => parseScrapeTarget('localhost'), /neither host:port nor a URL/);
  });

  test('prometheus.yml groups targets by path, lists rules and points at Alertmanager', () => {
    const config = parse(
      prometheusConfig({
        scrapeTargets: ['127.0.0.1:1', '127.0.0.1:2', 'http://127.0.0.1:3/other'],
        ruleFiles: ['/rules/a.yml'],
        alertmanagerUrl: 'http://127.0.0.1:9093',
      }),
    );
    assert.deepEqual(config.global, {
      scrape_interval: '1s',
      scrape_timeout: '1s',
      evaluation_interval: '1s',
    });
    assert.equal(config.scrape_configs.length, 2);
    assert.deepEqual(config.scrape_configs[0].static_configs[0].targets, ['127.0.0.1:1', '127.0.0.1:2']);
    assert.equal(config.scrape_configs[1].metrics_path, '/other');
    assert.deepEqual(config.rule_files, ['/rules/a.yml']);
    assert.deepEqual(config.alerting.alertmanagers[0].static_configs[0].targets, ['127.0.0.1:9093']);
  });

  test('alertmanager.yml sends resolved notifications to the webhook; no webhook, no receiver config', () => {
    const withHook = parse(
      alertmanagerConfig({ webhookUrl: 'http://127.0.0.1:5/hook', groupWaitSeconds: 2 }),
    );
    assert.equal(withHook.route.group_wait, '2s');
    assert.deepEqual(withHook.route.group_by, ['alertname', 'namespace']);
    assert.deepEqual(withHook.receivers[0].webhook_configs, [
      { url: 'http://127.0.0.1:5/hook', send_resolved: true },
    ]);
    const without = parse(alertmanagerConfig({}));
    assert.deepEqual(without.receivers, [{ name: 'none' }]);
    assert.equal(without.route.receiver, 'none');
  });
});

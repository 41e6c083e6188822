import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../config/load.ts';
import { MUTATING_PLANNER_TOOLS, PLANNER_TOOLS } from './planner/index.ts';
import { openToolbox } from './tool-sets.ts';

/** The defaults, from an empty file. */
function defaults() {
  const path = join(mkdtempSync(join(tmpdir(), 'sre-nanobot-toolsets-')), 'config.json');
  writeFileSync(path, '{}');
  return loadConfig({ path, env: {} }).config;
}

test('the Kubernetes tools always; Prometheus and Alertmanager tools when a Prometheus is configured', async () => {
  const k8sOnly = await openToolbox({ config: defaults() });
  const names = k8sOnly.tools.map((t) => t.name);
  assert.ok(names.includes('diagnose') && names.includes('deployments_scale'));
  assert.ok(!names.some((n) => n.startsWith('prometheus_')));
  k8sOnly.close();
  const config = defaults();
  const withProm = await openToolbox({
    config: { ...config, prometheus: { ...config.prometheus, url: 'http://127.0.0.1:9' } },
  });
  assert.ok(withProm.tools.some((t) => t.name === 'service_latency'));
  withProm.close();
});

test('every tool the offline planner may plan is served, and it agrees on which ones change things', async () => {
  const config = defaults();
  const box = await openToolbox({
    config: { ...config, prometheus: { ...config.prometheus, url: 'http://127.0.0.1:9' } },
  });
  const byName = new Map(box.tools.map((t) => [t.name, t]));
  for (const name of PLANNER_TOOLS) assert.ok(byName.has(name), `${name} is planned but not served`);
  for (const [name, tool] of byName)
    if (PLANNER_TOOLS.includes(name))
      assert.equal(
        !tool.hints.readOnlyHint,
        MUTATING_PLANNER_TOOLS.includes(name),
        `${name}: hints disagree`,
      );
  box.close();
});

test('a read-only policy offers only reading tools', async () => {
  const config = defaults();
  const box = await openToolbox({ config: { ...config, policy: { ...config.policy, readOnly: true } } });
  assert.ok(box.tools.length > 10 && box.tools.every((t) => t.hints.readOnlyHint));
  box.close();
});

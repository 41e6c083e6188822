import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import {
  alertRules,
  formatDuration,
  loadRuleFiles,
  parseDuration,
  rewriteDurations,
  speedUpGroups,
  writeSpedUpRules,
} from './rules.ts';

const halve = (ms: number) => ms / 2;

test('durations parse and format the way Prometheus writes them', () => {
  assert.equal(parseDuration('5m'), 300_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('1d'), 86_400_000);
  assert.throws(() => parseDuration('5 minutes'), /not a Prometheus duration: "5 minutes"/);
  assert.equal(formatDuration(15_000), '15s');
  assert.equal(formatDuration(1_500), '1500ms');
  assert.equal(formatDuration(12_345), '12s');
  assert.equal(formatDuration(0), '0s');
});

test('range windows, subqueries and offsets are rewritten; strings and names are not', () => {
  assert.equal(rewriteDurations('rate(x[5m])', halve), 'rate(x[150s])');
  assert.equal(rewriteDurations('max_over_time(x[1h:1m])', halve), 'max_over_time(x[1800s:30s])');
  assert.equal(rewriteDurations('x - x offset 10m', halve), 'x - x offset 300s');
  assert.equal(rewriteDurations('x offset -2m', halve), 'x offset -60s');
  assert.equal(rewriteDurations('x[5m] offset 1h', halve), 'x[150s] offset 1800s');
  assert.equal(rewriteDurations('max_over_time(x[1h:])', halve), 'max_over_time(x[1800s:])');
  assert.equal(
    rewriteDurations('sum(rate(a{path=~"/x[5m]", b=\'offset 5m\'}[10m])) by (le)', halve),
    'sum(rate(a{path=~"/x[5m]", b=\'offset 5m\'}[300s])) by (le)',
  );
  assert.equal(
    rewriteDurations('my_offset 5 + node_offset_seconds', halve),
    'my_offset 5 + node_offset_seconds',
  );
  assert.equal(rewriteDurations('a{x="say \\"[1m]\\""}[2m]', halve), 'a{x="say \\"[1m]\\""}[60s]');
  assert.throws(() => rewriteDurations('rate(x[5m)', halve), /unclosed "\["/);
});

test('speeding up divides windows and `for` by the speed, floors ranges, and leaves records alone', () => {
  const groups = [
    {
      name: 'g',
      rules: [
        {
          alert: 'A',
          expr: 'increase(x[10m]) > 0 and y offset 10m',
          for: '15m',
          labels: { severity: 'warning' },
        },
        { alert: 'B', expr: 'rate(x[1m]) > 0' },
        { record: 'r:x', expr: 'sum(rate(x[5m]))' },
      ],
    },
  ];
  const fast = speedUpGroups(groups, { speed: 20 });
  assert.equal(fast[0].rules[0].expr, 'increase(x[30s]) > 0 and y offset 30s');
  assert.equal(fast[0].rules[0].for, '45s');
  assert.deepEqual(fast[0].rules[0].labels, { severity: 'warning' });
  assert.equal(fast[0].rules[1].expr, 'rate(x[5s]) > 0', 'a window never shrinks below the minimum');
  assert.equal(fast[0].rules[1].for, undefined);
  assert.equal(fast[0].rules[2].expr, 'sum(rate(x[15s]))');
  assert.equal(fast[0].rules[2].for, undefined);
  const immediate = speedUpGroups(groups, { speed: 20, forSeconds: 0, minRangeSeconds: 2 });
  assert.equal(immediate[0].rules[0].for, '0s');
  assert.equal(immediate[0].rules[1].for, '0s');
  assert.equal(immediate[0].rules[1].expr, 'rate(x[3s]) > 0');
  assert.equal(immediate[0].rules[2].for, undefined, 'recording rules have no `for`');
  assert.equal(groups[0].rules[0].expr, 'increase(x[10m]) > 0 and y offset 10m', 'the input is not changed');
  assert.throws(() => speedUpGroups(groups, { speed: 0.5 }), /speed must be >= 1/);
});

test('the shipped rules load, and their sped-up copies are written file by file', () => {
  const shipped = loadRuleFiles();
  assert.ok(shipped.length >= 8);
  const alerts = alertRules(shipped).map((a) => a.rule.alert);
  for (const name of ['KubePodCrashLooping', 'KubeNodeNotReady', 'HighErrorRate', 'Watchdog'])
    assert.ok(alerts.includes(name), name);
  const out = mkdtempSync(join(tmpdir(), 'rules-test-'));
  const paths = writeSpedUpRules(out, { speed: 20, forSeconds: 0 });
  assert.equal(paths.length, shipped.length);
  const crashLoop = parse(readFileSync(join(out, 'kubernetes-apps.yml'), 'utf8')).groups[0].rules[0];
  assert.equal(crashLoop.alert, 'KubePodCrashLooping');
  assert.equal(crashLoop.for, '0s');
  assert.match(crashLoop.expr, /\[15s\]/);
  assert.equal(crashLoop.annotations.runbook, 'pod_restart');
});

test('a file that is not a rule file is named in the error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rules-test-'));
  writeFileSync(join(dir, 'bad.yml'), 'scrape_configs: []\n');
  assert.throws(() => loadRuleFiles(dir), /bad\.yml has no "groups:" list/);
});

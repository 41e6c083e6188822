// The shipped alert rules as Prometheus sees them: promtool checks every file and runs every unit test,
// each rule carries what a bot needs to act, and every sandbox fault type has an alert that fires for it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { FAULT_ALERTS } from '../src/monitoring/fault-alerts.ts';
import { alertRules, loadRuleFiles, SHIPPED_RULES_DIR, writeSpedUpRules } from '../src/monitoring/rules.ts';
import { FAULT_TYPES } from '../src/sandbox/faults/index.ts';
import { requireBinary } from './helpers/binaries.ts';
import { REPO, tempDir } from './helpers/sandbox.ts';

const DEPLOY = join(REPO, 'deploy');
const TESTS_DIR = join(DEPLOY, 'prometheus', 'tests');
const ruleFiles = loadRuleFiles();
const alerts = alertRules(ruleFiles);
const testFiles = readdirSync(TESTS_DIR)
  .filter((f) => f.endsWith('.test.yml'))
  .sort();

function run(binary: string, args: string[], cwd = REPO) {
  const r = spawnSync(binary, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `${binary} ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Ids in backticks from a section of docs/patterns.md. */
function patternsDoc() {
  const text = readFileSync(join(REPO, 'docs', 'patterns.md'), 'utf8');
  const patterns = new Set([...text.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]));
  const runbookSection = text.split('## Runbook ids')[1]?.split('\n## ')[0] ?? '';
  const runbooks = new Set([...runbookSection.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
  return { patterns, runbooks };
}

describe('shipped rules under promtool', () => {
  const promtool = requireBinary('promtool');

  for (const file of ruleFiles) {
    test(`promtool check rules ${file.path.slice(REPO.length)}`, promtool, () => {
      assert.match(run('promtool', ['check', 'rules', file.path]), /SUCCESS/);
    });
  }

  for (const name of testFiles) {
    test(`promtool test rules deploy/prometheus/tests/${name}`, promtool, () => {
      assert.match(run('promtool', ['test', 'rules', name], TESTS_DIR), /SUCCESS/);
    });
  }

  test('the sped-up copies the end-to-end tests run are valid rules too', promtool, () => {
    const paths = writeSpedUpRules(tempDir(), { speed: 20, forSeconds: 0 });
    assert.match(run('promtool', ['check', 'rules', ...paths]), /SUCCESS/);
  });

  test('the example prometheus.yml loads with every rule file', promtool, () => {
    const out = run('promtool', ['check', 'config', 'prometheus.yml'], join(DEPLOY, 'prometheus'));
    assert.match(out, new RegExp(`SUCCESS: ${ruleFiles.length} rule files found`));
  });

  test(
    'the example alertmanager.yml is valid and sends to the gateway webhook',
    requireBinary('amtool'),
    () => {
      run('amtool', ['check-config', join(DEPLOY, 'alertmanager', 'alertmanager.yml')]);
      const config = parse(readFileSync(join(DEPLOY, 'alertmanager', 'alertmanager.yml'), 'utf8'));
      const hook = config.receivers.find((r: any) => r.name === config.route.receiver).webhook_configs[0];
      assert.match(hook.url, /\/api\/v1\/alerts\/alertmanager$/);
      assert.equal(hook.send_resolved, true);
      assert.equal(hook.http_config.authorization.type, 'Bearer');
    },
  );
});

describe('what each rule carries', () => {
  const { patterns, runbooks } = patternsDoc();

  test('every alert has a severity, a summary, a description and a known runbook id', () => {
    const problems: string[] = [];
    for (const { rule } of alerts) {
      const name = rule.alert;
      const severity = rule.labels?.severity;
      if (
        !['critical', 'warning', 'info'].includes(severity ?? '') &&
        !(name === 'Watchdog' && severity === 'none')
      )
        problems.push(`${name}: severity ${severity}`);
      for (const key of ['summary', 'description'])
        if (!rule.annotations?.[key]) problems.push(`${name}: no ${key} annotation`);
      // The Watchdog is the pipeline's heartbeat, not something to fix.
      if (name !== 'Watchdog' && !runbooks.has(rule.annotations?.runbook ?? ''))
        problems.push(`${name}: runbook "${rule.annotations?.runbook}" is not an id in docs/patterns.md`);
    }
    assert.deepEqual(problems, []);
    assert.ok(runbooks.size > 20, 'docs/patterns.md lists the runbook ids');
  });

  test('every rule file has a unit test file, and every alert is exercised by one', () => {
    const exercised = new Set<string>();
    for (const name of testFiles) {
      const doc = parse(readFileSync(join(TESTS_DIR, name), 'utf8'));
      for (const t of doc.tests)
        for (const a of t.alert_rule_test ?? []) if (a.exp_alerts?.length) exercised.add(a.alertname);
    }
    const ruleNames = ruleFiles.map((f) => f.path.slice(SHIPPED_RULES_DIR.length).replace(/\.yml$/, ''));
    assert.deepEqual(
      ruleNames.filter((n) => !testFiles.includes(`${n}.test.yml`)),
      [],
      'rule files without tests',
    );
    assert.deepEqual(
      [...new Set(alerts.map((a) => a.rule.alert))].filter((n) => !exercised.has(n ?? '')),
      [],
      'alerts no test expects to fire',
    );
  });

  test('every sandbox fault type maps to shipped alerts, a diagnosis pattern and a runbook', () => {
    const shipped = new Set(alerts.map((a) => a.rule.alert));
    const faultTypes = FAULT_TYPES.map((t) => t.name).sort();
    assert.deepEqual(Object.keys(FAULT_ALERTS).sort(), faultTypes);
    for (const [type, entry] of Object.entries(FAULT_ALERTS)) {
      assert.ok(entry.expected.length > 0, `${type} expects an alert`);
      for (const name of [...entry.expected.map((e) => e.alert), ...entry.related])
        assert.ok(shipped.has(name), `${type}: ${name} is no shipped alert`);
      assert.ok(patterns.has(entry.pattern), `${type}: pattern ${entry.pattern} is not in docs/patterns.md`);
      assert.ok(runbooks.has(entry.runbook), `${type}: runbook ${entry.runbook} is not in docs/patterns.md`);
    }
  });

  test('docs/alerts.md names every shipped alert and every fault type', () => {
    const doc = readFileSync(join(REPO, 'docs', 'alerts.md'), 'utf8');
    const missing = [
      ...new Set(alerts.map((a) => a.rule.alert ?? '')),
      ...Object.keys(FAULT_ALERTS).map((t) => `\`${t}\``),
    ].filter((name) => !doc.includes(name));
    assert.deepEqual(missing, []);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAULT_ALERTS } from '../monitoring/fault-alerts.ts';
import { parseAlert } from './alert.ts';

test('reads the objects and namespaces an Alertmanager webhook names', () => {
  const focus = parseAlert({
    version: '4',
    status: 'firing',
    commonLabels: { namespace: 'shop' },
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'KubePodCrashLooping', pod: 'cart-7d9-x2', container: 'app' },
      },
      {
        status: 'firing',
        labels: { alertname: 'KubeNodeNotReady', node: 'worker-2', namespace: 'kube-system' },
      },
      { status: 'resolved', labels: { alertname: 'KubeJobFailed', job_name: 'old' } },
    ],
  });
  assert.deepEqual([...focus.keys].sort(), ['Node//worker-2', 'Pod/shop/cart-7d9-x2']);
  assert.deepEqual(focus.namespaces.sort(), ['kube-system', 'shop']);
  assert.deepEqual(focus.alertnames, ['KubePodCrashLooping', 'KubeNodeNotReady']);
  assert.ok(focus.patterns.includes('crash_loop') && focus.patterns.includes('node_not_ready'));
});

test('a bare alert or a list of alerts is accepted; anything else is refused', () => {
  assert.deepEqual(
    [...parseAlert({ labels: { deployment: 'api', namespace: 'shop' } }).keys],
    ['Deployment/shop/api'],
  );
  assert.equal(parseAlert([{ labels: { alertname: 'X' } }]).alertnames[0], 'X');
  assert.throws(() => parseAlert({ hello: 'world' }), /not an Alertmanager webhook body/);
  assert.throws(() => parseAlert({ alerts: [] }), /not an Alertmanager webhook body/);
});

test('every shipped alert a sandbox fault raises points the diagnosis at that fault’s pattern', () => {
  for (const [fault, { expected, pattern }] of Object.entries(FAULT_ALERTS)) {
    for (const { alert } of expected) {
      const focus = parseAlert({ labels: { alertname: alert, namespace: 'production' } });
      assert.ok(
        focus.patterns.includes(pattern),
        `${alert} (fault ${fault}) should hint ${pattern}, hints ${focus.patterns.join(', ')}`,
      );
    }
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnosis } from './diagnose.ts';
import { renderText } from './render.ts';
import type { Finding } from './types.ts';

const root: Finding = {
  pattern: 'node_not_ready',
  severity: 'critical',
  resource: { kind: 'Node', name: 'worker-2' },
  workload: null,
  summary: 'Node worker-2 is NotReady',
  rootCause: 'Node worker-2 is not ready: its kubelet stopped reporting.',
  evidence: ['node worker-2: Ready=Unknown'],
  whys: ['Why are pods unready? They run on worker-2.'],
  runbook: 'cordon_and_drain_node',
  confidence: 0.95,
};
const symptom: Finding = {
  ...root,
  pattern: 'service_no_endpoints',
  severity: 'critical',
  resource: { kind: 'Service', namespace: 'shop', name: 'cart' },
  summary: 'Service cart has no ready endpoints',
  causedBy: { pattern: 'node_not_ready', resource: root.resource },
};
const diagnosis = (findings: Finding[], gaps: string[] = []): Diagnosis => ({
  findings,
  impact: { namespaces: ['shop'], nodes: ['worker-2'], workloads: [], services: [], unreadyPods: 2 },
  gaps,
  durationMs: 12.5,
});

test('roots first with their evidence, whys and runbook; symptoms under the cause that explains them', () => {
  const text = renderText(diagnosis([root, symptom], ['secrets: forbidden']), {
    color: false,
    scope: 'all namespaces',
  });
  const lines = text.split('\n');
  assert.equal(lines[0], 'CRITICAL node_not_ready  Node worker-2');
  assert.ok(text.includes('  Root cause: Node worker-2 is not ready: its kubelet stopped reporting.'));
  assert.ok(text.includes('    - node worker-2: Ready=Unknown'));
  assert.ok(text.includes('    1. Why are pods unready? They run on worker-2.'));
  assert.ok(
    text.includes('  ↳ explains service_no_endpoints Service shop/cart: Service cart has no ready endpoints'),
  );
  assert.ok(text.includes('Not read: secrets: forbidden'));
  assert.ok(!text.includes('\u001b['));
});

test('colour only when asked; a healthy scope says so in one line', () => {
  assert.ok(renderText(diagnosis([root]), { color: true, scope: 'x' }).includes('\u001b[31mCRITICAL'));
  assert.match(
    renderText(diagnosis([]), { color: false, scope: 'namespace shop', counts: { pods: 12, nodes: 3 } }),
    /^No problems found in namespace shop \(12 pods on 3 nodes checked\)\.\n/,
  );
});

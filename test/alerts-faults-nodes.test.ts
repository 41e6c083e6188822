// Node faults through the whole alerting loop: the node alert fires in real Prometheus, reaches a
// webhook through real Alertmanager naming the node, and resolves once the node is drained and
// repaired; then it is uncordoned. One after the other: two drained nodes of three would leave too
// little room for the pods.
import { after, before, describe, test } from 'node:test';
import {
  type AlertCase,
  type AlertLoop,
  loopSkip,
  runAlertCase,
  startAlertLoop,
} from './helpers/alert-loop.ts';

const drain = (node: string) => (l: AlertLoop) =>
  l.kubectl(['drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--force', '--timeout=90s'], {
    timeoutMs: 100_000,
  });
const uncordon = (node: string) => (l: AlertLoop) => l.kubectl(['uncordon', node]);

const CASES: AlertCase[] = [
  {
    fault: { type: 'node_not_ready', target: 'node/node-2' },
    object: 'node-2',
    fix: drain('node-2'),
    after: uncordon('node-2'),
  },
  {
    fault: { type: 'disk_pressure', target: 'node/node-3' },
    object: 'node-3',
    fix: drain('node-3'),
    after: uncordon('node-3'),
  },
];

describe('node faults → alerts through Prometheus and Alertmanager', {
  skip: loopSkip(),
  concurrency: false,
}, () => {
  let loop: AlertLoop;
  before(async () => {
    loop = await startAlertLoop();
  });
  after(() => loop?.stop());

  for (const c of CASES) {
    test(`${c.fault.type} on ${c.fault.target}: fires, reaches the webhook, resolves after drain and repair`, () =>
      runAlertCase(loop, c));
  }
});

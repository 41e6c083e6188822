// Node faults through the whole alerting loop: the node alert fires in real Prometheus, reaches a
// webhook through real Alertmanager naming the node, and resolves once the node is drained and
// repaired; then it is uncordoned. One after the other: two drained nodes of three would leave too
// little room for the pods.
import { type AlertCase, type AlertLoop, describeAlertLoop } from './helpers/alert-loop.ts';

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

describeAlertLoop('node faults', CASES, { concurrent: false });

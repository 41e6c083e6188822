import { isNodeAlert, namespaceOf, nodeOf } from '../labels.ts';
import type { CorrelationRule } from './rule.ts';

/**
 * A NotReady (or pressured, or unreachable) node makes its pods fail: alerts on pods of a node
 * join that node's incident. Only an alert about the node itself opens one. The node is the
 * alert's `node` label, else where the cluster says the pod runs.
 */
export const nodeRule = {
  name: 'node',
  keys(labels, { nodeOfPod }) {
    const ns = namespaceOf(labels);
    const node = nodeOf(labels) ?? (ns && labels.pod ? nodeOfPod?.(ns, labels.pod) : undefined);
    return node ? [{ key: `node:${node}`, opens: isNodeAlert(labels) }] : [];
  },
} satisfies CorrelationRule;

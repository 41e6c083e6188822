import type { PolicyCheck } from '../check.ts';

/** Namespace allow and deny lists; a Namespace object counts as being in itself. Cluster-scoped kinds are not in any. */
export const namespaceCheck = {
  name: 'namespaces',
  check(m, policy) {
    const ns = m.target.kind === 'Namespace' ? m.target.name : m.target.namespace;
    if (!ns) return undefined;
    if (policy.denyNamespaces.includes(ns)) return `namespace ${ns} is on the policy's deny list`;
    if (policy.allowNamespaces && !policy.allowNamespaces.includes(ns)) {
      return `namespace ${ns} is not on the policy's allow list (${policy.allowNamespaces.join(', ') || 'empty'})`;
    }
    return undefined;
  },
} satisfies PolicyCheck;

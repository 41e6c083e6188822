import type { Collector } from './context.ts';
import { labels } from './exposition.ts';

/** The sandbox's own view of injected faults, for verifying a remediation against the ground truth. */
export const sandboxFaults: Collector = {
  name: 'sandbox',
  collect(ctx, out) {
    const active = out.family(
      'sandbox_fault_active',
      'gauge',
      'Whether an injected fault is still active (1) or has been cleared by a remediation (0).',
    );
    for (const f of ctx.faults?.list() ?? []) {
      active(
        labels({ id: f.id, type: f.type, namespace: f.namespace ?? '', target: f.target }),
        f.status === 'active' ? 1 : 0,
      );
    }
  },
};

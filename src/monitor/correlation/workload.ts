import { workloadOf } from '../labels.ts';
import type { CorrelationRule } from './rule.ts';

/** Every alert about one workload — its pods, its rollout, its Service's errors — is one incident. */
export const workloadRule = {
  name: 'workload',
  keys(labels) {
    const workload = workloadOf(labels);
    return workload ? [{ key: `workload:${workload}`, opens: true }] : [];
  },
} satisfies CorrelationRule;

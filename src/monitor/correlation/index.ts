import { assertUniqueNames } from '../../registry.ts';
import type { Labels } from '../labels.ts';
import { groupRule } from './group.ts';
import { nodeRule } from './node.ts';
import type { CorrelationContext, CorrelationKey, CorrelationRule } from './rule.ts';
import { workloadRule } from './workload.ts';

export type { CorrelationContext, CorrelationKey, CorrelationRule } from './rule.ts';

/** Most specific first: an alert joins the incident of the first key that finds one. */
export const CORRELATION_RULES: readonly CorrelationRule[] = [nodeRule, workloadRule, groupRule];

assertUniqueNames(CORRELATION_RULES, 'correlation rule');

export const correlationKeys = (
  labels: Labels,
  context: CorrelationContext,
  rules: readonly CorrelationRule[] = CORRELATION_RULES,
): CorrelationKey[] => rules.flatMap((r) => r.keys(labels, context));

import type { CorrelationRule } from './rule.ts';

/** The configured grouping, like Alertmanager's `group_by`: alerts with equal values of these labels. */
export const groupRule = {
  name: 'group',
  keys(labels, { groupBy }) {
    return [{ key: `group:${groupBy.map((l) => `${l}=${labels[l] ?? ''}`).join(',')}`, opens: true }];
  },
} satisfies CorrelationRule;

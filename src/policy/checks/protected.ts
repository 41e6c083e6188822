import type { PolicyCheck } from '../check.ts';
import type { Target } from '../mutation.ts';
import type { ProtectedRule } from '../policy.ts';

const matches = (rule: ProtectedRule, t: Target): boolean =>
  (rule.namespace === undefined || rule.namespace === t.namespace) &&
  (rule.kind === undefined || rule.kind.toLowerCase() === t.kind.toLowerCase()) &&
  (rule.name === undefined || rule.name === t.name) &&
  Object.entries(rule.labels ?? {}).every(([k, v]) => t.labels?.[k] === v);

const describe = (rule: ProtectedRule): string =>
  [
    rule.kind,
    rule.namespace !== undefined || rule.name !== undefined
      ? `${rule.namespace ?? '*'}/${rule.name ?? '*'}`
      : undefined,
    ...Object.entries(rule.labels ?? {}).map(([k, v]) => `${k}=${v}`),
  ]
    .filter(Boolean)
    .join(' ');

export const protectedCheck = {
  name: 'protected',
  check(m, policy) {
    const rule = policy.protected.find((r) => matches(r, m.target));
    return rule
      ? `${m.target.kind} ${m.target.namespace ? `${m.target.namespace}/` : ''}${m.target.name} is protected by the rule '${describe(rule)}'`
      : undefined;
  },
} satisfies PolicyCheck;

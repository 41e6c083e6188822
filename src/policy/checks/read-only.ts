import type { PolicyCheck } from '../check.ts';

export const readOnlyCheck = {
  name: 'read-only',
  check: (_m, policy) => (policy.readOnly ? 'the policy is read-only: no change is allowed' : undefined),
} satisfies PolicyCheck;

import { defaultPolicy, type Policy, parseProtectedRule } from '../policy/policy.ts';
import type { PolicyConfig } from './types.ts';

/** The gate's policy from the `policy` section: the file's rules on top of the defaults (the protected label stays). */
export function policyFromConfig(section: PolicyConfig): Policy {
  const defaults = defaultPolicy();
  return defaultPolicy({
    readOnly: section.readOnly,
    dryRun: section.dryRun,
    allowNamespaces: section.allowNamespaces.length ? section.allowNamespaces : undefined,
    denyNamespaces: section.denyNamespaces,
    protected: [...defaults.protected, ...section.protect.map(parseProtectedRule)],
  });
}

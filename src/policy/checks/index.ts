import { assertUniqueNames } from '../../registry.ts';
import type { PolicyCheck } from '../check.ts';
import { namespaceCheck } from './namespaces.ts';
import { protectedCheck } from './protected.ts';
import { readOnlyCheck } from './read-only.ts';

/** The gate's checks in the order they run; the first refusal wins. Approval and rate limits slot in here. */
export const POLICY_CHECKS: readonly PolicyCheck[] = [readOnlyCheck, namespaceCheck, protectedCheck];

assertUniqueNames(POLICY_CHECKS, 'policy check');

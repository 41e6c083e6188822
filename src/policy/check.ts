import type { Mutation } from './mutation.ts';
import type { Policy } from './policy.ts';

/**
 * One rule of the gate. Returns why the mutation is refused, or undefined to let it pass on to the
 * next check. May be async (an approval check waits for a person).
 */
export interface PolicyCheck {
  readonly name: string;
  check(mutation: Mutation, policy: Policy): string | undefined | Promise<string | undefined>;
}

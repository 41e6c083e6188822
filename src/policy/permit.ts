import type { Mutation } from './mutation.ts';

/**
 * Proof that the policy gate let a mutation through. The cluster access layer refuses to send a
 * write without one, so no code path can change a cluster around the gate. Only gate.ts issues them
 * (a unit test keeps it that way).
 */
export interface Permit {
  readonly mutation: Mutation;
  /** Every write made under this permit carries `dryRun=All`. */
  readonly dryRun: boolean;
}

const issued = new WeakSet<Permit>();

export function issuePermit(mutation: Mutation, dryRun: boolean): Permit {
  const permit = Object.freeze({ mutation, dryRun });
  issued.add(permit);
  return permit;
}

export function assertPermit(permit: unknown, what: string): asserts permit is Permit {
  if (!permit || !issued.has(permit as Permit)) {
    throw new Error(`refusing ${what}: cluster writes must pass through the policy gate`);
  }
}

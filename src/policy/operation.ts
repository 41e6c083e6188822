import type { Mutation } from './mutation.ts';
import type { Permit } from './permit.ts';

/** A mutation and the code that carries it out, handed to the gate as one: the gate decides, then calls `perform`. */
export interface Operation<R> {
  mutation: Mutation;
  perform(permit: Permit): Promise<R>;
}

/** The same operation, asking the gate for a server-side dry run when `dryRun` is true. */
export const withDryRun = <R>(operation: Operation<R>, dryRun: boolean | undefined): Operation<R> =>
  dryRun ? { ...operation, mutation: { ...operation.mutation, dryRun } } : operation;

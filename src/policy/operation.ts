import type { Mutation } from './mutation.ts';
import type { Permit } from './permit.ts';

/** A mutation and the code that carries it out, handed to the gate as one: the gate decides, then calls `perform`. */
export interface Operation<R> {
  mutation: Mutation;
  perform(permit: Permit): Promise<R>;
}

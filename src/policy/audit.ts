import type { Mutation } from './mutation.ts';

export interface AuditEntry {
  at: string;
  mutation: Mutation;
  outcome: 'denied' | 'succeeded' | 'failed';
  dryRun: boolean;
  /** For a denial: the check and its reason; for a failure: the error. */
  reason?: string;
}

/** Where the gate records every decision and outcome. A file or database sink arrives with the audit-log issue. */
export interface AuditSink {
  record(entry: AuditEntry): void | Promise<void>;
}

/** Keeps the last `capacity` entries in memory. */
export class MemoryAuditSink implements AuditSink {
  private readonly kept: AuditEntry[] = [];

  constructor(private readonly capacity = 1000) {}

  record(entry: AuditEntry): void {
    this.kept.push(entry);
    if (this.kept.length > this.capacity) this.kept.shift();
  }

  entries(): readonly AuditEntry[] {
    return this.kept;
  }
}

import { type AuditSink, MemoryAuditSink } from './audit.ts';
import type { PolicyCheck } from './check.ts';
import { POLICY_CHECKS } from './checks/index.ts';
import { describeTarget, type Mutation } from './mutation.ts';
import type { Operation } from './operation.ts';
import { issuePermit } from './permit.ts';
import type { Policy } from './policy.ts';

/** The gate said no. The message names the mutation, the check and the reason. */
export class PolicyDenied extends Error {
  override readonly name = 'PolicyDenied';
  constructor(
    readonly mutation: Mutation,
    readonly check: string,
    readonly reason: string,
  ) {
    super(`policy refused to ${mutation.verb} ${describeTarget(mutation.target)}: ${reason}`);
  }
}

export type Verdict = { allowed: true } | { allowed: false; check: string; reason: string };

export interface Executed<R> {
  result: R;
  /** True when the change was only validated by the API server (policy or request asked for a dry run). */
  dryRun: boolean;
}

/**
 * The single gate every cluster change passes: it runs the checks in order, records the decision
 * and the outcome in the audit sink, and only then hands the operation a permit — the transport
 * refuses writes without one.
 */
export class PolicyGate {
  readonly policy: Policy;
  private readonly checks: readonly PolicyCheck[];
  readonly audit: AuditSink;

  constructor(options: { policy: Policy; checks?: readonly PolicyCheck[]; audit?: AuditSink }) {
    this.policy = options.policy;
    this.checks = options.checks ?? POLICY_CHECKS;
    this.audit = options.audit ?? new MemoryAuditSink();
  }

  async evaluate(mutation: Mutation): Promise<Verdict> {
    for (const c of this.checks) {
      const reason = await c.check(mutation, this.policy);
      if (reason !== undefined) return { allowed: false, check: c.name, reason };
    }
    return { allowed: true };
  }

  /** Throws PolicyDenied, or the operation's own error (after auditing it). */
  async execute<R>(operation: Operation<R>): Promise<Executed<R>> {
    const { mutation } = operation;
    const dryRun = this.policy.dryRun || Boolean(mutation.dryRun);
    const verdict = await this.evaluate(mutation);
    const at = () => new Date().toISOString();
    if (!verdict.allowed) {
      await this.audit.record({
        at: at(),
        mutation,
        outcome: 'denied',
        dryRun,
        reason: `${verdict.check}: ${verdict.reason}`,
      });
      throw new PolicyDenied(mutation, verdict.check, verdict.reason);
    }
    try {
      const result = await operation.perform(issuePermit(mutation, dryRun));
      await this.audit.record({ at: at(), mutation, outcome: 'succeeded', dryRun });
      return { result, dryRun };
    } catch (err) {
      await this.audit.record({
        at: at(),
        mutation,
        outcome: 'failed',
        dryRun,
        reason: (err as Error).message,
      });
      throw err;
    }
  }
}

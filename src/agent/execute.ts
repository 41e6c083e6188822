import { type Approval, approve } from './approval.ts';
import { describeCall } from './describe-call.ts';
import type { Plan, ToolCall } from './plan.ts';
import type { Progress } from './progress.ts';
import type { Toolbox } from './toolbox.ts';

/** What happened to one call; `--json` prints these as `results`. */
export interface CallResult {
  tool: string;
  args: Record<string, unknown>;
  ok: boolean;
  /** The tool's text, or the sentence saying why it did not run or failed. */
  output: string;
  /** Why it did not run: invalid arguments, no confirmation possible, declined, or an earlier call failed. */
  notRun?: 'invalid' | 'no-terminal' | 'declined' | 'skipped';
}

export interface ExecuteDeps {
  toolbox: Toolbox;
  approval: Approval;
  progress: Progress;
}

/**
 * One call, the same way for a plan and for the LLM loop: check the arguments against the tool's
 * schema; for a mutation, confirm the sentence our code built from those arguments; run (the tool
 * passes the policy gate itself). Never throws for a tool's failure.
 */
export async function executeCall(call: ToolCall, deps: ExecuteDeps): Promise<CallResult> {
  const started = performance.now();
  deps.progress.started(call);
  const done = (result: CallResult) => {
    deps.progress.finished(
      call,
      result.ok,
      performance.now() - started,
      result.ok ? undefined : result.output,
    );
    return result;
  };
  const checked = deps.toolbox.check(call);
  if (!checked.ok) return done({ ...call, ok: false, output: checked.error, notRun: 'invalid' });
  if (deps.toolbox.needsApproval(checked.call)) {
    const decision = await approve(describeCall(call.tool, checked.call.args), deps.approval);
    if (!decision.run) return done({ ...call, ok: false, output: decision.message, notRun: decision.reason });
  }
  const outcome = await deps.toolbox.run(checked.call);
  return done({ ...call, ...outcome });
}

/** Runs a plan's calls in order; after a call fails or is refused, the rest are skipped (they usually depend on it). */
export async function executePlan(plan: Plan, deps: ExecuteDeps): Promise<CallResult[]> {
  const results: CallResult[] = [];
  for (const call of plan.calls) {
    if (results.some((r) => !r.ok)) {
      results.push({
        ...call,
        ok: false,
        output: 'skipped: an earlier call did not succeed',
        notRun: 'skipped',
      });
      continue;
    }
    results.push(await executeCall(call, deps));
  }
  return results;
}

/** 0 all done; 2 a change needed --yes and there was no terminal to ask on; 1 anything else failed or was declined. */
export function exitCodeOf(results: readonly CallResult[]): number {
  if (results.some((r) => r.notRun === 'no-terminal')) return 2;
  return results.every((r) => r.ok) ? 0 : 1;
}

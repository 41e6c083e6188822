import { suggestion } from '../config/suggest.ts';
import { checkToolArgs, checkUniqueNames, runTool, type ToolDef, type ToolOutcome } from '../mcp/tool.ts';
import type { ToolCall } from './plan.ts';

/** Tools that share one context (the clusters and gate, or the Prometheus clients) and one way to explain failures. */
export interface ToolSet<C> {
  tools: readonly ToolDef<C, any>[];
  context: C;
  /** The sentence for an expected failure (not found, refused by policy…); undefined for a bug. */
  explain(err: unknown): string | undefined;
  close?(): void;
}

/** A call whose tool exists and whose arguments passed the tool's schema (defaults applied). */
export interface CheckedCall {
  tool: ToolDef<unknown, any>;
  args: Record<string, unknown>;
}

export type Checked = { ok: true; call: CheckedCall } | { ok: false; error: string };

/**
 * The agent's in-process tools: the same definitions the MCP servers serve, called directly. Arguments
 * are checked against each tool's schema before anything runs, so an invented parameter becomes a
 * precise message for the model instead of a crash or a silently ignored field.
 */
export class Toolbox {
  private readonly entries = new Map<string, { tool: ToolDef<unknown, any>; set: ToolSet<unknown> }>();

  constructor(
    private readonly sets: readonly ToolSet<any>[],
    /** The policy's switches that change what the agent offers and asks: the gate enforces them either way. */
    private readonly policy: { readOnly: boolean; dryRun: boolean } = { readOnly: false, dryRun: false },
  ) {
    checkUniqueNames(sets.flatMap((s) => s.tools));
    for (const set of sets) for (const tool of set.tools) this.entries.set(tool.name, { tool, set });
  }

  /** What the model is offered: without the changing tools when the policy is read-only. */
  get tools(): ToolDef<unknown, any>[] {
    return [...this.entries.values()]
      .map((e) => e.tool)
      .filter((t) => !this.policy.readOnly || t.hints.readOnlyHint);
  }

  /** Finds the tool and validates the arguments; unknown names and arguments get a did-you-mean. */
  check(call: ToolCall): Checked {
    const entry = this.entries.get(call.tool);
    if (!entry) {
      const names = [...this.entries.keys()];
      return { ok: false, error: `no tool named "${call.tool}"${suggestion(call.tool, names)}` };
    }
    if (this.policy.readOnly && !entry.tool.hints.readOnlyHint)
      return {
        ok: false,
        error: `${call.tool} changes the cluster and the policy is read-only (policy.readOnly in the config)`,
      };
    const checked = checkToolArgs(entry.tool, call.args);
    return checked.ok ? { ok: true, call: { tool: entry.tool, args: checked.args } } : checked;
  }

  /** A change that is really made: not a dry run, by argument or by policy. */
  needsApproval(call: CheckedCall): boolean {
    return !call.tool.hints.readOnlyHint && call.args.dryRun !== true && !this.policy.dryRun;
  }

  /** Runs a checked call; an expected failure comes back as its sentence, a bug as a short report. */
  async run(call: CheckedCall): Promise<ToolOutcome> {
    const entry = this.entries.get(call.tool.name);
    if (!entry) return { ok: false, output: `no tool named "${call.tool.name}"` };
    return runTool(call.tool, call.args, entry.set.context, entry.set.explain);
  }

  close(): void {
    for (const set of this.sets) set.close?.();
  }
}

/** One tool call, by a tool name of CONTRACTS §2–3 (or a tool added beside them) and its camelCase arguments. */
export interface ToolCall {
  tool: string;
  args: Record<string, unknown>;
}

/**
 * What a planner decided for one message — `agent --plan --json` prints it as is. No calls and a
 * `question` when the request is ambiguous or unsafe: the agent asks instead of guessing.
 */
export interface Plan {
  calls: ToolCall[];
  question?: string;
}

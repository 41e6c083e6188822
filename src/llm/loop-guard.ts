import type { ToolCall } from '../agent/plan.ts';

/** Arguments with their keys sorted: `{b:1,a:2}` and `{a:2,b:1}` are the same call. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
        )
      : value;

export const callKey = (call: ToolCall) => `${call.tool} ${JSON.stringify(canonical(call.args ?? {}))}`;

/**
 * Stops a model that keeps asking for the same thing (small local models do): the same tool with
 * the same arguments twice in a row, or a third time in one run. Checked before the call runs.
 */
export class LoopGuard {
  private last?: string;
  private readonly counts = new Map<string, number>();

  constructor(private readonly maxSame = 3) {}

  /** undefined: go ahead; otherwise the sentence that ends the run. */
  check(call: ToolCall): string | undefined {
    const key = callKey(call);
    const seen = (this.counts.get(key) ?? 0) + 1;
    const why = key === this.last ? 'twice in a row' : seen >= this.maxSame ? `${seen} times` : undefined;
    if (why)
      return `stopped: the model asked for the same call (${key}) ${why} — it is looping; rephrase the request, or use a model that handles tool calls better`;
    this.counts.set(key, seen);
    this.last = key;
    return undefined;
  }
}

import type { CallResult } from './execute.ts';
import type { Plan } from './plan.ts';
import { callLabel } from './progress.ts';

/** CONTRACTS §5: exactly `{"calls":[…]}`, plus `question` when there is one. */
export const planJson = (plan: Plan) =>
  JSON.stringify(
    plan.question === undefined ? { calls: plan.calls } : { calls: plan.calls, question: plan.question },
  );

/** `--plan` for people: the numbered calls, or the question, and a reminder that nothing ran. */
export function planText(plan: Plan): string {
  const lines = plan.calls.map((c, i) => `  ${i + 1}. ${callLabel(c)}`);
  const out = lines.length ? [`Plan (${lines.length} call${lines.length > 1 ? 's' : ''}):`, ...lines] : [];
  if (plan.question) out.push(`${out.length ? '\n' : ''}Question: ${plan.question}`);
  if (!out.length) out.push('Nothing to do for this message.');
  out.push('', 'Nothing was run (--plan).');
  return `${out.join('\n')}\n`;
}

/** What ran, for people: each successful call's text under a header when there are several; failures went to stderr as progress. */
export function resultsText(results: readonly CallResult[]): string {
  const shown = results.filter((r) => r.ok);
  if (shown.length === 1 && results.length === 1) return `${shown[0].output.trimEnd()}\n`;
  return shown.map((r) => `── ${callLabel(r)}\n${r.output.trimEnd()}\n`).join('\n');
}

import { type LanguageModel, type ModelMessage, streamText, type ToolResultPart } from 'ai';
import type { Approval } from '../agent/approval.ts';
import { type CallResult, executeCall } from '../agent/execute.ts';
import type { ToolCall } from '../agent/plan.ts';
import type { Progress } from '../agent/progress.ts';
import type { Toolbox } from '../agent/toolbox.ts';
import type { LlmConfig } from '../config/types.ts';
import { duration, explainProviderError } from './errors.ts';
import { LoopGuard } from './loop-guard.ts';
import { systemPrompt } from './prompt.ts';
import { aiTools, asUntrusted } from './tools.ts';

export interface LoopOptions {
  model: LanguageModel;
  /** maxSteps, maxTokens (input + output over the run) and timeoutMs (the whole run) come from here. */
  config: LlmConfig;
  message: string;
  toolbox: Toolbox;
  approval: Approval;
  progress: Progress;
  /** Each piece of the answer as it arrives. */
  onText(delta: string): void;
  defaultNamespace?: string;
}

export interface LoopResult {
  answer: string;
  results: CallResult[];
  /** Set when a budget or the loop guard ended the run before the model finished. */
  stopped?: { reason: 'loop' | 'steps' | 'tokens' | 'time'; message: string };
  usage: { inputTokens: number; outputTokens: number };
  steps: number;
}

/** The provider failed; the message is one sentence saying what to check. */
export class LlmError extends Error {
  override readonly name = 'LlmError';
}

/** Most a single answer may use, so that one step cannot spend the whole budget. */
/** Most a model may write in one step; the run's token budget caps it further. */
export const STEP_OUTPUT_TOKENS = 4096;

interface Step {
  text: string;
  calls: { id: string; call: ToolCall; invalid?: string }[];
  usage: { inputTokens: number; outputTokens: number };
  messages: ModelMessage[];
}

/** One model turn, streamed: its text (passed on as it arrives), the calls it asks for, its usage. */
async function streamStep(
  options: LoopOptions,
  messages: ModelMessage[],
  tools: ReturnType<typeof aiTools>,
  limits: { signal: AbortSignal; maxOutputTokens: number },
): Promise<Step> {
  const step: Step = { text: '', calls: [], usage: { inputTokens: 0, outputTokens: 0 }, messages: [] };
  const stream = streamText({
    model: options.model,
    system: systemPrompt({ defaultNamespace: options.defaultNamespace }),
    messages,
    tools,
    abortSignal: limits.signal,
    // One retry (honouring Retry-After): a CLI should say what is wrong rather than wait long.
    maxRetries: 1,
    // Errors arrive as stream parts and are explained by the caller; the SDK would also print them.
    onError: () => undefined,
    maxOutputTokens: limits.maxOutputTokens,
  });
  for await (const part of stream.fullStream) {
    if (part.type === 'text-delta') {
      step.text += part.text;
      options.onText(part.text);
    } else if (part.type === 'tool-call') {
      const input = part.input;
      const args = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
      const invalid =
        'invalid' in part && part.invalid && typeof input === 'string'
          ? `the arguments of ${part.toolName} are not valid JSON: ${input.slice(0, 200)}`
          : undefined;
      step.calls.push({ id: part.toolCallId, call: { tool: part.toolName, args }, invalid });
    } else if (part.type === 'finish-step') {
      step.usage.inputTokens += part.usage.inputTokens ?? 0;
      step.usage.outputTokens += part.usage.outputTokens ?? 0;
    } else if (part.type === 'error') throw part.error;
  }
  // The SDK answers calls to unknown tools itself; every call gets our own result instead.
  step.messages = (await stream.response).messages.filter((m) => m.role !== 'tool');
  return step;
}

/** The same approval, adding the time spent waiting for an answer to `waited.ms`. */
function timedApproval(approval: Approval, waited: { ms: number }): Approval {
  const ask = approval.ask;
  if (!ask) return approval;
  return {
    ...approval,
    ask: async (question) => {
      const asked = Date.now();
      try {
        return await ask(question);
      } finally {
        waited.ms += Date.now() - asked;
      }
    },
  };
}

/**
 * The tool-calling loop, one step at a time: stream the model's answer, run the calls it asks for
 * through the same checks as a plan (argument schemas, confirmation of changes, the policy gate),
 * hand the results back as untrusted data, and repeat — until it answers without calls, repeats
 * itself, or runs out of steps, tokens or time.
 */
export async function runLlmLoop(options: LoopOptions): Promise<LoopResult> {
  const { config } = options;
  // The time budget is the model's and the tools': waiting for a person to answer is not counted.
  const started = Date.now();
  const waited = { ms: 0 };
  const remaining = () => config.timeoutMs - (Date.now() - started - waited.ms);
  const approval = timedApproval(options.approval, waited);
  const guard = new LoopGuard();
  const tools = aiTools(options.toolbox);
  const messages: ModelMessage[] = [{ role: 'user', content: options.message }];
  const result: LoopResult = {
    answer: '',
    results: [],
    usage: { inputTokens: 0, outputTokens: 0 },
    steps: 0,
  };
  const stop = (reason: NonNullable<LoopResult['stopped']>['reason'], message: string) => {
    result.stopped = { reason, message };
    return result;
  };
  const spent = () => result.usage.inputTokens + result.usage.outputTokens;
  const timeUp = () =>
    stop('time', `stopped: the run took longer than ${duration(config.timeoutMs)} (llm.timeoutMs)`);

  while (result.steps < config.maxSteps) {
    if (spent() >= config.maxTokens)
      return stop(
        'tokens',
        `stopped: ${spent()} tokens used, the budget is ${config.maxTokens} (llm.maxTokens)`,
      );
    if (remaining() <= 0) return timeUp();
    const signal = AbortSignal.timeout(remaining());
    result.steps++;
    let step: Step;
    try {
      step = await streamStep(options, messages, tools, {
        signal,
        maxOutputTokens: Math.min(STEP_OUTPUT_TOKENS, config.maxTokens - spent()),
      });
    } catch (err) {
      if (signal.aborted) return timeUp();
      throw new LlmError(explainProviderError(err, config));
    }
    messages.push(...step.messages);
    result.usage.inputTokens += step.usage.inputTokens;
    result.usage.outputTokens += step.usage.outputTokens;
    result.answer += step.text;
    if (!step.calls.length) return result;
    // What the model said before its calls is a line of its own; the final answer starts on the next.
    if (step.text && !step.text.endsWith('\n')) {
      options.onText('\n');
      result.answer += '\n';
    }

    const parts: ToolResultPart[] = [];
    for (const { id, call, invalid } of step.calls) {
      const looping = guard.check(call);
      if (looping) return stop('loop', looping);
      const outcome: CallResult = invalid
        ? { ...call, ok: false, output: invalid, notRun: 'invalid' }
        : await executeCall(call, { ...options, approval });
      result.results.push(outcome);
      parts.push({
        type: 'tool-result',
        toolCallId: id,
        toolName: call.tool,
        output: {
          type: outcome.ok ? 'text' : 'error-text',
          value: asUntrusted(call.tool, outcome.output, outcome.ok),
        },
      });
    }
    messages.push({ role: 'tool', content: parts });
  }
  return stop(
    'steps',
    `stopped: the model used all ${config.maxSteps} steps (llm.maxSteps) without finishing`,
  );
}

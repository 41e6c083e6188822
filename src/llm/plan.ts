import { generateText, type LanguageModel } from 'ai';
import type { Plan } from '../agent/plan.ts';
import type { Toolbox } from '../agent/toolbox.ts';
import type { LlmConfig } from '../config/types.ts';
import { explainProviderError } from './errors.ts';
import { LlmError, STEP_OUTPUT_TOKENS } from './loop.ts';
import { systemPrompt } from './prompt.ts';
import { aiTools } from './tools.ts';

/**
 * `agent --plan` with a model: its first step's tool calls, not run. A reply without calls is taken
 * as the model asking back, the same way the offline planner puts a question.
 */
export async function planWithLlm(options: {
  model: LanguageModel;
  config: LlmConfig;
  message: string;
  toolbox: Toolbox;
  defaultNamespace?: string;
}): Promise<Plan> {
  try {
    const result = await generateText({
      model: options.model,
      system: systemPrompt({ defaultNamespace: options.defaultNamespace }),
      prompt: options.message,
      tools: aiTools(options.toolbox),
      abortSignal: AbortSignal.timeout(options.config.timeoutMs),
      maxRetries: 1,
      maxOutputTokens: Math.min(STEP_OUTPUT_TOKENS, options.config.maxTokens),
    });
    const calls = result.toolCalls.map((c) => ({
      tool: c.toolName,
      args: c.input && typeof c.input === 'object' ? (c.input as Record<string, unknown>) : {},
    }));
    const text = result.text.trim();
    return calls.length || !text ? { calls } : { calls, question: text };
  } catch (err) {
    throw new LlmError(explainProviderError(err, options.config));
  }
}

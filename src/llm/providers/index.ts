import type { LanguageModel } from 'ai';
import type { LlmConfig } from '../../config/types.ts';
import { assertUniqueNames } from '../../registry.ts';
import { anthropic } from './anthropic.ts';
import { openAiCompatible } from './openai-compatible.ts';
import type { LlmProvider } from './provider.ts';

/** Every SDK family `llm.provider` resolves to (presets in src/config/presets.ts map onto these). */
export const LLM_PROVIDERS: readonly LlmProvider[] = [openAiCompatible, anthropic];

assertUniqueNames(LLM_PROVIDERS, 'LLM provider');

export function createModel(config: LlmConfig): Promise<LanguageModel> {
  const provider = LLM_PROVIDERS.find((p) => p.name === config.provider);
  if (!provider) throw new Error(`no LLM provider ${config.provider}`);
  return provider.createModel(config);
}

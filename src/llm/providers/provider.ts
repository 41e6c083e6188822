import type { LanguageModel } from 'ai';
import type { LlmConfig } from '../../config/types.ts';

/** One SDK family: turns the validated `llm` section into a model. Its SDK is imported only when called. */
export interface LlmProvider {
  name: LlmConfig['provider'];
  createModel(config: LlmConfig): Promise<LanguageModel>;
}

import type { LlmProvider } from './provider.ts';

/** OpenAI's chat-completions protocol: OpenAI, DeepSeek, Qwen/DashScope, Moonshot, Zhipu, OpenRouter, Ollama, vLLM… */
export const openAiCompatible = {
  name: 'openai-compatible',
  async createModel(config) {
    const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
    const provider = createOpenAICompatible({
      name: config.preset ?? 'openai-compatible',
      // The loader refuses an openai-compatible section without an endpoint.
      baseURL: config.baseUrl as string,
      apiKey: config.apiKey ?? undefined,
      // Token usage in streamed answers too: the token budget counts it.
      includeUsage: true,
    });
    return provider.chatModel(config.model);
  },
} satisfies LlmProvider;

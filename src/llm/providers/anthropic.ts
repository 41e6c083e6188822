import type { LlmProvider } from './provider.ts';

/** Anthropic's Messages API. */
export const anthropic = {
  name: 'anthropic',
  async createModel(config) {
    const { createAnthropic } = await import('@ai-sdk/anthropic');
    const provider = createAnthropic({
      apiKey: config.apiKey ?? undefined,
      ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
    });
    return provider(config.model);
  },
} satisfies LlmProvider;

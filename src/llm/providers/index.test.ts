import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LlmConfig } from '../../config/types.ts';
import { createModel, LLM_PROVIDERS } from './index.ts';

const base: LlmConfig = {
  provider: 'openai-compatible',
  preset: 'ollama',
  baseUrl: 'http://127.0.0.1:11434/v1',
  apiKey: null,
  model: 'qwen2.5:7b',
  maxSteps: 1,
  maxTokens: 1_000,
  timeoutMs: 1_000,
};

test('one provider per SDK family, each building its model without a network call', async () => {
  assert.deepEqual(
    LLM_PROVIDERS.map((p) => p.name),
    ['openai-compatible', 'anthropic'],
  );
  const local = (await createModel(base)) as { provider: string; modelId: string };
  assert.deepEqual([local.provider, local.modelId], ['ollama.chat', 'qwen2.5:7b']);
  const claude = (await createModel({
    ...base,
    provider: 'anthropic',
    preset: 'anthropic',
    baseUrl: null,
    apiKey: 'k',
    model: 'claude-sonnet-4-5',
  })) as {
    provider: string;
    modelId: string;
  };
  assert.deepEqual([claude.provider, claude.modelId], ['anthropic.messages', 'claude-sonnet-4-5']);
});

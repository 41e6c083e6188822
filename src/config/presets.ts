import { assertUniqueNames } from '../registry.ts';
import type { LlmConfig } from './types.ts';

/** A name `llm.provider` may take: the SDK family it maps to and what it fills in when the file leaves it out. */
export interface ProviderPreset {
  name: string;
  provider: LlmConfig['provider'];
  /** The endpoint used when `llm.baseUrl` is not set; null: the file must give one (or the SDK's own default). */
  baseUrl: string | null;
  /** The conventional environment variable for the key, read when `apiKey` is not set; null: no key needed. */
  apiKeyEnv: string | null;
  /** A model name to show in examples and messages — not a default: the file names its model. */
  exampleModel: string;
}

const preset = (
  name: string,
  provider: LlmConfig['provider'],
  baseUrl: string | null,
  apiKeyEnv: string | null,
  exampleModel: string,
): ProviderPreset => ({ name, provider, baseUrl, apiKeyEnv, exampleModel });

/** Every accepted `llm.provider` value, one per line. The first two are the SDK families themselves. */
export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  preset('openai-compatible', 'openai-compatible', null, null, 'qwen2.5:7b'),
  preset('anthropic', 'anthropic', null, 'ANTHROPIC_API_KEY', 'claude-sonnet-4-5'),
  preset('openai', 'openai-compatible', 'https://api.openai.com/v1', 'OPENAI_API_KEY', 'gpt-4o-mini'),
  preset('deepseek', 'openai-compatible', 'https://api.deepseek.com/v1', 'DEEPSEEK_API_KEY', 'deepseek-chat'),
  preset(
    'qwen',
    'openai-compatible',
    'https://dashscope.aliyuncs.com/compatible-mode/v1',
    'DASHSCOPE_API_KEY',
    'qwen-plus',
  ),
  preset(
    'dashscope',
    'openai-compatible',
    'https://dashscope.aliyuncs.com/compatible-mode/v1',
    'DASHSCOPE_API_KEY',
    'qwen-plus',
  ),
  preset('moonshot', 'openai-compatible', 'https://api.moonshot.cn/v1', 'MOONSHOT_API_KEY', 'moonshot-v1-8k'),
  preset(
    'zhipu',
    'openai-compatible',
    'https://open.bigmodel.cn/api/paas/v4',
    'ZHIPUAI_API_KEY',
    'glm-4-flash',
  ),
  preset(
    'openrouter',
    'openai-compatible',
    'https://openrouter.ai/api/v1',
    'OPENROUTER_API_KEY',
    'deepseek/deepseek-chat',
  ),
  preset('ollama', 'openai-compatible', 'http://127.0.0.1:11434/v1', null, 'qwen2.5:7b'),
  preset('vllm', 'openai-compatible', 'http://127.0.0.1:8000/v1', null, 'Qwen/Qwen2.5-7B-Instruct'),
];

assertUniqueNames(PROVIDER_PRESETS, 'provider preset');

export const findPreset = (name: string) => PROVIDER_PRESETS.find((p) => p.name === name.toLowerCase());

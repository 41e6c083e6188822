import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APICallError, RetryError } from 'ai';
import type { LlmConfig } from '../config/types.ts';
import { explainProviderError } from './errors.ts';

const config: LlmConfig = {
  provider: 'openai-compatible',
  preset: 'deepseek',
  baseUrl: 'https://api.deepseek.com/v1',
  apiKey: 'k',
  model: 'deepseek-chat',
  maxSteps: 10,
  maxTokens: 100_000,
  timeoutMs: 60_000,
};

const httpError = (statusCode: number, body: string) =>
  new APICallError({
    message: 'failed',
    url: 'https://api.deepseek.com/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
    responseBody: body,
  });

test('each HTTP failure says what to check, with the provider’s own words', () => {
  const cases: [number, RegExp][] = [
    [
      401,
      /refused the API key \(HTTP 401: Authentication Fails\); check llm\.apiKey in the config, DEEPSEEK_API_KEY or SRE_NANOBOT_LLM_API_KEY$/,
    ],
    [
      404,
      /knows no model "deepseek-chat" or no such endpoint \(HTTP 404: Authentication Fails\); check llm\.model and llm\.baseUrl$/,
    ],
    [429, /is rate-limiting or out of quota \(HTTP 429/],
    [503, /failed \(HTTP 503: Authentication Fails\); try again later, or use another provider or model$/],
    [
      400,
      /rejected the request \(HTTP 400: .*\); check that model "deepseek-chat" exists and supports tool calling$/,
    ],
  ];
  for (const [status, expected] of cases) {
    const text = explainProviderError(
      httpError(status, '{"error":{"message":"Authentication Fails","type":"x"}}'),
      config,
    );
    assert.match(text, /^the LLM provider at https:\/\/api\.deepseek\.com\/v1 /);
    assert.match(text, expected);
    assert.ok(!text.includes('\n'));
  }
});

const claude: LlmConfig = {
  ...config,
  provider: 'anthropic',
  preset: 'anthropic',
  baseUrl: null,
  model: 'claude-sonnet-4-5',
};

test('Anthropic: its error body, and a stream that fails after HTTP 200 with an error event', () => {
  const rejected = new APICallError({
    message: 'invalid x-api-key',
    url: 'https://api.anthropic.com/v1/messages',
    requestBodyValues: {},
    statusCode: 401,
    responseBody: '{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
  });
  assert.equal(
    explainProviderError(rejected, claude),
    'the LLM provider at the anthropic API refused the API key (HTTP 401: invalid x-api-key); check llm.apiKey in the config, ANTHROPIC_API_KEY or SRE_NANOBOT_LLM_API_KEY',
  );
  // What @ai-sdk/anthropic hands on for `event: error` in the middle of a stream: no status, no body.
  const midStream = (type: string, message: string) => ({ type, message });
  assert.equal(
    explainProviderError(midStream('overloaded_error', 'Overloaded'), claude),
    'the LLM provider at the anthropic API failed (overloaded_error: Overloaded); try again later, or use another provider or model',
  );
  assert.match(
    explainProviderError(
      midStream('rate_limit_error', 'Number of request tokens has exceeded your rate limit'),
      claude,
    ),
    /is rate-limiting or out of quota \(rate_limit_error: Number of request tokens has exceeded your rate limit\); wait and retry/,
  );
  assert.match(
    explainProviderError(midStream('invalid_request_error', 'prompt is too long'), claude),
    /rejected the request \(invalid_request_error: prompt is too long\); check that model "claude-sonnet-4-5"/,
  );
  // An error event as the stream's first event becomes an APICallError (529 for overloaded).
  const first = new APICallError({
    message: 'Overloaded',
    url: 'https://api.anthropic.com/v1/messages',
    requestBodyValues: {},
    statusCode: 529,
    responseBody: '{"type":"overloaded_error","message":"Overloaded"}',
  });
  assert.match(explainProviderError(first, claude), /failed \(HTTP 529: Overloaded\); try again later/);
  // A thrown object with some other `type` is not mistaken for a provider status.
  assert.match(
    explainProviderError({ type: 'tool-call', message: 'something odd' }, claude),
    /^the LLM call failed: something odd; check the llm section/,
  );
});

test('retries end in the last attempt’s reason; a plain-text body is quoted by its first line', () => {
  const retried = new RetryError({
    message: 'Failed after 3 attempts',
    reason: 'maxRetriesExceeded',
    errors: [httpError(500, 'Bad Gateway\n<html>…'), httpError(502, 'Bad Gateway\n<html>…')],
  });
  assert.match(explainProviderError(retried, config), /failed \(HTTP 502: Bad Gateway\)/);
});

test('no answer at all: connection refused, and the time budget', () => {
  const refused = new APICallError({
    message: 'Cannot connect to API: connect ECONNREFUSED 127.0.0.1:11434',
    url: 'http://127.0.0.1:11434/v1/chat/completions',
    requestBodyValues: {},
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:11434'), { code: 'ECONNREFUSED' }),
  });
  assert.match(
    explainProviderError(refused, { ...config, baseUrl: 'http://127.0.0.1:11434/v1' }),
    /^cannot connect to the LLM provider at http:\/\/127\.0\.0\.1:11434\/v1 \(ECONNREFUSED\); check llm\.baseUrl and that the server is running$/,
  );
  const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
  assert.match(explainProviderError(timeout, config), /did not answer within 60 s \(llm\.timeoutMs\)/);
  assert.match(
    explainProviderError(new Error('something odd'), {
      ...config,
      baseUrl: null,
      provider: 'anthropic',
      preset: 'anthropic',
    }),
    /^the LLM call failed: something odd; check the llm section with 'sre-nanobot config validate'$/,
  );
});

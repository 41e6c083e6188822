import { findPreset } from '../config/presets.ts';
import type { LlmConfig } from '../config/types.ts';

interface CallError {
  statusCode?: number;
  /** Set on a bare Anthropic stream error: `overloaded_error`, `api_error`… */
  type?: string;
  url?: string;
  responseBody?: string;
  message: string;
  cause?: unknown;
}

/** `120 s`, or `150 ms` for short budgets. */
export const duration = (ms: number) => (ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/** The provider's own words from an error body (`{"error":{"message":…}}` and its variants), one line. */
function serverMessage(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string; message?: string };
    const text = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (text) return text.split('\n')[0].slice(0, 200);
  } catch {
    // not JSON: the first line of the text
  }
  return body.split('\n')[0].slice(0, 200) || undefined;
}

/** The last attempt of a RetryError, else the error itself: an APICallError when the provider was reached or tried. */
function innermost(err: unknown): CallError {
  const e = err as CallError & { lastError?: unknown };
  return (e?.lastError ?? e ?? { message: String(err) }) as CallError;
}

/**
 * Anthropic's error types and the HTTP status each stands for (its "Errors" page). A stream that
 * fails after it began (`event: error`, e.g. overloaded) reaches us as a bare `{type, message}`.
 */
const ANTHROPIC_ERROR_STATUS: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
};

const streamErrorStatus = (e: CallError): number | undefined =>
  e.statusCode === undefined && typeof e.type === 'string' && typeof e.message === 'string'
    ? ANTHROPIC_ERROR_STATUS[e.type]
    : undefined;

const codeOf = (err: unknown): string | undefined => {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 5;
    e = e.cause as typeof e, i++
  )
    if (typeof e.code === 'string') return e.code;
  return undefined;
};

const isAbort = (err: unknown) => {
  const name = (err as Error)?.name;
  return (
    name === 'AbortError' ||
    name === 'TimeoutError' ||
    /aborted|timed? ?out/i.test((err as Error)?.message ?? '')
  );
};

/**
 * One sentence for a provider failure, saying what to check: the key (401/403), the model or endpoint
 * (404, 400), the quota (429), the provider's health (5xx), the endpoint's reachability, or the time budget.
 */
export function explainProviderError(err: unknown, config: LlmConfig): string {
  const where = config.baseUrl ?? `the ${config.preset ?? config.provider} API`;
  const e = innermost(err);
  const streamed = streamErrorStatus(e);
  // A failure reported inside a streamed answer came with HTTP 200: it is named by its type instead.
  const status = e.statusCode ?? streamed;
  const label = streamed !== undefined ? e.type : `HTTP ${e.statusCode}`;
  const said =
    streamed !== undefined ? e.message.split('\n')[0].slice(0, 200) : serverMessage(e.responseBody);
  const quoted = said ? `: ${said}` : '';
  // The preset's own variable (ANTHROPIC_API_KEY…) is read when the file names no key: often the one to fix.
  const keyEnv = config.preset ? findPreset(config.preset)?.apiKeyEnv : undefined;
  switch (true) {
    case status === 401 || status === 403:
      return `the LLM provider at ${where} refused the API key (${label}${quoted}); check llm.apiKey in the config${keyEnv ? `, ${keyEnv}` : ''} or SRE_NANOBOT_LLM_API_KEY`;
    case status === 404:
      return `the LLM provider at ${where} knows no model "${config.model}" or no such endpoint (${label}${quoted}); check llm.model and llm.baseUrl`;
    case status === 429:
      return `the LLM provider at ${where} is rate-limiting or out of quota (${label}${quoted}); wait and retry, or check the account's quota`;
    case status !== undefined && status >= 500:
      return `the LLM provider at ${where} failed (${label}${quoted}); try again later, or use another provider or model`;
    case status !== undefined:
      return `the LLM provider at ${where} rejected the request (${label}${quoted}); check that model "${config.model}" exists and supports tool calling`;
    case isAbort(err) || isAbort(e):
      return `the LLM did not answer within ${duration(config.timeoutMs)} (llm.timeoutMs); raise llm.timeoutMs or ask for something smaller`;
    case codeOf(e) !== undefined || /fetch failed|connect/i.test(e.message ?? ''):
      return `cannot connect to the LLM provider at ${where} (${codeOf(e) ?? e.message}); check llm.baseUrl and that the server is running`;
    default:
      return `the LLM call failed: ${(e.message ?? String(err)).split('\n')[0]}; check the llm section with 'sre-nanobot config validate'`;
  }
}

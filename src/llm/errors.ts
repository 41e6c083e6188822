import type { LlmConfig } from '../config/types.ts';

interface CallError {
  statusCode?: number;
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
  const said = serverMessage(e.responseBody);
  const quoted = said ? `: ${said}` : '';
  switch (true) {
    case e.statusCode === 401 || e.statusCode === 403:
      return `the LLM provider at ${where} refused the API key (HTTP ${e.statusCode}${quoted}); check llm.apiKey in the config or SRE_NANOBOT_LLM_API_KEY`;
    case e.statusCode === 404:
      return `the LLM provider at ${where} knows no model "${config.model}" or no such endpoint (HTTP 404${quoted}); check llm.model and llm.baseUrl`;
    case e.statusCode === 429:
      return `the LLM provider at ${where} is rate-limiting or out of quota (HTTP 429${quoted}); wait and retry, or check the account's quota`;
    case e.statusCode !== undefined && e.statusCode >= 500:
      return `the LLM provider at ${where} failed (HTTP ${e.statusCode}${quoted}); try again later, or use another provider or model`;
    case e.statusCode !== undefined:
      return `the LLM provider at ${where} rejected the request (HTTP ${e.statusCode}${quoted}); check that model "${config.model}" exists and supports tool calling`;
    case isAbort(err) || isAbort(e):
      return `the LLM did not answer within ${duration(config.timeoutMs)} (llm.timeoutMs); raise llm.timeoutMs or ask for something smaller`;
    case codeOf(e) !== undefined || /fetch failed|connect/i.test(e.message ?? ''):
      return `cannot connect to the LLM provider at ${where} (${codeOf(e) ?? e.message}); check llm.baseUrl and that the server is running`;
    default:
      return `the LLM call failed: ${(e.message ?? String(err)).split('\n')[0]}; check the llm section with 'sre-nanobot config validate'`;
  }
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the fake Claude: text, tool calls, an HTTP failure, or a stream that breaks off. */
export interface ScriptedReply {
  text?: string;
  /** `args` as a string is sent verbatim as the tool input's JSON, so a test can send a broken one. */
  toolCalls?: { name: string; args: Record<string, unknown> | string }[];
  /** Answer with this HTTP status and an Anthropic error body instead. */
  status?: number;
  error?: string;
  /** The error body's `error.type`; by default the one Anthropic uses for `status`. */
  errorType?: string;
  /**
   * Start a streamed answer (HTTP 200, `message_start`, the text) and then send an `error` event
   * instead of finishing, as Anthropic does when it is overloaded mid-answer.
   */
  streamError?: { type: string; message: string };
  usage?: { input: number; output: number };
}

export type ToolUseBlock = { type: 'tool_use'; id: string; name: string; input: unknown };
export type ToolResultBlock = {
  type: 'tool_result';
  tool_use_id: string;
  content: unknown;
  is_error?: boolean;
};
export type Block = { type: 'text'; text: string } | ToolUseBlock | ToolResultBlock;

export interface RecordedRequest {
  body: {
    model: string;
    max_tokens: number;
    stream?: boolean;
    system?: string | { type: 'text'; text: string }[];
    messages: { role: 'user' | 'assistant'; content: string | Block[] }[];
    tools?: { name: string; description?: string; input_schema: unknown }[];
  };
  headers: IncomingMessage['headers'];
}

/** What https://api.anthropic.com answers for each status (docs: "HTTP errors"). */
const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const MESSAGE_ID = 'msg_01Scripted';
const MODEL = 'claude-scripted';

const event = (type: string, data: object) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

function reply(res: ServerResponse, r: ScriptedReply, stream: boolean) {
  if (r.status) {
    // The SDK retries 429 and 5xx; a short Retry-After keeps those tests quick.
    res.writeHead(r.status, {
      'content-type': 'application/json',
      'request-id': 'req_scripted',
      'retry-after-ms': '1',
    });
    res.end(
      JSON.stringify({
        type: 'error',
        error: {
          type: r.errorType ?? ERROR_TYPES[r.status] ?? 'api_error',
          message: r.error ?? 'scripted failure',
        },
      }),
    );
    return;
  }
  const calls = (r.toolCalls ?? []).map((c, i) => ({
    id: `toolu_${Math.random().toString(36).slice(2, 10)}_${i}`,
    name: c.name,
    json: typeof c.args === 'string' ? c.args : JSON.stringify(c.args),
  }));
  const stopReason = calls.length ? 'tool_use' : 'end_turn';
  const usage = { input_tokens: r.usage?.input ?? 100, output_tokens: r.usage?.output ?? 20 };
  if (!stream) {
    const content: Block[] = [
      ...(r.text ? [{ type: 'text' as const, text: r.text }] : []),
      ...calls.map((c) => ({ type: 'tool_use' as const, id: c.id, name: c.name, input: JSON.parse(c.json) })),
    ];
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_scripted' });
    res.end(
      JSON.stringify({
        id: MESSAGE_ID,
        type: 'message',
        role: 'assistant',
        model: MODEL,
        content,
        stop_reason: stopReason,
        stop_sequence: null,
        usage,
      }),
    );
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'request-id': 'req_scripted',
  });
  res.write(
    event('message_start', {
      message: {
        id: MESSAGE_ID,
        type: 'message',
        role: 'assistant',
        model: MODEL,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: usage.input_tokens, output_tokens: 1 },
      },
    }),
  );
  res.write(event('ping', {}));
  let index = 0;
  if (r.text) {
    res.write(event('content_block_start', { index, content_block: { type: 'text', text: '' } }));
    // Text in pieces, as Claude streams it.
    for (const piece of r.text.match(/.{1,8}/gsu) ?? [])
      res.write(event('content_block_delta', { index, delta: { type: 'text_delta', text: piece } }));
    res.write(event('content_block_stop', { index }));
    index++;
  }
  if (r.streamError) {
    res.end(event('error', { error: r.streamError }));
    return;
  }
  for (const c of calls) {
    res.write(
      event('content_block_start', {
        index,
        content_block: { type: 'tool_use', id: c.id, name: c.name, input: {} },
      }),
    );
    // Claude opens each tool input with an empty delta, then sends the JSON in fragments.
    for (const partial of ['', ...(c.json.match(/.{1,10}/gsu) ?? [])])
      res.write(
        event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: partial } }),
      );
    res.write(event('content_block_stop', { index }));
    index++;
  }
  res.write(
    event('message_delta', {
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: usage.output_tokens },
    }),
  );
  res.end(event('message_stop', {}));
}

/**
 * A local Anthropic Messages API (`POST /v1/messages`) that plays a script, streaming (SSE) or not
 * as the client asks, and records every request so tests can read what the model was sent.
 */
export async function scriptedClaude(
  script: ScriptedReply[] | ((n: number, req: RecordedRequest) => ScriptedReply),
) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/messages') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            type: 'error',
            error: { type: 'not_found_error', message: `${req.method} ${req.url}` },
          }),
        );
        return;
      }
      const recorded: RecordedRequest = { body: JSON.parse(raw), headers: req.headers };
      requests.push(recorded);
      const n = requests.length - 1;
      const next =
        typeof script === 'function' ? script(n, recorded) : (script[n] ?? { text: 'Nothing more to do.' });
      reply(res, next, recorded.body.stream === true);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

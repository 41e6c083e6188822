import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the fake model: text, tool calls, or an HTTP failure. */
export interface ScriptedReply {
  text?: string;
  toolCalls?: { name: string; args: Record<string, unknown> | string }[];
  /** Answer with this HTTP status and an OpenAI-style error body instead. */
  status?: number;
  error?: string;
  usage?: { prompt: number; completion: number };
}

export interface RecordedRequest {
  body: {
    model: string;
    stream?: boolean;
    messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
    tools?: { function: { name: string; parameters: unknown } }[];
  };
  headers: IncomingMessage['headers'];
}

const chunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 0, model: 'scripted', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

function reply(res: ServerResponse, r: ScriptedReply, stream: boolean) {
  if (r.status) {
    res.writeHead(r.status, { 'content-type': 'application/json', 'retry-after-ms': '1' });
    res.end(JSON.stringify({ error: { message: r.error ?? 'scripted failure', type: 'server_error' } }));
    return;
  }
  const calls = (r.toolCalls ?? []).map((c, i) => ({
    id: `call_${Math.random().toString(36).slice(2, 10)}_${i}`,
    type: 'function',
    function: { name: c.name, arguments: typeof c.args === 'string' ? c.args : JSON.stringify(c.args) },
  }));
  const finish = calls.length ? 'tool_calls' : 'stop';
  const usage = {
    prompt_tokens: r.usage?.prompt ?? 100,
    completion_tokens: r.usage?.completion ?? 20,
    total_tokens: (r.usage?.prompt ?? 100) + (r.usage?.completion ?? 20),
  };
  if (!stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 0,
        model: 'scripted',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: r.text ?? null,
              ...(calls.length ? { tool_calls: calls } : {}),
            },
            finish_reason: finish,
          },
        ],
        usage,
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk({ role: 'assistant', content: '' }));
  // Text in pieces, as a real model streams it.
  for (const piece of (r.text ?? '').match(/.{1,8}/gsu) ?? []) res.write(chunk({ content: piece }));
  for (const [index, c] of calls.entries()) res.write(chunk({ tool_calls: [{ index, ...c }] }));
  res.write(chunk({}, finish));
  res.write(
    `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 0, model: 'scripted', choices: [], usage })}\n\n`,
  );
  res.end('data: [DONE]\n\n');
}

/**
 * A local OpenAI-compatible endpoint (`/v1/chat/completions`) that plays a script, streaming (SSE)
 * or not as the client asks, and records every request so tests can read what the model was sent.
 */
export async function scriptedModel(
  script: ScriptedReply[] | ((n: number, req: RecordedRequest) => ScriptedReply),
) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
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

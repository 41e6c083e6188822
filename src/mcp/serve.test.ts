import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { serveStdio } from './serve.ts';
import type { McpServer } from './server.ts';

/** Echoes each request's params back; answers nothing to notifications. */
const echo: McpServer = {
  handle: async (message) => {
    const { id, params } = message as { id?: number; params?: unknown };
    return id === undefined ? undefined : { jsonrpc: '2.0', id, result: params };
  },
};

function stdio() {
  const input = new PassThrough();
  const output = new PassThrough();
  const lines: unknown[] = [];
  let rest = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts.map((line) => JSON.parse(line)));
  });
  const served = serveStdio(echo, input, output);
  const until = async (count: number) => {
    for (let i = 0; i < 100 && lines.length < count; i++) await new Promise((r) => setImmediate(r));
    return lines;
  };
  return { input, served, until };
}

test('messages split across chunks, several to a chunk and multi-byte characters between chunks all arrive whole', async () => {
  const { input, until } = stdio();
  const bytes = Buffer.from(
    `${JSON.stringify({ id: 1, params: '将 api-service 扩展' })}\n{"id":2,"params":"b"}\r\n\n{"method":"x"}\n{"id":3,`,
  );
  const cut = bytes.indexOf(Buffer.from('扩')) + 1;
  input.write(bytes.subarray(0, cut));
  input.write(bytes.subarray(cut));
  input.write('"params":[1]}\n');
  assert.deepEqual(await until(3), [
    { jsonrpc: '2.0', id: 1, result: '将 api-service 扩展' },
    { jsonrpc: '2.0', id: 2, result: 'b' },
    { jsonrpc: '2.0', id: 3, result: [1] },
  ]);
});

test('a line that is not JSON gets a parse error and the session goes on', async () => {
  const { input, until } = stdio();
  input.write('{"id":1,\n{"id":2,"params":true}\n');
  const [parseError, ok] = await until(2);
  assert.equal((parseError as { error: { code: number } }).error.code, -32700);
  assert.equal((parseError as { id: unknown }).id, null);
  assert.deepEqual(ok, { jsonrpc: '2.0', id: 2, result: true });
});

test('closed settles when the client closes stdin; close stops reading', async () => {
  const { input, served } = stdio();
  input.end();
  await served.closed;
  served.close();
  assert.equal(input.listenerCount('data'), 0);
});

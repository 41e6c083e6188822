import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { createMcpServer, RPC_ERROR, type ServerSpec } from './server.ts';
import { DISRUPTIVE_CHANGE, defineTool, READ_ONLY, ToolError } from './tool.ts';

const define = defineTool<{ greeting: string }>();
const TOOLS = [
  define({
    name: 'greet',
    title: 'Greet',
    description: 'Says hello.',
    input: { name: z.string().describe('who'), times: z.number().int().min(1).default(1) },
    hints: READ_ONLY,
    run: async ({ name, times }, ctx) => `${ctx.greeting} ${name}`.repeat(times),
  }),
  define({
    name: 'refuse',
    title: 'Refuse',
    description: 'Always refused.',
    input: {},
    hints: READ_ONLY,
    run: async () => {
      throw new ToolError('refused by policy: namespace kube-system is protected');
    },
  }),
  define({
    name: 'crash',
    title: 'Crash',
    description: 'A bug.',
    input: {},
    hints: READ_ONLY,
    run: async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    },
  }),
  define({
    name: 'delete_all',
    title: 'Delete all',
    description: 'Changes things.',
    input: {},
    hints: DISRUPTIVE_CHANGE,
    run: async () => 'deleted',
  }),
];

function server(overrides: Partial<ServerSpec<{ greeting: string }>> = {}) {
  return createMcpServer({
    name: 'test',
    version: '1.2.3',
    instructions: 'Use greet.',
    tools: TOOLS,
    context: { greeting: 'hello' },
    readOnly: false,
    explain: (err) => (err instanceof ToolError ? err.message : undefined),
    ...overrides,
  });
}

const request = (method: string, params?: unknown, id: string | number = 1) => ({
  jsonrpc: '2.0',
  id,
  method,
  ...(params === undefined ? {} : { params }),
});

const call = async (s: ReturnType<typeof server>, name: string, args?: unknown) =>
  (await s.handle(request('tools/call', { name, arguments: args })))?.result as {
    content: { text: string }[];
    isError?: boolean;
  };

test('initialize answers the version the client asked for when supported, else the newest', async () => {
  const s = server();
  const asked = await s.handle(request('initialize', { protocolVersion: '2025-03-26', capabilities: {} }));
  assert.deepEqual(asked, {
    jsonrpc: '2.0',
    id: 1,
    result: {
      protocolVersion: '2025-03-26',
      capabilities: { tools: { listChanged: false } },
      serverInfo: { name: 'test', version: '1.2.3' },
      instructions: 'Use greet.',
    },
  });
  const future = await s.handle(request('initialize', { protocolVersion: '2099-01-01' }, 'a'));
  assert.equal((future?.result as { protocolVersion?: string } | undefined)?.protocolVersion, '2025-11-25');
  assert.equal(future?.id, 'a');
});

test('notifications get no answer; initialized is passed on once', async () => {
  let initialized = 0;
  const s = server({ onInitialized: () => void initialized++ });
  assert.equal(await s.handle({ jsonrpc: '2.0', method: 'notifications/initialized' }), undefined);
  assert.equal(await s.handle({ jsonrpc: '2.0', method: 'notifications/cancelled', params: {} }), undefined);
  assert.equal(await s.handle({ jsonrpc: '2.0', id: 9, result: {} }), undefined, 'a reply from the client');
  assert.equal(initialized, 1);
});

test('tools/list describes each tool with a JSON Schema that refuses unknown arguments', async () => {
  const listed = (await server().handle(request('tools/list')))?.result as {
    tools: { name: string; inputSchema: Record<string, unknown>; annotations: Record<string, unknown> }[];
  };
  assert.deepEqual(
    listed.tools.map((t) => t.name),
    ['greet', 'refuse', 'crash', 'delete_all'],
  );
  const greet = listed.tools[0];
  assert.deepEqual(greet.inputSchema.required, ['name']);
  assert.equal(greet.inputSchema.additionalProperties, false);
  assert.deepEqual(greet.inputSchema.properties, {
    name: { type: 'string', description: 'who' },
    times: { type: 'integer', minimum: 1, default: 1, maximum: Number.MAX_SAFE_INTEGER },
  });
  assert.deepEqual(greet.annotations, { title: 'Greet', ...READ_ONLY });
});

test('a read-only server neither lists nor runs changing tools, and says why', async () => {
  const s = server({ readOnly: true });
  const listed = (await s.handle(request('tools/list')))?.result as { tools: { name: string }[] };
  assert.ok(!listed.tools.some((t) => t.name === 'delete_all'));
  const refused = await call(s, 'delete_all');
  assert.equal(refused.isError, true);
  assert.match(refused.content[0].text, /delete_all not found: this server is read-only/);
  assert.match((await call(s, 'nope')).content[0].text, /Tool nope not found; tools\/list names the 3 tools/);
});

test('tools/call runs the tool with defaults applied', async () => {
  assert.deepEqual(await call(server(), 'greet', { name: 'Ana', times: 2 }), {
    content: [{ type: 'text', text: 'hello Anahello Ana' }],
  });
  assert.equal((await call(server(), 'greet', { name: 'Bo' })).content[0].text, 'hello Bo');
});

test('invalid arguments come back as one sentence naming each problem', async () => {
  const bad = await call(server(), 'greet', { nme: 'Ana', times: 0 });
  assert.equal(bad.isError, true);
  assert.equal(
    bad.content[0].text,
    'Invalid arguments: greet: name: required; times: must be at least 1, got 0; nme: unknown argument; did you mean "name"? (known here: name, times)',
  );
});

test('a failure is its sentence; a bug is a short report without a stack', async () => {
  const refused = await call(server(), 'refuse');
  assert.deepEqual(refused, {
    content: [{ type: 'text', text: 'refused by policy: namespace kube-system is protected' }],
    isError: true,
  });
  const crashed = await call(server(), 'crash');
  assert.equal(crashed.isError, true);
  assert.equal(
    crashed.content[0].text,
    "crash failed unexpectedly: Cannot read properties of undefined (reading 'x')",
  );
});

test('protocol errors carry JSON-RPC codes', async () => {
  const s = server();
  assert.deepEqual(await s.handle(request('resources/list', {}, 7)), {
    jsonrpc: '2.0',
    id: 7,
    error: { code: RPC_ERROR.methodNotFound, message: 'Method not found: resources/list' },
  });
  assert.equal((await s.handle(request('toString')))?.error?.code, RPC_ERROR.methodNotFound);
  assert.equal(
    (await s.handle(request('tools/call', { arguments: {} })))?.error?.code,
    RPC_ERROR.invalidParams,
  );
  assert.equal((await s.handle([request('ping')]))?.error?.code, RPC_ERROR.invalidRequest);
  assert.equal(
    (await s.handle({ jsonrpc: '2.0', id: { a: 1 }, method: 'ping' }))?.error?.code,
    RPC_ERROR.invalidRequest,
  );
  assert.deepEqual(await s.handle(request('ping')), { jsonrpc: '2.0', id: 1, result: {} });
});

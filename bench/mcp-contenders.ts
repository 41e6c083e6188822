import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

/** One MCP server in a side-by-side benchmark: how to start it and each operation in its own tool names. */
export interface Contender<Op extends string> {
  label: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  calls: Record<Op, { name: string; args: Record<string, unknown> }>;
}

/** Spawns the server over stdio and initialises a session; `t0` is when the spawn began. */
export async function connect<Op extends string>(c: Contender<Op>) {
  const t0 = performance.now();
  const transport = new StdioClientTransport({
    command: c.command,
    args: c.args,
    env: { ...process.env, ...c.env } as Record<string, string>,
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '0' });
  await client.connect(transport);
  return { client, transport, initialized: performance.now() - t0, t0 };
}

/** Runs one operation; a tool error fails the benchmark instead of timing an error message. */
export async function call<Op extends string>(client: Client, c: Contender<Op>, op: Op): Promise<string> {
  const { name, args } = c.calls[op];
  const r = (await client.callTool({ name, arguments: args })) as {
    content: { text?: string }[];
    isError?: boolean;
  };
  const text = r.content.map((x) => x.text ?? '').join('');
  if (r.isError) throw new Error(`${c.label} ${name}: ${text.slice(0, 300)}`);
  return text;
}

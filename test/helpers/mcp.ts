import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AutoscalingV2Api, KubeConfig } from '@kubernetes/client-node';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CLI, REPO } from './sandbox.ts';

export interface ToolReply {
  text: string;
  isError: boolean;
}

/** An MCP client session and every tool output it saw (for the secret scan). */
export class McpSession {
  readonly outputs: { tool: string; args: unknown; text: string }[] = [];

  constructor(
    readonly client: Client,
    /** What the server wrote to stderr, for failure messages. */
    private readonly serverStderr: () => string = () => '',
  ) {}

  async call(tool: string, args: Record<string, unknown> = {}): Promise<ToolReply> {
    const r = (await this.client.callTool({ name: tool, arguments: args }).catch((err: Error) => {
      throw new Error(
        `${tool}: ${err.message}; server stderr: ${this.serverStderr().slice(-2000) || '(empty)'}`,
      );
    })) as {
      content: { type: string; text?: string }[];
      isError?: boolean;
    };
    const text = r.content.map((c) => c.text ?? '').join('\n');
    this.outputs.push({ tool, args, text });
    return { text, isError: Boolean(r.isError) };
  }

  /** Calls a tool and fails the test with its message when it reports an error. */
  async ok(tool: string, args: Record<string, unknown> = {}): Promise<string> {
    const r = await this.call(tool, args);
    if (r.isError) throw new Error(`${tool} ${JSON.stringify(args)} failed: ${r.text}`);
    return r.text;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** `dist/` is what bin/sre-nanobot.js runs: `npm test` builds it before the end-to-end tests. */
export function assertBuilt(): void {
  if (!existsSync(`${REPO}/dist/cli/main.js`)) throw new Error('dist/ is missing: run `npm run build` first');
}

/** `sre-nanobot mcp k8s …` (or `mcp prometheus …`) spawned over stdio, with the official SDK client. */
export async function stdioSession(
  args: string[],
  server: 'k8s' | 'prometheus' = 'k8s',
): Promise<McpSession> {
  assertBuilt();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', server, ...args],
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => {
    stderr += d;
  });
  transport.onclose = () => {
    stderr += `\n(server exited: ${transport.pid ?? '?'})`;
  };
  const client = new Client({ name: 'sre-nanobot-test', version: '0.0.0' });
  await client.connect(transport);
  return new McpSession(client, () => stderr);
}

/** `sre-nanobot mcp k8s --transport http --port 0 …` (or `mcp prometheus`) as a process; resolves once its ready line names the URL. */
export async function httpServer(
  args: string[],
  server: 'k8s' | 'prometheus' = 'k8s',
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  assertBuilt();
  const child = spawn(process.execPath, [CLI, 'mcp', server, '--transport', 'http', '--port', '0', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const lines = createInterface({ input: child.stderr! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line after 15 s: ${stderr}`)), 15_000);
    lines.on('line', (line) => {
      stderr += `${line}\n`;
      if (line.startsWith('{"ready":true')) {
        clearTimeout(timer);
        resolve(JSON.parse(line).url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code} before ready: ${stderr}`));
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function httpSession(url: string): Promise<McpSession> {
  const client = new Client({ name: 'sre-nanobot-test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return new McpSession(client);
}

/**
 * The estate's HorizontalPodAutoscaler may resize api-service at any time (more so on a busy machine):
 * tests that count its replicas remove it first.
 */
export async function withoutAutoscaler(kubeconfig: string): Promise<void> {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const hpa = kc.makeApiClient(AutoscalingV2Api);
  for (const namespace of ['production', 'staging']) {
    await hpa
      .deleteNamespacedHorizontalPodAutoscaler({ name: 'api-service', namespace })
      .catch((err: { code?: number }) => {
        if (err.code !== 404) throw err;
      });
  }
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolDef } from './tool.ts';

export interface ServerSpec<C> {
  name: string;
  version: string;
  /** Told to the client at initialisation: how to use these tools well. */
  instructions: string;
  tools: readonly ToolDef<C, any>[];
  context: C;
  /** Expose only tools whose readOnlyHint is true. */
  readOnly: boolean;
  /** The sentence for a failure a tool may throw; undefined for an unexpected one. */
  explain(err: unknown): string | undefined;
  /** Called once a client finished initialising: the moment to load what tools need, without delaying the handshake. */
  onInitialized?: () => void;
}

/** The tools a server with these settings exposes. */
export const exposedTools = <C>(spec: Pick<ServerSpec<C>, 'tools' | 'readOnly'>) =>
  spec.readOnly ? spec.tools.filter((t) => t.hints.readOnlyHint) : spec.tools;

/**
 * One MCP server over any transport. Tool failures come back as `isError` results with a clear
 * sentence; nothing a tool throws reaches the protocol layer or prints a stack.
 */
export async function createMcpServer<C>(spec: ServerSpec<C>): Promise<McpServer> {
  const { McpServer } = await import('@modelcontextprotocol/sdk/server/mcp.js');
  const server = new McpServer(
    { name: spec.name, version: spec.version },
    { instructions: spec.instructions },
  );
  for (const tool of exposedTools(spec)) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        annotations: { title: tool.title, ...tool.hints },
      },
      async (args: unknown) => {
        try {
          return { content: [{ type: 'text' as const, text: await tool.run(args as never, spec.context) }] };
        } catch (err) {
          const text =
            spec.explain(err) ??
            `${tool.name} failed unexpectedly: ${(err as Error)?.message ?? String(err)}`;
          return { isError: true, content: [{ type: 'text' as const, text }] };
        }
      },
    );
  }
  if (spec.onInitialized) server.server.oninitialized = spec.onInitialized;
  return server;
}

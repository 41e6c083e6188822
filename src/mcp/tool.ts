import { z } from 'zod';
import { describeIssue } from '../config/issues.ts';
import { assertUniqueNames } from '../registry.ts';

/** MCP tool annotations: clients and read-only mode decide by them. */
export interface ToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/**
 * A tool as data: what the model reads (name, description, argument schema with descriptions),
 * what clients filter on (hints) and the handler. `run` returns the text the model sees; it throws
 * to report a failure, which the server turns into an `isError` result with the error's sentence.
 */
export interface ToolDef<C, S extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: S;
  hints: ToolHints;
  run(args: z.infer<z.ZodObject<S>>, ctx: C): Promise<string>;
}

/** Binds a tool's argument types to its schema: `defineTool<K8sToolContext>()({ … })`. */
export const defineTool =
  <C>() =>
  <S extends z.ZodRawShape>(tool: ToolDef<C, S>): ToolDef<C, S> =>
    tool;

export const READ_ONLY: ToolHints = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};

/** A change that can be repeated safely and loses nothing (scale to N, cordon, set resources). */
export const IDEMPOTENT_CHANGE: ToolHints = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};

/** A change that replaces, removes or disrupts running things (delete, drain, restart, rollback, apply). */
export const DISRUPTIVE_CHANGE: ToolHints = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: false,
};

/** Rejects a registry with two tools of one name. */
export const checkUniqueNames = (tools: readonly { name: string }[]): void =>
  assertUniqueNames(tools, 'tool');

/** A failure whose message is already the sentence the model should read (a refusal, a partial result). */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}

const argumentSchemas = new WeakMap<ToolDef<any, any>, z.ZodObject>();

export type CheckedArgs = { ok: true; args: Record<string, unknown> } | { ok: false; error: string };

/**
 * Checks arguments against a tool's schema, defaults applied. Unknown names are refused rather than
 * dropped, so an invented parameter becomes a precise sentence for the model (with a did-you-mean).
 */
export function checkToolArgs(tool: ToolDef<any, any>, args: unknown): CheckedArgs {
  const schema = argumentSchemas.get(tool) ?? z.strictObject(tool.input);
  argumentSchemas.set(tool, schema);
  const parsed = schema.safeParse(args ?? {});
  if (parsed.success) return { ok: true, args: parsed.data };
  const problems = parsed.error.issues.flatMap((issue) =>
    describeIssue(issue, args, schema, { keyWord: 'argument' }),
  );
  return { ok: false, error: `${tool.name}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}` };
}

export interface ToolOutcome {
  ok: boolean;
  /** The tool's text, or the sentence saying why it failed. */
  output: string;
}

/** Runs a tool on checked arguments: an expected failure comes back as its sentence, a bug as a short report, never a stack. */
export async function runTool<C>(
  tool: ToolDef<C, any>,
  args: Record<string, unknown>,
  context: C,
  explain: (err: unknown) => string | undefined,
): Promise<ToolOutcome> {
  try {
    return { ok: true, output: await tool.run(args as never, context) };
  } catch (err) {
    return {
      ok: false,
      output: explain(err) ?? `${tool.name} failed unexpectedly: ${(err as Error)?.message ?? String(err)}`,
    };
  }
}

import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkAndResolve } from './checks.ts';
import { substituteEnv } from './env.ts';
import { type ConfigIssue, describeIssue } from './issues.ts';
import { configPath } from './location.ts';
import { applyEnvOverrides } from './overrides.ts';
import { FILE_SCHEMA, HINTS } from './schema.ts';
import type { Config } from './types.ts';

/** The file is unusable: every problem found, each a sentence that names the field and where it came from. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    /** One line per problem: `llm.provider: expected one of …, got "openai2" (in /x/config.json)`. */
    readonly lines: string[],
  ) {
    super(
      lines.length > 1
        ? `${lines[0]} (and ${lines.length - 1} more problem(s); run 'sre-nanobot config validate' to list them)`
        : lines[0],
    );
  }
}

export interface LoadedConfig {
  config: Config;
  /** The file read, or the one that would have been read. */
  file: string;
  /** False when no file exists at the default path: defaults (and environment overrides) apply. */
  found: boolean;
}

/** Byte offset in a JSON.parse message → `line L, column C`. */
function jsonErrorAt(text: string, err: Error): string {
  const match = /position (\d+)/.exec(err.message);
  const reason = err.message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line.*$/, '');
  if (!match) return reason;
  const before = text.slice(0, Number(match[1])).split('\n');
  return `${reason} at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function readTree(path: string, mayBeMissing: boolean, origin: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && mayBeMissing) return undefined;
    throw new ConfigError(path, [
      code === 'ENOENT'
        ? `config file ${path} (from ${origin}) does not exist; create one with 'sre-nanobot config init --config ${path}'`
        : `cannot read config file ${path}: ${code ?? (err as Error).message}`,
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(path, [`${path} is not valid JSON: ${jsonErrorAt(text, err as Error)}`]);
  }
}

/**
 * Reads, substitutes, overrides, validates and resolves the configuration. A missing default file
 * means defaults. Throws ConfigError listing every problem.
 */
export function loadConfig(options: { path?: string; env?: NodeJS.ProcessEnv } = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const where = configPath(options.path, env);
  const raw = readTree(where.path, where.mayBeMissing, where.origin);
  const found = raw !== undefined;
  if (found && (raw === null || typeof raw !== 'object' || Array.isArray(raw)))
    throw new ConfigError(where.path, [
      `${where.path} must hold a JSON object ({ "llm": …, "clusters": … }), got ${Array.isArray(raw) ? 'a list' : JSON.stringify(raw)}`,
    ]);
  const substituted = substituteEnv(raw ?? {}, env);
  const { tree, sources } = applyEnvOverrides(substituted.value as Record<string, unknown>, env);
  const issues: ConfigIssue[] = [...substituted.problems];
  const parsed = FILE_SCHEMA.safeParse(tree);
  let config: Config | undefined;
  const later: ConfigIssue[] = [];
  if (parsed.success) {
    const checked = checkAndResolve(parsed.data, { baseDir: dirname(where.path), env });
    later.push(...checked.issues);
    config = checked.config;
  } else {
    for (const issue of parsed.error.issues)
      later.push(...describeIssue(issue, tree, FILE_SCHEMA, { hints: HINTS }));
  }
  // An unset variable already explains whatever is wrong with the field it fills.
  issues.push(...later.filter((i) => !substituted.problems.some((p) => p.path === i.path)));
  if (issues.length || !config) {
    const origin = (path: string) =>
      sources.has(path) ? `from ${sources.get(path)}` : found ? `in ${where.path}` : 'from the defaults';
    throw new ConfigError(
      where.path,
      issues.map((i) => `${i.path}: ${i.message} (${origin(i.path)})`),
    );
  }
  return { config, file: where.path, found };
}

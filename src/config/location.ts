import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';

// Kept apart from the loader: finding the file must not load the validation code (zod), so that
// `agent --plan` without a config starts fast.

export const defaultConfigPath = () => resolve(homedir(), '.sre-nanobot', 'config.json');

/** `--config`, else `SRE_NANOBOT_CONFIG`, else `~/.sre-nanobot/config.json`; only the default may be missing. */
export function configPath(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { path: string; mayBeMissing: boolean; origin: string } {
  if (explicit) return { path: resolve(explicit), mayBeMissing: false, origin: '--config' };
  if (env.SRE_NANOBOT_CONFIG)
    return { path: resolve(env.SRE_NANOBOT_CONFIG), mayBeMissing: false, origin: 'SRE_NANOBOT_CONFIG' };
  return { path: defaultConfigPath(), mayBeMissing: true, origin: 'default' };
}

/**
 * True when loading would give nothing but the defaults: no file where one may be missing and no
 * environment variable that starts an `llm` section. Then the program is offline without reading more.
 */
export function onlyDefaults(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  const where = configPath(explicit, env);
  return (
    where.mayBeMissing &&
    !existsSync(where.path) &&
    !env.SRE_NANOBOT_LLM_PROVIDER &&
    !env.SRE_NANOBOT_LLM_MODEL
  );
}

import type { LoadedConfig } from '../config/index.ts';
import { UsageError } from './command.ts';

/**
 * Loads the configuration for a command; a config file with problems is a usage error (exit 2)
 * listing them, followed by `hint` (another way out, like a flag). The config code loads only here.
 */
export async function loadCliConfig(path: string | undefined, hint = ''): Promise<LoadedConfig> {
  const { ConfigError, loadConfig } = await import('../config/index.ts');
  try {
    return loadConfig({ path });
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(`${err.message}${hint}`);
    throw err;
  }
}

import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { ENV_OVERRIDES } from '../../config/overrides.ts';
import { type Command, OperationalError, UsageError } from '../command.ts';
import { loadCliConfig } from '../load-config.ts';

const USAGE = `Usage: sre-nanobot config init [--config P] [--force]
       sre-nanobot config show [--config P] [--json]
       sre-nanobot config validate [--config P]

The configuration file: clusters, Prometheus and Alertmanager, the LLM, the change policy, the gateway.
JSON, camelCase keys; keys starting with // are comments; "\${NAME}" and "\${NAME:-default}" read
environment variables.

  init       write a default file that explains itself (refuses to overwrite without --force)
  show       print the configuration in effect (file + environment + defaults), secrets masked
  validate   check the file; list every problem (exit 2) or say it is valid (exit 0)

Options:
  --config P   the file (default: $SRE_NANOBOT_CONFIG, else ~/.sre-nanobot/config.json)
  --force      init: overwrite an existing file
  --json       show: print the masked configuration as JSON

Environment overrides (they win over the file):
${ENV_OVERRIDES.map((o) => `  ${o.env.padEnd(26)} ${o.path.join('.').padEnd(18)} ${o.doc}`).join('\n')}
  KUBECONFIG                 (clusters)         read by clusters without one, as kubectl does
  <PRESET>_API_KEY           llm.apiKey         a preset's key (DEEPSEEK_API_KEY, DASHSCOPE_API_KEY, …) when apiKey is unset

LLM providers: openai-compatible (any /v1/chat/completions endpoint), anthropic, or a preset that fills
in the endpoint: openai, deepseek, qwen, dashscope, moonshot, zhipu, openrouter, ollama, vllm.`;

const config = () => import('../../config/index.ts');

async function init(path: string | undefined, force: boolean): Promise<number> {
  const { configPath, CONFIG_TEMPLATE } = await config();
  const target = configPath(path).path;
  if (existsSync(target) && !force)
    throw new UsageError(`${target} already exists; pass --force to overwrite it, or edit it`);
  try {
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    writeFileSync(target, CONFIG_TEMPLATE, { mode: 0o600 });
    chmodSync(target, 0o600);
  } catch (err) {
    throw new OperationalError(
      `cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  process.stdout.write(`wrote ${target}; edit it, then check it with 'sre-nanobot config validate'\n`);
  return 0;
}

async function show(path: string | undefined, json: boolean): Promise<number> {
  const { maskConfig, flattenConfig } = await config();
  const loaded = await loadCliConfig(path);
  const masked = maskConfig(loaded.config);
  if (json) {
    process.stdout.write(`${JSON.stringify(masked, null, 2)}\n`);
    return 0;
  }
  const rows = flattenConfig(masked);
  const width = Math.max(...rows.map(([k]) => k.length));
  const source = loaded.found ? loaded.file : `${loaded.file} (not found: defaults and environment)`;
  process.stdout.write(`# ${source}\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`);
  return 0;
}

async function validate(path: string | undefined): Promise<number> {
  const { loadConfig, ConfigError } = await config();
  try {
    const { config: c, file, found } = loadConfig({ path });
    const llm = c.llm ? `${c.llm.preset ?? c.llm.provider} ${c.llm.model}` : 'none (offline planner)';
    process.stdout.write(
      found
        ? `${file}: valid; llm: ${llm}; clusters: ${c.clusters.length || 'the kubeconfig context'}; prometheus: ${c.prometheus.url ?? 'not set'}\n`
        : `no config file at ${file}; the defaults apply (llm: ${llm}); create one with 'sre-nanobot config init'\n`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const n = err.lines.length;
    process.stderr.write(
      `sre-nanobot config: ${err.file} has ${n} problem${n > 1 ? 's' : ''}:\n${err.lines.map((l) => `  - ${l}`).join('\n')}\n`,
    );
    return 2;
  }
}

export const configCommand: Command = {
  name: 'config',
  summary: 'Create, show and validate ~/.sre-nanobot/config.json',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        config: { type: 'string' },
        force: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    const [action, ...extra] = positionals;
    if (extra.length)
      throw new UsageError(`unexpected argument '${extra[0]}'; see 'sre-nanobot config --help'`);
    if (values.force && action !== 'init') throw new UsageError('--force belongs to config init');
    if (values.json && action !== 'show') throw new UsageError('--json belongs to config show');
    if (action === 'init') return init(values.config, values.force);
    if (action === 'show') return show(values.config, values.json);
    if (action === 'validate') return validate(values.config);
    throw new UsageError(
      `${action === undefined ? 'say what to do' : `unknown action '${action}'`}: init, show or validate`,
    );
  },
};

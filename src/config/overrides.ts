/** An environment variable that overrides one field of the file (after `${ENV}` substitution, before validation). */
export interface EnvOverride {
  env: string;
  path: readonly [string] | readonly [string, string];
  /** What the variable does, for `config --help` and the docs. */
  doc: string;
}

/** Every override, one per line. `KUBECONFIG` needs none: clusters without a kubeconfig read it, as kubectl does. */
export const ENV_OVERRIDES: readonly EnvOverride[] = [
  {
    env: 'SRE_NANOBOT_LLM_PROVIDER',
    path: ['llm', 'provider'],
    doc: 'LLM provider or preset (deepseek, ollama, …)',
  },
  { env: 'SRE_NANOBOT_LLM_MODEL', path: ['llm', 'model'], doc: 'LLM model name' },
  { env: 'SRE_NANOBOT_LLM_BASE_URL', path: ['llm', 'baseUrl'], doc: 'LLM endpoint base URL' },
  { env: 'SRE_NANOBOT_LLM_API_KEY', path: ['llm', 'apiKey'], doc: 'LLM API key' },
  { env: 'PROMETHEUS_URL', path: ['prometheus', 'url'], doc: 'Prometheus base URL' },
  { env: 'ALERTMANAGER_URL', path: ['alertmanager', 'url'], doc: 'Alertmanager base URL' },
  { env: 'SRE_NANOBOT_DATA_DIR', path: ['dataDir'], doc: 'where incidents and state are kept' },
];

/** An override can start the `llm` section only with what makes one: a provider or a model. */
const STARTS_SECTION = new Set(['SRE_NANOBOT_LLM_PROVIDER', 'SRE_NANOBOT_LLM_MODEL']);

/**
 * Applies the set variables to the file's tree. Returns the new tree and, per JSON path, the
 * variable that set it, so an error names the variable instead of the file.
 */
export function applyEnvOverrides(
  tree: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): { tree: Record<string, unknown>; sources: Map<string, string> } {
  const out: Record<string, unknown> = { ...tree };
  const sources = new Map<string, string>();
  for (const o of ENV_OVERRIDES) {
    const value = env[o.env];
    if (!value) continue;
    const [section, key] = o.path;
    if (!key) {
      out[section] = value;
      sources.set(section, o.env);
      continue;
    }
    const current = out[section];
    const exists = current !== null && typeof current === 'object' && !Array.isArray(current);
    if (!exists && section === 'llm' && !STARTS_SECTION.has(o.env)) continue;
    out[section] = { ...(exists ? (current as object) : {}), [key]: value };
    sources.set(`${section}.${key}`, o.env);
  }
  return { tree: out, sources };
}

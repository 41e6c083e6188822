import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { ConfigIssue } from './issues.ts';
import { findPreset } from './presets.ts';
import type { ParsedFile } from './schema.ts';
import type { Config, LlmConfig } from './types.ts';

/** `~/x` → the home folder; relative paths count from the config file's folder, like kubeconfig paths. */
export const expandPath = (p: string, baseDir: string) =>
  p === '~' || p.startsWith('~/') ? join(homedir(), p.slice(1)) : isAbsolute(p) ? p : resolve(baseDir, p);

function resolveLlm(llm: NonNullable<ParsedFile['llm']>, env: NodeJS.ProcessEnv, issues: ConfigIssue[]) {
  // The schema accepts only names that findPreset knows.
  const preset = findPreset(llm.provider)!;
  const baseUrl = llm.baseUrl ?? preset.baseUrl;
  if (baseUrl === null && preset.provider === 'openai-compatible')
    issues.push({
      path: 'llm.baseUrl',
      message: `required for provider "${preset.name}": the endpoint, e.g. "http://127.0.0.1:11434/v1"; or name a preset such as "deepseek" or "ollama" as the provider`,
    });
  const apiKey = llm.apiKey ?? (preset.apiKeyEnv ? env[preset.apiKeyEnv] || null : null);
  if (apiKey === null && preset.apiKeyEnv)
    issues.push({
      path: 'llm.apiKey',
      message: `provider "${preset.name}" needs an API key: write "apiKey": "\${${preset.apiKeyEnv}}" and export ${preset.apiKeyEnv}, or set SRE_NANOBOT_LLM_API_KEY`,
    });
  const resolved: LlmConfig = {
    provider: preset.provider,
    preset: preset.name,
    baseUrl,
    apiKey,
    model: llm.model,
    maxSteps: llm.maxSteps,
    maxTokens: llm.maxTokens,
    timeoutMs: llm.timeoutMs,
  };
  return resolved;
}

/**
 * What one field cannot say alone: what the chosen provider needs (an endpoint, a key), unique
 * cluster names, existing kubeconfig files. Returns the program's Config with presets
 * resolved and paths expanded.
 */
export function checkAndResolve(
  file: ParsedFile,
  options: { baseDir: string; env: NodeJS.ProcessEnv },
): { config: Config; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const names = new Set<string>();
  const clusters = file.clusters.map((c, i) => {
    if (names.has(c.name))
      issues.push({ path: `clusters[${i}].name`, message: `"${c.name}" is used by an earlier cluster` });
    names.add(c.name);
    const kubeconfig = c.kubeconfig === null ? null : expandPath(c.kubeconfig, options.baseDir);
    if (kubeconfig !== null && !existsSync(kubeconfig))
      issues.push({ path: `clusters[${i}].kubeconfig`, message: `${kubeconfig} does not exist` });
    return { ...c, kubeconfig };
  });
  const llm = file.llm === null ? null : resolveLlm(file.llm, options.env, issues);
  const config: Config = {
    ...file,
    clusters,
    llm,
    dataDir: expandPath(file.dataDir ?? '~/.sre-nanobot', options.baseDir),
  };
  return { config, issues };
}

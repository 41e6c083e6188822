/**
 * `~/.sre-nanobot/config.json` as the program sees it after loading: camelCase, `${ENV}` already
 * substituted, defaults filled in. The loader (src/config/) validates the file against this shape.
 */
export interface Config {
  /** Kubernetes clusters; the first is the default. Empty: the kubeconfig's current context. */
  clusters: ClusterConfig[];
  prometheus: { url: string | null; auth: HttpAuth | null; timeoutMs: number };
  alertmanager: { url: string | null; auth: HttpAuth | null; timeoutMs: number };
  /** No provider: everything runs offline with the deterministic planner. */
  llm: LlmConfig | null;
  policy: PolicyConfig;
  gateway: GatewayConfig;
  /** Where the incident database and other state live (default `~/.sre-nanobot`). */
  dataDir: string;
}

export interface ClusterConfig {
  name: string;
  kubeconfig: string | null;
  context: string | null;
}

export type HttpAuth =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string };

export interface LlmConfig {
  /** `openai-compatible` covers OpenAI, DeepSeek, Qwen/DashScope, Moonshot, Zhipu, OpenRouter, Ollama, vLLM. */
  provider: 'openai-compatible' | 'anthropic';
  /** The name the file gave (`deepseek`, `ollama`, …; src/config/presets.ts), for messages and `config show`. */
  preset?: string;
  /** Endpoint base URL, e.g. `https://api.deepseek.com/v1` or `http://127.0.0.1:11434/v1`. */
  baseUrl: string | null;
  apiKey: string | null;
  model: string;
  maxSteps: number;
  maxTokens: number;
  timeoutMs: number;
}

export interface PolicyConfig {
  readOnly: boolean;
  dryRun: boolean;
  allowNamespaces: string[];
  denyNamespaces: string[];
  /** NAMESPACE/NAME, KIND:NAMESPACE/NAME or LABEL=VALUE, as `mcp k8s --protect`. */
  protect: string[];
}

export interface GatewayConfig {
  host: string;
  port: number;
  /** Required on the webhook and the REST API when set. */
  auth: HttpAuth | null;
  maxBodyBytes: number;
  /** Alert labels whose values group alerts into one incident. */
  groupBy: string[];
  /** Alerts of one group that start within this window join one incident. */
  groupWindowSeconds: number;
  /** Incidents and alerts older than this are deleted. */
  retentionDays: number;
}

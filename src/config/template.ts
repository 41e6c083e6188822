/**
 * What `sre-nanobot config init` writes: every section with its defaults, explained by `//` keys
 * (the loader drops them) and by example. Secrets are `${ENV}` references, never literal values.
 */
export const CONFIG_TEMPLATE = `{
  "//": "sre-nanobot configuration. Keys starting with // are comments. \${NAME} and \${NAME:-default} read environment variables.",

  "//clusters": "Kubernetes clusters; the first is the default. Empty: the current context of $KUBECONFIG or ~/.kube/config.",
  "clusters": [],
  "//clusters-example": [{ "name": "prod", "kubeconfig": "~/.kube/config", "context": "prod-admin" }],

  "//prometheus": "Base URLs, e.g. http://127.0.0.1:9090 and http://127.0.0.1:9093 (PROMETHEUS_URL and ALERTMANAGER_URL override them).",
  "prometheus": { "url": null, "auth": null, "timeoutMs": 10000 },
  "alertmanager": { "url": null, "auth": null, "timeoutMs": 10000 },
  "//auth-example": { "type": "bearer", "token": "\${PROMETHEUS_TOKEN}" },

  "//llm": "null: offline, the built-in planner answers. Providers: openai-compatible, anthropic, or a preset: openai, deepseek, qwen, dashscope, moonshot, zhipu, openrouter, ollama, vllm.",
  "llm": null,
  "//llm-example": {
    "provider": "deepseek",
    "model": "deepseek-chat",
    "apiKey": "\${DEEPSEEK_API_KEY}",
    "maxSteps": 10,
    "maxTokens": 100000,
    "timeoutMs": 120000
  },
  "//llm-local-example": { "provider": "ollama", "model": "qwen2.5:7b", "baseUrl": "http://127.0.0.1:11434/v1" },

  "//policy": "Every change passes this policy. protect: NAMESPACE/NAME, KIND:NAMESPACE/NAME or LABEL=VALUE.",
  "policy": {
    "readOnly": false,
    "dryRun": false,
    "allowNamespaces": [],
    "denyNamespaces": ["kube-system"],
    "protect": []
  },

  "gateway": {
    "host": "127.0.0.1",
    "port": 8080,
    "auth": null,
    "maxBodyBytes": 1048576,
    "groupBy": ["alertname", "namespace"],
    "groupWindowSeconds": 300,
    "retentionDays": 30
  },

  "dataDir": "~/.sre-nanobot"
}
`;

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kubeconfigProblem } from '../../k8s/config.ts';
import { defaultPolicy, type ProtectedRule, parseProtectedRule } from '../../policy/policy.ts';
import { type Command, listenError, UsageError } from '../command.ts';
import { VERSION } from '../version.ts';

const USAGE = `Usage: sre-nanobot mcp k8s [--transport stdio|http] [--port N] [--host H] [--kubeconfig P] [--context C] [--read-only]
                       [--dry-run] [--allow-namespace NS]... [--deny-namespace NS]... [--protect RULE]...
       sre-nanobot mcp prometheus [--transport stdio|http] [--port N] [--host H] [--prometheus-url U]
                       [--alertmanager-url U] [--read-only]

'mcp k8s' serves the Kubernetes tools (pods_list, pods_log, deployments_rollback, nodes_drain, cluster_health, …);
'mcp prometheus' the Prometheus and Alertmanager tools (prometheus_query, service_latency, pod_cpu_usage,
top_consumers, compare_time_ranges, alertmanager_alerts, alertmanager_silence_create, …). Both serve an MCP
client over stdin/stdout (default), or over Streamable HTTP at http://HOST:PORT/mcp.

Options:
  --transport T        stdio (default) or http
  --port N             HTTP port (default 8080; 0 picks a free one); a ready line goes to stderr
  --host H             HTTP address to listen on (default 127.0.0.1)
  --read-only          expose only read-only tools; every change is refused

mcp k8s:
  --kubeconfig P       kubeconfig file (default: KUBECONFIG, ~/.kube/config, or the in-cluster service account)
  --context C          default context; every tool also takes a context argument (contexts_list)
  --dry-run            carry out every change as a server-side dry run (validated, never persisted)
  --allow-namespace NS change objects only in these namespaces (repeat for more)
  --deny-namespace NS  never change objects in this namespace (repeat for more)
  --protect RULE       never change matching objects: NAMESPACE/NAME, KIND:NAMESPACE/NAME or LABEL=VALUE
                       (objects labelled sre-nanobot.dev/protected=true are always protected)

mcp prometheus:
  --prometheus-url U   Prometheus base URL (default: PROMETHEUS_URL, else http://127.0.0.1:9090)
  --alertmanager-url U Alertmanager base URL (default: ALERTMANAGER_URL, else http://127.0.0.1:9093);
                       --read-only hides alertmanager_silence_create and alertmanager_silence_delete

Example client config: {"command":"npx","args":["sre-nanobot","mcp","k8s","--read-only"]}
                       {"command":"npx","args":["sre-nanobot","mcp","prometheus","--prometheus-url","http://prometheus:9090"]}`;

const K8S_ONLY = [
  'kubeconfig',
  'context',
  'dry-run',
  'allow-namespace',
  'deny-namespace',
  'protect',
] as const;
const PROMETHEUS_ONLY = ['prometheus-url', 'alertmanager-url'] as const;

function parse(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      transport: { type: 'string', default: 'stdio' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      'read-only': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'allow-namespace': { type: 'string', multiple: true },
      'deny-namespace': { type: 'string', multiple: true },
      protect: { type: 'string', multiple: true },
      'prometheus-url': { type: 'string' },
      'alertmanager-url': { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  const [server, ...extra] = positionals;
  if (server !== 'k8s' && server !== 'prometheus')
    throw new UsageError(
      `${server === undefined ? 'say which server' : `unknown server '${server}'`}: use 'sre-nanobot mcp k8s' or 'sre-nanobot mcp prometheus'`,
    );
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'; see 'sre-nanobot mcp --help'`);
  const given = (o: string) => {
    const v = values[o as keyof typeof values];
    return v !== undefined && v !== false;
  };
  const misplaced = (server === 'k8s' ? PROMETHEUS_ONLY : K8S_ONLY).find(given);
  if (misplaced)
    throw new UsageError(
      server === 'k8s'
        ? `--${misplaced} belongs to 'mcp prometheus'; 'mcp k8s' reads the kubeconfig`
        : `--${misplaced} belongs to 'mcp k8s'; 'mcp prometheus' takes --prometheus-url and --alertmanager-url`,
    );
  if (values.transport !== 'stdio' && values.transport !== 'http') {
    throw new UsageError(`--transport must be stdio or http, got '${values.transport}'`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, got '${values.port}'`);
  return { server, values, transport: values.transport as 'stdio' | 'http', port };
}

/** A server's code as one bundled file (built by `npm run build`); from source, the module itself. */
const bundled = (name: string) => {
  const url = new URL(`../../vendor/${name}/main.js`, import.meta.url);
  return existsSync(fileURLToPath(url)) ? url.href : undefined;
};

const loadK8s = (): Promise<typeof import('../../mcp/k8s/main.ts')> => {
  const bundle = bundled('mcp-k8s');
  return bundle ? import(bundle) : import('../../mcp/k8s/main.ts');
};

const loadPrometheus = (): Promise<typeof import('../../mcp/prometheus/main.ts')> => {
  const bundle = bundled('mcp-prometheus');
  return bundle ? import(bundle) : import('../../mcp/prometheus/main.ts');
};

function baseUrl(flag: string, value: string | undefined, env: string, fallback: string): string {
  const url = value ?? (process.env[env] || fallback);
  if (!/^https?:\/\/[^/\s]+/.test(url))
    throw new UsageError(
      `${value !== undefined ? `--${flag}` : env} must be an http(s) URL like ${fallback}, got '${url}'`,
    );
  return url;
}

async function runPrometheus(
  values: ReturnType<typeof parse>['values'],
  transport: 'stdio' | 'http',
  port: number,
): Promise<number> {
  const prometheusUrl = baseUrl(
    'prometheus-url',
    values['prometheus-url'],
    'PROMETHEUS_URL',
    'http://127.0.0.1:9090',
  );
  const alertmanagerUrl = baseUrl(
    'alertmanager-url',
    values['alertmanager-url'],
    'ALERTMANAGER_URL',
    'http://127.0.0.1:9093',
  );
  const { servePrometheus } = await loadPrometheus();
  try {
    await servePrometheus({
      transport,
      host: values.host,
      port,
      prometheusUrl,
      alertmanagerUrl,
      readOnly: values['read-only'],
      version: VERSION,
      log: (line) =>
        process.stderr.write(line.startsWith('{') ? `${line}\n` : `sre-nanobot mcp prometheus: ${line}\n`),
    });
  } catch (err) {
    throw listenError(err, port, values.host);
  }
  return 0;
}

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'Serve the Kubernetes or Prometheus tools over MCP',
  usage: USAGE,
  async run(args) {
    const { server, values, transport, port } = parse(args);
    if (server === 'prometheus') return runPrometheus(values, transport, port);
    const problem = kubeconfigProblem({ kubeconfig: values.kubeconfig });
    if (problem) throw new UsageError(problem);
    let protectedRules: ProtectedRule[];
    try {
      protectedRules = (values.protect ?? []).map(parseProtectedRule);
    } catch (err) {
      throw new UsageError(`--protect: ${(err as Error).message}`);
    }
    // Loaded only now: `sre-nanobot --help` and the other commands do not pay for the MCP SDK.
    const { serveK8s } = await loadK8s();
    try {
      await serveK8s({
        transport,
        host: values.host,
        port,
        kubeconfig: values.kubeconfig,
        context: values.context,
        readOnly: values['read-only'],
        version: VERSION,
        log: (line) =>
          process.stderr.write(line.startsWith('{') ? `${line}\n` : `sre-nanobot mcp k8s: ${line}\n`),
        policy: {
          dryRun: values['dry-run'],
          allowNamespaces: values['allow-namespace'],
          denyNamespaces: values['deny-namespace'] ?? [],
          protected: [...defaultPolicy().protected, ...protectedRules],
        },
      });
    } catch (err) {
      throw listenError(err, port, values.host);
    }
    return 0;
  },
};

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kubeconfigProblem } from '../../k8s/config.ts';
import { defaultPolicy, type ProtectedRule, parseProtectedRule } from '../../policy/policy.ts';
import { type Command, OperationalError, UsageError } from '../command.ts';
import { VERSION } from '../version.ts';

const USAGE = `Usage: sre-nanobot mcp k8s [--transport stdio|http] [--port N] [--host H] [--kubeconfig P] [--context C] [--read-only]
                       [--dry-run] [--allow-namespace NS]... [--deny-namespace NS]... [--protect RULE]...
       sre-nanobot mcp prometheus …   (not yet available)

Serves the Kubernetes tools (pods_list, pods_log, deployments_rollback, nodes_drain, cluster_health, …)
to an MCP client: over stdin/stdout (default), or over Streamable HTTP at http://HOST:PORT/mcp.

Options:
  --transport T        stdio (default) or http
  --port N             HTTP port (default 8080; 0 picks a free one); a ready line goes to stderr
  --host H             HTTP address to listen on (default 127.0.0.1)
  --kubeconfig P       kubeconfig file (default: KUBECONFIG, ~/.kube/config, or the in-cluster service account)
  --context C          default context; every tool also takes a context argument (contexts_list)
  --read-only          expose only read-only tools; every change is refused
  --dry-run            carry out every change as a server-side dry run (validated, never persisted)
  --allow-namespace NS change objects only in these namespaces (repeat for more)
  --deny-namespace NS  never change objects in this namespace (repeat for more)
  --protect RULE       never change matching objects: NAMESPACE/NAME, KIND:NAMESPACE/NAME or LABEL=VALUE
                       (objects labelled sre-nanobot.dev/protected=true are always protected)

Example client config: {"command":"npx","args":["sre-nanobot","mcp","k8s","--read-only"]}`;

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
  if (server === 'prometheus')
    throw new UsageError("'mcp prometheus' is not yet available in this version; 'mcp k8s' is");
  if (server !== 'k8s')
    throw new UsageError(
      `${server === undefined ? 'say which server' : `unknown server '${server}'`}: use 'sre-nanobot mcp k8s'`,
    );
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'; see 'sre-nanobot mcp --help'`);
  // Accepted above only so that `mcp prometheus --prometheus-url U` gets the not-yet-available answer.
  const misplaced = ['prometheus-url', 'alertmanager-url'].find(
    (o) => values[o as keyof typeof values] !== undefined,
  );
  if (misplaced)
    throw new UsageError(`--${misplaced} belongs to 'mcp prometheus'; 'mcp k8s' reads the kubeconfig`);
  if (values.transport !== 'stdio' && values.transport !== 'http') {
    throw new UsageError(`--transport must be stdio or http, got '${values.transport}'`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, got '${values.port}'`);
  return { values, transport: values.transport as 'stdio' | 'http', port };
}

/** The server's code as one bundled file (built by `npm run build`); from source, the module itself. */
const BUNDLE = new URL('../../vendor/mcp-k8s/main.js', import.meta.url);

const loadServer = (): Promise<typeof import('../../mcp/k8s/main.ts')> =>
  existsSync(fileURLToPath(BUNDLE)) ? import(BUNDLE.href) : import('../../mcp/k8s/main.ts');

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'Serve the Kubernetes (or Prometheus) tools over MCP',
  usage: USAGE,
  async run(args) {
    const { values, transport, port } = parse(args);
    const problem = kubeconfigProblem({ kubeconfig: values.kubeconfig });
    if (problem) throw new UsageError(problem);
    let protectedRules: ProtectedRule[];
    try {
      protectedRules = (values.protect ?? []).map(parseProtectedRule);
    } catch (err) {
      throw new UsageError(`--protect: ${(err as Error).message}`);
    }
    // Loaded only now: `sre-nanobot --help` and the other commands do not pay for the MCP SDK.
    const { serveK8s } = await loadServer();
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
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE')
        throw new OperationalError(
          `port ${port} is already in use; pick another with --port or use --port 0`,
        );
      if (e.code === 'EADDRNOTAVAIL')
        throw new OperationalError(
          `cannot listen on ${values.host}: no such local address; use --host 127.0.0.1`,
        );
      throw err;
    }
    return 0;
  },
};

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isLoopbackHost } from '../../loopback.ts';
import { type Command, listenError, OperationalError, UsageError } from '../command.ts';
import { loadCliConfig } from '../load-config.ts';
import { VERSION } from '../version.ts';

const USAGE = `Usage: sre-nanobot gateway [--config P] [--port N] [--host H] [--data-dir D]
                           [--kubeconfig P] [--context C] [--durability full|normal]

Receives Alertmanager webhooks, turns alerts into incidents and serves the REST API and the MCP
servers. Prints one JSON line when ready:
{"ready":true,"url":"http://127.0.0.1:PORT","webhook":"…/api/v1/alerts/alertmanager","database":"PATH"}

Alertmanager receiver:  webhook_configs: [{ url: <webhook>, send_resolved: true }]

Options:
  --config P          config file (default: SRE_NANOBOT_CONFIG or ~/.sre-nanobot/config.json); its
                      gateway section sets auth, body limit, grouping, window and retention
  --port N            port (default: gateway.port, 8080; 0 picks a free one)
  --host H            address to listen on (default: gateway.host, 127.0.0.1)
  --data-dir D        where incidents.db lives (default: dataDir, ~/.sre-nanobot)
  --kubeconfig P      diagnose incidents against this cluster (default: the first configured cluster;
                      with none, incidents stay open with their alerts and no findings)
  --context C         kubeconfig context for diagnosis and /mcp/k8s
  --durability D      full (default): every accepted webhook is synced to disk before its 202 and
                      survives a power loss; normal: survives a crash of the process only, faster

Routes: POST /api/v1/alerts/alertmanager, GET /api/v1/incidents[/{id}[/report?format=md|html|json]],
GET /api/v1/approvals, POST /api/v1/approvals/{id}/approve|reject, /healthz, /readyz, /metrics,
/mcp/k8s. Stop with Ctrl-C or SIGTERM: requests in flight finish, the database closes cleanly.`;

const int = (name: string, value: string | undefined, min: number, max: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
};

export const gatewayCommand: Command = {
  name: 'gateway',
  summary: 'Receive Alertmanager webhooks and run incidents',
  usage: USAGE,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        config: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        durability: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    const durability = values.durability ?? 'full';
    if (durability !== 'full' && durability !== 'normal')
      throw new UsageError(`--durability must be full or normal, got '${durability}'`);
    const port = int('port', values.port, 0, 65535);
    let { config } = await loadCliConfig(values.config);
    config = {
      ...config,
      dataDir: values['data-dir'] ? resolve(values['data-dir']) : config.dataDir,
      gateway: {
        ...config.gateway,
        port: port ?? config.gateway.port,
        host: values.host ?? config.gateway.host,
      },
    };
    const [{ startGateway }, { StoreUnavailable }] = await Promise.all([
      import('../../gateway/server.ts'),
      import('../../store/index.ts'),
    ]);
    let gateway: Awaited<ReturnType<typeof startGateway>>;
    try {
      gateway = await startGateway({
        config,
        kubeconfig: values.kubeconfig ? resolve(values.kubeconfig) : undefined,
        context: values.context,
        durability,
        version: VERSION,
        log: (line) => process.stderr.write(`gateway: ${line}\n`),
      });
    } catch (err) {
      if (err instanceof StoreUnavailable) throw new OperationalError(err.message);
      throw listenError(err, config.gateway.port, config.gateway.host);
    }
    process.stdout.write(
      `${JSON.stringify({ ready: true, url: gateway.url, webhook: `${gateway.url}/api/v1/alerts/alertmanager`, database: gateway.database })}\n`,
    );
    if (!config.gateway.auth && !isLoopbackHost(config.gateway.host))
      process.stderr.write(
        `gateway: warning: listening on ${config.gateway.host} without auth; set gateway.auth in the config file\n`,
      );
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    process.stderr.write('gateway: stopping: finishing requests and processing in flight\n');
    await gateway.close();
    return 0;
  },
};

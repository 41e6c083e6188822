import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Command, OperationalError, UsageError } from '../command.ts';

const USAGE = `Usage: sre-nanobot sandbox [--port N] [--host 127.0.0.1] [--kubeconfig-out PATH]
                           [--snapshot FILE]... [--seed-workloads|--empty] [--metrics-port N] [--speed N]

A simulated Kubernetes cluster that speaks the real Kubernetes API. Prints one JSON line when ready:
{"ready":true,"server":"http://127.0.0.1:PORT","kubeconfig":"PATH","metrics":"http://127.0.0.1:PORT/metrics"}

Options:
  --port N             API port (default 0: a free port)
  --host H             address to listen on (default 127.0.0.1)
  --kubeconfig-out P   where to write the kubeconfig (default: a file in the temp folder)
  --snapshot FILE      load a cluster snapshot (multi-document YAML or a JSON List); may repeat
  --seed-workloads     start with the demo estate (the default without --snapshot)
  --empty              start with no workloads
  --metrics-port N     serve /metrics on its own port too (default: on the API port)
  --speed N            run simulated time N times faster than the wall clock (default 1)

Faults: POST /sandbox/v1/faults {"type":"bad_release","namespace":"production","target":"deployment/api-service"}
        GET /sandbox/v1/faults, GET /sandbox/v1/faults/types, DELETE /sandbox/v1/faults/{id}`;

const int = (name: string, value: string | undefined, min: number, max: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return n;
};

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'Run a simulated Kubernetes cluster for kubectl, MCP servers and tests',
  usage: USAGE,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        'kubeconfig-out': { type: 'string' },
        snapshot: { type: 'string', multiple: true },
        'seed-workloads': { type: 'boolean' },
        empty: { type: 'boolean' },
        'metrics-port': { type: 'string' },
        speed: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.empty && (values['seed-workloads'] || values.snapshot)) {
      throw new UsageError('--empty cannot be combined with --seed-workloads or --snapshot; pick one');
    }
    const speed = values.speed === undefined ? 1 : Number(values.speed);
    if (!(speed > 0 && speed <= 1000))
      throw new UsageError(`--speed must be a number above 0 and at most 1000, got '${values.speed}'`);
    const port = int('port', values.port, 0, 65535) ?? 0;
    // Loaded here, not at the top: `sre-nanobot --help` and other commands should not pay for the sandbox.
    const { loadSnapshotFiles, SnapshotError } = await import('../../sandbox/snapshot/index.ts');
    const { startSandbox } = await import('../../sandbox/server.ts');
    let snapshot: ReturnType<typeof loadSnapshotFiles> | undefined;
    try {
      snapshot = values.snapshot ? loadSnapshotFiles(values.snapshot) : undefined;
    } catch (err: unknown) {
      if (err instanceof SnapshotError) throw new UsageError(err.message);
      throw err;
    }
    const kubeconfigOut =
      values['kubeconfig-out'] ?? join(tmpdir(), `sre-nanobot-sandbox-${process.pid}.kubeconfig`);
    let sandbox: Awaited<ReturnType<typeof startSandbox>>;
    try {
      sandbox = await startSandbox({
        host: values.host,
        port,
        metricsPort: int('metrics-port', values['metrics-port'], 0, 65535),
        kubeconfigOut,
        snapshot,
        empty: values.empty,
        speed,
      });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE')
        throw new OperationalError(
          `port ${e.message.split(':').pop()} is already in use; pick another with --port or use --port 0`,
        );
      if (e.code === 'EADDRNOTAVAIL')
        throw new OperationalError(
          `cannot listen on ${values.host}: no such local address; use --host 127.0.0.1`,
        );
      throw err;
    }
    process.stdout.write(
      `${JSON.stringify({ ready: true, server: sandbox.server, kubeconfig: kubeconfigOut, metrics: sandbox.metrics })}\n`,
    );
    process.stderr.write(
      `sandbox: try  kubectl --kubeconfig ${kubeconfigOut} get pods -A   (Ctrl-C stops it)\n`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await sandbox.stop();
    return 0;
  },
};

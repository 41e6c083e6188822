import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Diagnosis } from '../../diagnosis/index.ts';
import { type Command, OperationalError, UsageError } from '../command.ts';

const USAGE = `Usage: sre-nanobot diagnose [--kubeconfig P] [--context C] [-n NS | -A] [--alert FILE]
                            [--prometheus-url U] [--json] [--snapshot FILE]...

Finds what is wrong in a cluster and its root cause, offline and without an LLM. Reads the cluster
(and Prometheus when given); never changes anything.

Options:
  --kubeconfig P       kubeconfig file (default: $KUBECONFIG, ~/.kube/config, or in-cluster)
  --context C          kubeconfig context (default: the current context)
  -n, --namespace NS   diagnose one namespace (may repeat)
  -A, --all-namespaces diagnose every namespace (the default)
  --alert FILE         an Alertmanager webhook body (JSON): focus on what it names; its cause comes first
  --prometheus-url U   read error rates, latency, throttling, volume usage… from this Prometheus
  --snapshot FILE      diagnose snapshot files (multi-document YAML or a JSON List) instead of a cluster
  --json               print {"findings":[…],"impact":{…},"gaps":[…]}; findings ordered root cause first

Exit codes: 0 diagnosed (with or without findings), 1 cluster unreachable or refusing every read,
2 bad usage or unreadable files. An unreachable Prometheus is reported under "gaps", not as a failure.`;

/** The diagnosis is loaded when the command runs, so other commands do not pay for its modules. */
const diagnosis = () => import('../../diagnosis/index.ts');

async function readAlert(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(
      `cannot read --alert ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const { parseAlert } = await diagnosis();
  try {
    return parseAlert(JSON.parse(text));
  } catch (err) {
    throw new UsageError(`--alert ${path}: ${(err as Error).message}`);
  }
}

async function loadSnapshot(paths: string[]) {
  const { loadSnapshotFiles, SnapshotError } = await import('../../sandbox/snapshot/index.ts');
  try {
    return loadSnapshotFiles(paths);
  } catch (err) {
    if (err instanceof SnapshotError) throw new UsageError(err.message);
    throw err;
  }
}

const useColor = () => process.stdout.isTTY === true && !process.env.NO_COLOR;

export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: 'Find the root cause of what is wrong in a cluster',
  usage: USAGE,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        namespace: { type: 'string', short: 'n', multiple: true },
        'all-namespaces': { type: 'boolean', short: 'A' },
        alert: { type: 'string' },
        'prometheus-url': { type: 'string' },
        snapshot: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.namespace && values['all-namespaces'])
      throw new UsageError('-n and -A exclude each other; pick one');
    if (values.snapshot && (values.kubeconfig || values.context)) {
      throw new UsageError(
        '--snapshot reads files, not a cluster; drop --kubeconfig/--context or --snapshot',
      );
    }
    const url = values['prometheus-url'];
    if (url && !/^https?:\/\/[^/]/.test(url))
      throw new UsageError(`--prometheus-url must be an http(s) URL, got '${url}'`);
    const { diagnoseCluster, diagnoseObjects, KubeconfigError, renderText, UnreachableError } =
      await diagnosis();
    const options = {
      namespaces: values.namespace ?? ('all' as const),
      alert: values.alert ? await readAlert(values.alert) : undefined,
      prometheusUrl: url,
    };
    let result: Awaited<ReturnType<typeof diagnoseCluster>>;
    try {
      result = values.snapshot
        ? await diagnoseObjects(await loadSnapshot(values.snapshot), options)
        : await diagnoseCluster({ ...options, kubeconfig: values.kubeconfig, context: values.context });
    } catch (err) {
      if (err instanceof KubeconfigError) throw new UsageError(err.message);
      if (err instanceof UnreachableError)
        throw new OperationalError(`${err.message}; check --kubeconfig/--context and that the cluster is up`);
      throw err;
    }
    if (values.json) {
      const { evidence: _evidence, ...printed } = result;
      process.stdout.write(`${JSON.stringify(printed satisfies Diagnosis)}\n`);
      return 0;
    }
    const scope = values.snapshot
      ? `${values.snapshot.length} snapshot file(s)`
      : options.namespaces === 'all'
        ? 'all namespaces'
        : `namespace ${options.namespaces.join(', ')}`;
    const counts = { pods: result.evidence.list('Pod').length, nodes: result.evidence.list('Node').length };
    process.stdout.write(renderText(result, { color: useColor(), scope, counts }));
    return 0;
  },
};

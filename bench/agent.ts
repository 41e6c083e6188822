// bench/agent: `agent -m … --plan --json` offline, cold start to first output as a new process (target
// < 500 ms); planOffline in-process over the held-out phrasings; a read run end to end against a sandbox;
// and LLM mode against a local scripted model (start-up of the SDK path and per-step overhead).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELD_OUT } from '../src/agent/planner/heldout.cases.ts';
import { planOffline } from '../src/agent/planner/index.ts';
import { scriptedModel } from '../test/helpers/openai-server.ts';
import { CLI, cliSandbox, tempDir } from '../test/helpers/sandbox.ts';
import { machine, ms, percentile } from './stats.ts';

const COLD_RUNS = Number(process.env.BENCH_RUNS ?? 30);
const MESSAGES = [
  '将 api-service 扩展到 10 个副本',
  'scale api-service in production to 5 replicas',
  'why is payment-service crashing?',
  '重启 staging 的 web-frontend',
  'list pods in production',
  '回滚 payment-service 到上一个版本',
];

interface Run {
  firstOutputMs: number;
  exitMs: number;
  status: number | null;
}

/** Spawns the CLI and times the first byte on stdout and the exit. */
function timed(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    let firstOutputMs = Number.NaN;
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout.on('data', () => {
      if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - started;
    });
    child.on('close', (status) => resolve({ firstOutputMs, exitMs: performance.now() - started, status }));
  });
}

async function series(n: number, args: (i: number) => string[], env: NodeJS.ProcessEnv) {
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) runs.push(await timed(args(i), env));
  const failed = runs.filter((r) => r.status !== 0 && r.status !== 2);
  if (failed.length) throw new Error(`${failed.length} run(s) failed: ${args(0).join(' ')}`);
  const first = runs.map((r) => r.firstOutputMs).sort((a, b) => a - b);
  const exit = runs.map((r) => r.exitMs).sort((a, b) => a - b);
  return {
    first: { p50: percentile(first, 50), p95: percentile(first, 95) },
    exit: { p50: percentile(exit, 50), p95: percentile(exit, 95) },
  };
}

const row = (label: string, s: { p50: number; p95: number }, target = '–') =>
  `| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${target} |`;

export async function runAgentBench(): Promise<void> {
  const env = { PATH: process.env.PATH, HOME: tempDir() };
  const lines: string[] = [];

  const version = await series(COLD_RUNS, () => ['--version'], env);
  const plan = await series(
    COLD_RUNS,
    (i) => ['agent', '-m', MESSAGES[i % MESSAGES.length], '--plan', '--json'],
    env,
  );
  lines.push(
    row('`sre-nanobot --version` (Node + CLI start, baseline)', version.first),
    row(
      `\`agent -m … --plan --json\` offline, first output (${COLD_RUNS} runs, ${MESSAGES.length} messages)`,
      plan.first,
      'p50 < 500 ms',
    ),
    row('same, process exit', plan.exit),
  );

  const inputs = HELD_OUT.map((c) => c.input);
  for (let i = 0; i < 200; i++) planOffline(inputs[i % inputs.length]);
  const samples: number[] = [];
  for (let round = 0; round < 20; round++)
    for (const input of inputs) {
      const t = performance.now();
      planOffline(input);
      samples.push(performance.now() - t);
    }
  samples.sort((a, b) => a - b);
  lines.push(
    row(`\`planOffline\` in-process, warm (${inputs.length} held-out phrasings × 20)`, {
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
    }),
  );

  const sandbox = await cliSandbox(['--speed', '20']);
  try {
    const kubeconfig = sandbox.ready.kubeconfig;
    const read = await series(
      10,
      () => ['agent', '-m', 'list pods in production', '--json', '--kubeconfig', kubeconfig],
      env,
    );
    lines.push(
      row(
        '`agent -m "list pods in production" --json` against the sandbox, first output (10 runs)',
        read.first,
      ),
    );

    const model = await scriptedModel(() => ({ text: 'ok' }));
    const withTool = await scriptedModel((n) =>
      n % 2 === 0
        ? { toolCalls: [{ name: 'pods_list', args: { namespace: 'production' } }] }
        : { text: 'Three api-service pods are running.' },
    );
    try {
      const config = (baseUrl: string) => {
        const path = join(tempDir(), 'config.json');
        writeFileSync(
          path,
          JSON.stringify({ llm: { provider: 'openai-compatible', baseUrl, model: 'scripted' } }),
        );
        return path;
      };
      const answer = await series(
        10,
        () => ['agent', '-m', 'hello', '--config', config(model.baseUrl), '--kubeconfig', kubeconfig],
        env,
      );
      const loop = await series(
        10,
        () => ['agent', '-m', 'list pods', '--config', config(withTool.baseUrl), '--kubeconfig', kubeconfig],
        env,
      );
      lines.push(
        row('LLM mode, local scripted model: first streamed token (10 runs)', answer.first),
        row('LLM mode: one tool call (pods_list) + answer, process exit (10 runs)', loop.exit),
      );
    } finally {
      await model.close();
      await withTool.close();
    }
  } finally {
    sandbox.child.kill('SIGTERM');
  }

  console.log(`Machine: ${machine()}\n`);
  console.log('| measurement | p50 | p95 | target |\n|---|---|---|---|');
  console.log(lines.join('\n'));
}

// `sre-nanobot agent` offline, as users and scripts run it: --plan in Chinese and English, a read run
// against a sandbox cluster, a change refused without --yes and made with it, diagnosis, policy.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { requireBinary } from './helpers/binaries.ts';
import { assertBuilt } from './helpers/mcp.ts';
import { until } from './helpers/poll.ts';
import { runProcess } from './helpers/run.ts';
import { CLI, inProcessSandbox, tempDir } from './helpers/sandbox.ts';

/** The CLI with a fresh HOME (no config: offline), stdin a pipe (no terminal), without blocking the sandbox. */
const agent = (args: string[]) =>
  runProcess(process.execPath, [CLI, 'agent', ...args], {
    env: { PATH: process.env.PATH, HOME: tempDir(), NO_COLOR: '1' },
  });

test('--plan --json prints exactly {"calls":[…]} for Chinese and English, and runs nothing', async () => {
  const cases: [string, object][] = [
    [
      '将 production 的 api-service 扩展到 10 个副本',
      {
        calls: [
          { tool: 'deployments_scale', args: { namespace: 'production', name: 'api-service', replicas: 10 } },
        ],
      },
    ],
    [
      'scale api-service in production to 5 replicas',
      {
        calls: [
          { tool: 'deployments_scale', args: { namespace: 'production', name: 'api-service', replicas: 5 } },
        ],
      },
    ],
    ['list pods in production', { calls: [{ tool: 'pods_list', args: { namespace: 'production' } }] }],
    [
      '重启 staging 的 web-frontend',
      { calls: [{ tool: 'deployments_restart', args: { namespace: 'staging', name: 'web-frontend' } }] },
    ],
  ];
  for (const [message, plan] of cases) {
    const r = await agent(['-m', message, '--plan', '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), plan, message);
    assert.equal(r.stderr, '');
  }
  const question = await agent(['-m', 'delete all pods', '--plan', '--json']);
  assert.equal(question.status, 0);
  const out = JSON.parse(question.stdout);
  assert.deepEqual(Object.keys(out), ['calls', 'question']);
  assert.deepEqual(out.calls, []);
});

test('--plan for people, -n as the namespace meant, and usage errors', async () => {
  const r = await agent(['-m', 'scale api-service to 4 replicas', '-n', 'staging', '--plan']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(
    r.stdout,
    'Plan (1 call):\n  1. deployments_scale namespace=staging name=api-service replicas=4\n\nNothing was run (--plan).\n',
  );
  const missing = await agent(['--plan']);
  assert.equal(missing.status, 2);
  assert.match(
    missing.stderr,
    /^sre-nanobot agent: say what to do with -m, e.g\. sre-nanobot agent -m "list pods in production"\n$/,
  );
  const positional = await agent(['list', 'pods']);
  assert.equal(positional.status, 2);
  assert.match(positional.stderr, /unexpected argument 'list'; pass the message with -m/);
  const kubeconfig = await agent(['-m', 'list pods', '--kubeconfig', '/nonexistent/kubeconfig']);
  assert.equal(kubeconfig.status, 2);
  assert.match(kubeconfig.stderr, /kubeconfig \/nonexistent\/kubeconfig does not exist/);
});

describe('sre-nanobot agent against a sandbox cluster', () => {
  let sandbox: Awaited<ReturnType<typeof inProcessSandbox>>;
  const replicas = async (name: string) =>
    (
      (await (
        await fetch(`${sandbox.server}/apis/apps/v1/namespaces/production/deployments/${name}`)
      ).json()) as {
        spec: { replicas: number };
      }
    ).spec.replicas;

  before(async () => {
    assertBuilt();
    sandbox = await inProcessSandbox();
  });
  after(() => sandbox?.stop());

  test('a read runs directly: the table for people, {"plan","results"} for scripts', async () => {
    const r = await agent(['-m', 'list pods in production', '--kubeconfig', sandbox.kubeconfig]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^NAME\s+READY\s+STATUS/);
    assert.match(r.stdout, /^api-service-\S+\s+1\/1\s+Running/m);
    assert.match(r.stderr, /^→ pods_list namespace=production\n✓ pods_list \d+ ms\n$/);
    const json = await agent([
      '-m',
      '列出 production 的 deployment',
      '--json',
      '--kubeconfig',
      sandbox.kubeconfig,
    ]);
    assert.equal(json.status, 0, json.stderr);
    const out = JSON.parse(json.stdout);
    assert.deepEqual(Object.keys(out), ['plan', 'results']);
    assert.deepEqual(Object.keys(out.results[0]), ['tool', 'args', 'ok', 'output']);
    assert.equal(out.results[0].ok, true);
    assert.match(out.results[0].output, /api-service/);
  });

  test('a change is refused without a terminal or --yes (exit 2), and made with --yes', async () => {
    const before = await replicas('api-service');
    const refused = await agent([
      '-m',
      '将 production 的 api-service 扩展到 5 个副本',
      '--kubeconfig',
      sandbox.kubeconfig,
    ]);
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(
      refused.stderr,
      /✗ deployments_scale \d+ ms: not done: "Scale deployment production\/api-service to 5 replicas" needs confirmation and there is no terminal to ask on; rerun with --yes to allow changes/,
    );
    assert.equal(refused.stdout, '');
    assert.equal(await replicas('api-service'), before);
    const done = await agent([
      '-m',
      '将 production 的 api-service 扩展到 5 个副本',
      '--yes',
      '--json',
      '--kubeconfig',
      sandbox.kubeconfig,
    ]);
    assert.equal(done.status, 0, done.stderr);
    const out = JSON.parse(done.stdout);
    assert.equal(out.results[0].ok, true);
    assert.match(out.results[0].output, /scaled deployment api-service from \d+ to 5 replicas/);
    assert.equal(await replicas('api-service'), 5);
  });

  test(
    'on a terminal a change asks our question: n leaves it (exit 1), y makes it',
    requireBinary('script'),
    async () => {
      /** The agent under `script`, which gives it a pseudo-terminal; answers the prompt once it shows. */
      const target = (await replicas('web-frontend')) + 1;
      const onTerminal = (answer: string) =>
        new Promise<{ status: number | null; screen: string }>((resolve) => {
          const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} agent -m "scale web-frontend in production to ${target} replicas" --kubeconfig ${JSON.stringify(sandbox.kubeconfig)}`;
          const child = spawn('script', ['-qfec', command, '/dev/null'], {
            env: { PATH: process.env.PATH, HOME: tempDir(), NO_COLOR: '1' },
          });
          let screen = '';
          let answered = false;
          child.stdout.on('data', (d) => {
            screen += d;
            if (!answered && screen.includes('[y/N]')) {
              answered = true;
              child.stdin.write(`${answer}\n`);
            }
          });
          child.on('close', (status) => resolve({ status, screen }));
        });
      const declined = await onTerminal('n');
      assert.equal(declined.status, 1, declined.screen);
      assert.ok(
        declined.screen.includes(`Scale deployment production/web-frontend to ${target} replicas? [y/N]`),
      );
      assert.match(declined.screen, /was declined at the prompt/);
      assert.equal(await replicas('web-frontend'), target - 1);
      const accepted = await onTerminal('y');
      assert.equal(accepted.status, 0, accepted.screen);
      assert.ok(
        accepted.screen.includes(`scaled deployment web-frontend from ${target - 1} to ${target} replicas`),
      );
      assert.equal(await replicas('web-frontend'), target);
    },
  );

  test('the config policy applies: a denied namespace refuses the change even with --yes (exit 1)', async () => {
    const config = join(tempDir(), 'config.json');
    writeFileSync(config, JSON.stringify({ policy: { denyNamespaces: ['production'] } }));
    const r = await agent([
      '-m',
      'scale web-frontend in production to 1 replicas',
      '--yes',
      '--config',
      config,
      '--kubeconfig',
      sandbox.kubeconfig,
    ]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /✗ deployments_scale \d+ ms: policy refused to scale .*web-frontend.*production/);
    assert.notEqual(await replicas('web-frontend'), 1);
  });

  test('"why is it crashing" diagnoses the live cluster: root cause, whys and runbook', async () => {
    const fault = await fetch(`${sandbox.server}/sandbox/v1/faults`, {
      method: 'POST',
      body: JSON.stringify({
        type: 'crash_loop',
        namespace: 'production',
        target: 'deployment/payment-service',
      }),
    });
    assert.equal(fault.status, 201);
    const r = await until('the agent to diagnose the crash loop', async () => {
      const run = await agent([
        '-m',
        'why is payment-service in production crashing?',
        '--kubeconfig',
        sandbox.kubeconfig,
      ]);
      return run.status === 0 && /crash_loop/.test(run.stdout) ? run : undefined;
    });
    assert.match(r.stdout, /Root cause: Container payment-service exited with exit code 1/);
    assert.match(r.stdout, /Why:\n\s+1\. /);
    assert.match(r.stdout, /Runbook: \S+/);
    assert.match(r.stderr, /✓ diagnose/);
  });

  test('a request that needs clarifying is a question, exit 2, nothing run', async () => {
    const r = await agent(['-m', 'delete all pods', '--kubeconfig', sandbox.kubeconfig]);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /I will not delete many objects at once/);
    assert.equal(r.stderr, '');
  });

  test('--offline uses the planner even when an LLM is configured', async () => {
    const config = join(tempDir(), 'config.json');
    writeFileSync(
      config,
      JSON.stringify({ llm: { provider: 'ollama', model: 'm', baseUrl: 'http://127.0.0.1:9/v1' } }),
    );
    const r = await agent([
      '-m',
      'list nodes',
      '--offline',
      '--config',
      config,
      '--kubeconfig',
      sandbox.kubeconfig,
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^node-1\s+Ready/m);
  });
});

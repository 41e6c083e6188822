// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${NAME}` references are part of what is tested.
// `sre-nanobot config init|show|validate` as users run it: files written and refused, secrets masked,
// every validation problem listed with its path, exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, tempDir } from './helpers/sandbox.ts';

/** The CLI with a fresh HOME and no inherited sre-nanobot, LLM or Prometheus variables. */
function run(args: string[], env: Record<string, string> = {}, home = tempDir()) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, ...env },
  });
  return { ...r, home };
}

const write = (content: unknown) => {
  const path = join(tempDir(), 'config.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};

test('init writes a private, valid file; refuses to overwrite without --force', () => {
  const path = join(tempDir(), 'sub', 'config.json');
  const first = run(['config', 'init', '--config', path]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(
    first.stdout,
    /^wrote .*sub\/config\.json; edit it, then check it with 'sre-nanobot config validate'\n$/,
  );
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.match(readFileSync(path, 'utf8'), /"\/\/llm": "null: offline/);
  assert.equal(run(['config', 'validate', '--config', path]).status, 0);
  writeFileSync(path, '{"llm": null}');
  const again = run(['config', 'init', '--config', path]);
  assert.equal(again.status, 2);
  assert.match(
    again.stderr,
    /^sre-nanobot config: .*config\.json already exists; pass --force to overwrite it, or edit it\n$/,
  );
  assert.equal(readFileSync(path, 'utf8'), '{"llm": null}');
  assert.equal(run(['config', 'init', '--config', path, '--force']).status, 0);
  assert.match(readFileSync(path, 'utf8'), /"gateway"/);
});

test('init without --config writes ~/.sre-nanobot/config.json, which the other commands then read', () => {
  const home = tempDir();
  assert.equal(run(['config', 'init'], {}, home).status, 0);
  assert.ok(existsSync(join(home, '.sre-nanobot', 'config.json')));
  const shown = run(['config', 'show'], {}, home);
  assert.match(shown.stdout, new RegExp(`^# ${join(home, '.sre-nanobot', 'config.json')}\n`));
  assert.match(shown.stdout, /^policy\.denyNamespaces\s+kube-system$/m);
});

test('show prints the configuration in effect with every secret masked', () => {
  const path = write({
    llm: { provider: 'deepseek', model: 'deepseek-chat', apiKey: '${MY_DEEPSEEK_KEY}' },
    prometheus: {
      url: 'https://ops:prom-pass@prom.example/',
      auth: { type: 'bearer', token: 'prom-token-value-123456' },
    },
    gateway: { auth: { type: 'basic', username: 'hook', password: 'gateway-password' } },
  });
  const env = { MY_DEEPSEEK_KEY: 'sk-deepseek-0123456789abcdef', ALERTMANAGER_URL: 'http://am.example:9093' };
  const human = run(['config', 'show', '--config', path], env);
  assert.equal(human.status, 0, human.stderr);
  const json = run(['config', 'show', '--config', path, '--json'], env);
  assert.equal(json.status, 0, json.stderr);
  for (const out of [human.stdout, json.stdout])
    for (const secret of [
      'sk-deepseek-0123456789abcdef',
      'prom-pass',
      'prom-token-value-123456',
      'gateway-password',
    ])
      assert.ok(!out.includes(secret), `${secret} shown:\n${out}`);
  assert.match(human.stdout, /^llm\.apiKey\s+\*\*\*\*cdef$/m);
  assert.match(human.stdout, /^llm\.baseUrl\s+https:\/\/api\.deepseek\.com\/v1$/m);
  assert.match(human.stdout, /^alertmanager\.url\s+http:\/\/am\.example:9093$/m);
  const config = JSON.parse(json.stdout);
  assert.equal(config.llm.preset, 'deepseek');
  assert.equal(config.prometheus.url, 'https://ops:****@prom.example/');
  assert.equal(config.gateway.auth.username, 'hook');
  assert.equal(config.gateway.auth.password, '****');
});

test('validate lists every problem with its path and the file, exit 2', () => {
  const path = write({
    llm: { provider: 'openai2', model: 'm', api_key: 'x' },
    gateway: { port: 'eighty' },
    promethues: { url: 'http://p' },
  });
  const r = run(['config', 'validate', '--config', path]);
  assert.equal(r.status, 2);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines[0], `sre-nanobot config: ${path} has 4 problems:`);
  const problems = lines.slice(1).join('\n');
  assert.match(problems, /- llm\.api_key: unknown key; did you mean "apiKey"\?/);
  assert.match(problems, /- gateway\.port: expected a number, got "eighty"/);
  assert.match(problems, /- promethues: unknown key; did you mean "prometheus"\?/);
  assert.equal(lines.length, 5);
  assert.ok(lines.slice(1).every((l) => l.endsWith(`(in ${path})`)));
  const provider = run([
    'config',
    'validate',
    '--config',
    write({ llm: { provider: 'openai2', model: 'm' } }),
  ]);
  assert.match(
    provider.stderr,
    /- llm\.provider: expected one of openai-compatible, anthropic \(or a preset: .*\), got "openai2"; did you mean "openai"\?/,
  );
});

test('validate: a good file, no file at the default path, a missing --config file, bad JSON', () => {
  const good = run([
    'config',
    'validate',
    '--config',
    write({ llm: { provider: 'ollama', model: 'qwen2.5:7b' } }),
  ]);
  assert.equal(good.status, 0, good.stderr);
  assert.match(
    good.stdout,
    /: valid; llm: ollama qwen2\.5:7b; clusters: the kubeconfig context; prometheus: not set\n$/,
  );
  const none = run(['config', 'validate']);
  assert.equal(none.status, 0);
  assert.match(
    none.stdout,
    /^no config file at .*\.sre-nanobot\/config\.json; the defaults apply \(llm: none \(offline planner\)\)/,
  );
  const missing = run(['config', 'validate', '--config', '/nonexistent/config.json']);
  assert.equal(missing.status, 2);
  assert.match(
    missing.stderr,
    /\/nonexistent\/config\.json \(from --config\) does not exist; create one with 'sre-nanobot config init --config/,
  );
  const env = run(['config', 'validate'], { SRE_NANOBOT_CONFIG: '/nonexistent/x.json' });
  assert.match(env.stderr, /\(from SRE_NANOBOT_CONFIG\) does not exist/);
  const bad = run([
    'config',
    'validate',
    '--config',
    write('{\n  "llm": {\n    "provider": "ollama",\n  }\n}'),
  ]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /is not valid JSON: .* at line 4, column 3/);
});

test('an unset ${VAR} names the variable and the field; the agent refuses to start on a bad config', () => {
  const path = write({
    llm: { provider: 'openai', model: 'gpt-4o-mini', apiKey: '${OPENAI_KEY_FOR_TEST}' },
    gateway: { port: -1 },
  });
  const r = run(['config', 'validate', '--config', path]);
  assert.match(
    r.stderr,
    /- llm\.apiKey: environment variable OPENAI_KEY_FOR_TEST is not set; export it, or write \$\{OPENAI_KEY_FOR_TEST:-DEFAULT\}/,
  );
  const agent = run(['agent', '--config', path, '-m', 'list pods']);
  assert.equal(agent.status, 2);
  assert.match(
    agent.stderr,
    /^sre-nanobot agent: llm\.apiKey: environment variable OPENAI_KEY_FOR_TEST is not set.* \(and 1 more problem\(s\); run 'sre-nanobot config validate' to list them\)\n$/,
  );
});

test('usage errors exit 2 with one line', () => {
  for (const [args, expected] of [
    [['config'], /say what to do: init, show or validate/],
    [['config', 'frob'], /unknown action 'frob': init, show or validate/],
    [['config', 'show', '--force'], /--force belongs to config init/],
    [['config', 'validate', '--bogus'], /Unknown option '--bogus'/],
  ] as const) {
    const r = run([...args]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, expected);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1);
  }
  assert.match(run(['config', '--help']).stdout, /SRE_NANOBOT_LLM_API_KEY\s+llm\.apiKey/);
});

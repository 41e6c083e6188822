// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${NAME}` references are what these tests are about.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './load.ts';
import { configPath } from './location.ts';
import { CONFIG_TEMPLATE } from './template.ts';

const dir = mkdtempSync(join(tmpdir(), 'sre-nanobot-config-'));
let n = 0;
function file(content: unknown): string {
  const path = join(dir, `config-${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The problem lines of a file that must fail. */
function problems(content: unknown, env: NodeJS.ProcessEnv = {}): string[] {
  const path = file(content);
  try {
    loadConfig({ path, env });
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.lines;
  }
  assert.fail('expected a ConfigError');
}

const load = (content: unknown, env: NodeJS.ProcessEnv = {}) =>
  loadConfig({ path: file(content), env }).config;

test('a missing default file means defaults; offline without an llm section', () => {
  const home = mkdtempSync(join(tmpdir(), 'sre-nanobot-home-'));
  const old = process.env.HOME;
  process.env.HOME = home;
  try {
    const loaded = loadConfig({ env: {} });
    assert.equal(loaded.found, false);
    assert.equal(loaded.file, join(home, '.sre-nanobot', 'config.json'));
    assert.equal(loaded.config.llm, null);
    assert.deepEqual(loaded.config.clusters, []);
    assert.equal(loaded.config.gateway.port, 8080);
    assert.deepEqual(loaded.config.gateway.groupBy, ['alertname', 'namespace']);
    assert.equal(loaded.config.dataDir, join(home, '.sre-nanobot'));
  } finally {
    process.env.HOME = old;
  }
});

test('the path comes from --config, else SRE_NANOBOT_CONFIG, else the default; only the default may be missing', () => {
  assert.equal(configPath('/a/b.json', { SRE_NANOBOT_CONFIG: '/c.json' }).path, '/a/b.json');
  assert.equal(configPath(undefined, { SRE_NANOBOT_CONFIG: '/c.json' }).path, '/c.json');
  assert.throws(
    () => loadConfig({ path: join(dir, 'nope.json'), env: {} }),
    /nope\.json \(from --config\) does not exist; create one with 'sre-nanobot config init --config/,
  );
  assert.throws(
    () => loadConfig({ env: { SRE_NANOBOT_CONFIG: join(dir, 'gone.json') } }),
    /\(from SRE_NANOBOT_CONFIG\) does not exist/,
  );
});

test('the file config init writes is valid', () => {
  const config = load(CONFIG_TEMPLATE);
  assert.equal(config.llm, null);
  assert.deepEqual(config.policy.denyNamespaces, ['kube-system']);
});

test('an unknown provider names the accepted ones, the value given, a suggestion and the file', () => {
  const path = file({ llm: { provider: 'openai2', model: 'm' } });
  assert.throws(
    () => loadConfig({ path, env: {} }),
    (err: ConfigError) =>
      err.lines.length === 1 &&
      err.lines[0] ===
        `llm.provider: expected one of openai-compatible, anthropic (or a preset: openai, deepseek, qwen, dashscope, moonshot, zhipu, openrouter, ollama, vllm), got "openai2"; did you mean "openai"? (in ${path})`,
  );
});

test('presets fill in the endpoint; the key comes from the file, the override or the conventional variable', () => {
  const fromPreset = load(
    { llm: { provider: 'deepseek', model: 'deepseek-chat' } },
    { DEEPSEEK_API_KEY: 'k1' },
  );
  assert.equal(fromPreset.llm?.provider, 'openai-compatible');
  assert.equal(fromPreset.llm?.preset, 'deepseek');
  assert.equal(fromPreset.llm?.baseUrl, 'https://api.deepseek.com/v1');
  assert.equal(fromPreset.llm?.apiKey, 'k1');
  assert.equal(fromPreset.llm?.maxSteps, 10);
  const anthropic = load({ llm: { provider: 'anthropic', model: 'claude', apiKey: 'a' } });
  assert.deepEqual([anthropic.llm?.provider, anthropic.llm?.baseUrl], ['anthropic', null]);
  const local = load({ llm: { provider: 'Ollama', model: 'qwen2.5:7b' } });
  assert.equal(local.llm?.baseUrl, 'http://127.0.0.1:11434/v1');
  assert.equal(local.llm?.apiKey, null);
  const overridden = load(
    { llm: { provider: 'deepseek', model: 'm', apiKey: 'file-key' } },
    { SRE_NANOBOT_LLM_API_KEY: 'env-key', SRE_NANOBOT_LLM_MODEL: 'deepseek-reasoner' },
  );
  assert.deepEqual([overridden.llm?.apiKey, overridden.llm?.model], ['env-key', 'deepseek-reasoner']);
});

test('a hosted provider without a key, and a bare openai-compatible without an endpoint, say what to write', () => {
  assert.match(
    problems({ llm: { provider: 'moonshot', model: 'm' } })[0],
    /^llm\.apiKey: provider "moonshot" needs an API key: write "apiKey": "\$\{MOONSHOT_API_KEY\}"/,
  );
  assert.match(
    problems({ llm: { provider: 'openai-compatible', model: 'm' } })[0],
    /^llm\.baseUrl: required for provider "openai-compatible"/,
  );
  assert.match(
    problems({ llm: { provider: 'vllm', model: 'm', baseUrl: 'localhost:8000' } })[0],
    /^llm\.baseUrl: expected an http\(s\) URL, got "localhost:8000"/,
  );
});

test('unknown keys are rejected with a did-you-mean and the keys known there', () => {
  const lines = problems({ promethues: {}, llm: { provider: 'ollama', model: 'm', api_key: 'x' } });
  assert.ok(
    lines.some((l) => /^promethues: unknown key; did you mean "prometheus"\?/.test(l)),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((l) =>
      /^llm\.api_key: unknown key; did you mean "apiKey"\? \(known here: provider, baseUrl, apiKey/.test(l),
    ),
  );
  assert.match(
    problems({ clusters: [{ name: 'a', contxt: 'x' }] })[0],
    /^clusters\[0\]\.contxt: unknown key; did you mean "context"\?/,
  );
});

test('types, ranges and required fields: every problem at once, each with the value found', () => {
  const lines = problems({
    llm: { provider: 'ollama' },
    gateway: { port: 70000, host: '' },
    prometheus: { auth: { type: 'digest' }, timeoutMs: 'soon' },
    policy: { readOnly: 'yes' },
    clusters: {},
  });
  const text = lines.join('\n');
  for (const expected of [
    /llm\.model: required: the model name the provider serves/,
    /gateway\.port: must be at most 65535, got 70000/,
    /gateway\.host: must not be empty/,
    /prometheus\.auth\.type: expected one of bearer, basic, got "digest"/,
    /prometheus\.timeoutMs: expected a number, got "soon"/,
    /policy\.readOnly: expected true or false, got "yes"/,
    /clusters: expected a list, got \{\}/,
  ])
    assert.match(text, expected);
  assert.equal(lines.length, 7, text);
});

test('numbers and booleans from ${ENV} strings are accepted', () => {
  const config = load(
    { gateway: { port: '${PORT}' }, policy: { readOnly: '${RO:-true}' } },
    { PORT: '9191' },
  );
  assert.equal(config.gateway.port, 9191);
  assert.equal(config.policy.readOnly, true);
});

test('an unset variable names itself and the field; a field it explains is not reported twice', () => {
  const lines = problems({ llm: { provider: 'deepseek', model: 'm', apiKey: '${DEEPSEEK_API_KEY}' } });
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0], /^llm\.apiKey: environment variable DEEPSEEK_API_KEY is not set; export it/);
});

test('field checks: URLs, namespace names and protection rules, all reported together', () => {
  const lines = problems({
    prometheus: { url: 'ftp://p' },
    alertmanager: { url: 'http://' },
    llm: { provider: 'nope', model: 'm', baseUrl: 'localhost:1' },
    policy: { denyNamespaces: ['Kube_System'], protect: ['a/b/c'] },
  });
  const text = lines.join('\n');
  for (const expected of [
    /prometheus\.url: expected an http\(s\) URL, got "ftp:\/\/p"/,
    /alertmanager\.url: expected an http\(s\) URL/,
    /llm\.provider: expected one of/,
    /llm\.baseUrl: expected an http\(s\) URL, got "localhost:1"/,
    /policy\.denyNamespaces\[0\]: "Kube_System" is not a namespace name/,
    /policy\.protect\[0\]: 'a\/b\/c' is not a protection rule/,
  ])
    assert.match(text, expected);
  assert.equal(lines.length, 6, text);
});

test('cluster checks: unique names, existing kubeconfig files', () => {
  const text = problems({ clusters: [{ name: 'a', kubeconfig: './missing' }, { name: 'a' }] }).join('\n');
  assert.match(text, /clusters\[0\]\.kubeconfig: .*missing does not exist/);
  assert.match(text, /clusters\[1\]\.name: "a" is used by an earlier cluster/);
});

test('paths: ~ is the home folder, relative paths count from the config file', () => {
  const kubeconfig = join(dir, 'kc');
  writeFileSync(kubeconfig, '');
  const config = load({ clusters: [{ name: 'x', kubeconfig: './kc' }], dataDir: 'state' });
  assert.equal(config.clusters[0].kubeconfig, kubeconfig);
  assert.equal(config.dataDir, join(dir, 'state'));
});

test('environment overrides: URLs, the llm section from provider+model, and the variable named on error', () => {
  const config = load(
    {},
    {
      PROMETHEUS_URL: 'http://prom:9090',
      ALERTMANAGER_URL: 'http://am:9093',
      SRE_NANOBOT_LLM_PROVIDER: 'ollama',
      SRE_NANOBOT_LLM_MODEL: 'llama3.1',
    },
  );
  assert.equal(config.prometheus.url, 'http://prom:9090');
  assert.equal(config.alertmanager.url, 'http://am:9093');
  assert.equal(config.llm?.model, 'llama3.1');
  assert.equal(
    load({}, { SRE_NANOBOT_LLM_API_KEY: 'k' }).llm,
    null,
    'a key alone does not make an llm section',
  );
  assert.match(
    problems({}, { PROMETHEUS_URL: 'prom:9090' })[0],
    /^prometheus\.url: expected an http\(s\) URL, got "prom:9090" \(from PROMETHEUS_URL\)$/,
  );
});

test('unreadable files: bad JSON with its line and column, a non-object root', () => {
  assert.match(problems('{\n  "llm": { ,}\n}')[0], /is not valid JSON: .* at line 2, column 12$/);
  assert.match(problems('[1]')[0], /must hold a JSON object .*got a list/);
});

test('the error message is the first problem and a count of the rest', () => {
  const path = file({ llm: 1, gateway: 2 });
  assert.throws(
    () => loadConfig({ path, env: {} }),
    /\(and 1 more problem\(s\); run 'sre-nanobot config validate' to list them\)$/,
  );
});

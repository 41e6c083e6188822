import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenConfig, maskConfig, maskSecret, maskUrl } from './mask.ts';
import type { Config } from './types.ts';

test('long secrets keep their last four characters, short ones nothing', () => {
  assert.equal(maskSecret('sk-0123456789abcdefWXYZ'), '****WXYZ');
  assert.equal(maskSecret('short'), '****');
});

test('URLs lose their password and credential-looking query parameters', () => {
  assert.equal(
    maskUrl('https://me:hunter2@prom.example/api?token=abc&x=1'),
    'https://me:****@prom.example/api?token=****&x=1',
  );
  assert.equal(maskUrl('not a url'), 'not a url');
});

test('maskConfig hides every credential and nothing else', () => {
  const config = {
    clusters: [{ name: 'prod', kubeconfig: null, context: null }],
    prometheus: {
      url: 'http://u:pw@p:9090',
      auth: { type: 'bearer', token: 'prom-token-0123456789' },
      timeoutMs: 1,
    },
    alertmanager: { url: null, auth: { type: 'basic', username: 'am', password: 'secretpw' }, timeoutMs: 1 },
    llm: {
      provider: 'openai-compatible',
      baseUrl: 'https://api.deepseek.com/v1',
      apiKey: 'sk-live-0123456789abcdef',
      model: 'deepseek-chat',
      maxSteps: 1,
      maxTokens: 1,
      timeoutMs: 1,
    },
    policy: { readOnly: false, dryRun: false, allowNamespaces: [], denyNamespaces: [], protect: [] },
    gateway: {
      host: 'h',
      port: 1,
      auth: { type: 'bearer', token: 'gw' },
      maxBodyBytes: 1,
      groupBy: [],
      groupWindowSeconds: 1,
      retentionDays: 1,
    },
    dataDir: '/d',
  } satisfies Config;
  const masked = JSON.stringify(maskConfig(config));
  for (const secret of ['pw@', 'prom-token-0123456789', 'secretpw', 'sk-live-0123456789abcdef', '"gw"'])
    assert.ok(!masked.includes(secret), `${secret} leaked: ${masked}`);
  assert.ok(masked.includes('"username":"am"') && masked.includes('deepseek-chat'));
  const rows = new Map(flattenConfig(maskConfig(config)));
  assert.equal(rows.get('llm.apiKey'), '****cdef');
  assert.equal(rows.get('clusters[0].name'), 'prod');
  assert.equal(rows.get('alertmanager.url'), '(not set)');
  assert.equal(rows.get('policy.protect'), '[]');
});

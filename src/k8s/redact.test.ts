import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSensitiveName, LAST_APPLIED, redactSecrets } from './redact.ts';

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 'db',
    annotations: { [LAST_APPLIED]: '{"data":{"password":"aHVudGVyMg=="}}', team: 'sre' },
  },
  data: { password: Buffer.from('hunter2').toString('base64'), user: Buffer.from('app').toString('base64') },
  stringData: { extra: 'plain-value' },
};

test('a Secret keeps its keys and loses its values, including the last-applied copy', () => {
  const out = redactSecrets(secret);
  assert.deepEqual(out.data, { password: '<redacted: 7 bytes>', user: '<redacted: 3 bytes>' });
  assert.deepEqual(out.stringData, { extra: '<redacted: 11 bytes>' });
  assert.equal(out.metadata.annotations[LAST_APPLIED], '<redacted>');
  assert.equal(out.metadata.annotations.team, 'sre');
  assert.doesNotMatch(JSON.stringify(out), /aHVudGVyMg|hunter2|plain-value|YXBw/);
  assert.equal(secret.data.password, 'aHVudGVyMg==', 'the input is not changed');
});

test('a SecretList is masked even though its items carry no kind', () => {
  const list = { kind: 'SecretList', items: [{ metadata: { name: 'a' }, data: { k: 'c2VjcmV0' } }] };
  assert.deepEqual(redactSecrets(list).items[0].data, { k: '<redacted: 6 bytes>' });
});

test('a mixed List masks only its Secrets; other objects pass through unchanged', () => {
  const cm = { kind: 'ConfigMap', data: { a: '1' } };
  const out = redactSecrets<any>({ kind: 'List', items: [cm, { ...secret }] });
  assert.equal(out.items[0], cm);
  assert.equal(out.items[1].data.password, '<redacted: 7 bytes>');
  assert.equal(redactSecrets(cm), cm);
});

test('names of values that belong in a secret', () => {
  for (const n of ['DB_PASSWORD', 'api_key', 'GITHUB_TOKEN', 'client-secret', 'PRIVATE_KEY'])
    assert.ok(isSensitiveName(n), n);
  for (const n of ['LOG_LEVEL', 'PORT', 'DB_HOST']) assert.ok(!isSensitiveName(n), n);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issueCertificate } from '../../sandbox/runtime/certificates.ts';
import { keysOnly } from './redact.ts';

test('a Secret keeps its keys and never its values, nor the copy kubectl apply leaves', () => {
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'db',
      namespace: 'shop',
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"password":"c2VjcmV0"}}',
        team: 'a',
      },
    },
    data: { password: Buffer.from('secret').toString('base64') },
    stringData: { user: 'app' },
  };
  const kept = keysOnly(secret);
  assert.deepEqual(kept.keys, ['password', 'user']);
  assert.deepEqual(kept.metadata.annotations, { team: 'a' });
  const text = JSON.stringify(kept);
  assert.ok(!text.includes('c2VjcmV0') && !text.includes('"app"'), text);
});

test("a TLS Secret's certificate is read for its dates and names, then dropped", () => {
  const notBefore = Date.parse('2025-01-01T00:00:00Z');
  const notAfter = Date.parse('2025-04-01T00:00:00Z');
  const cert = issueCertificate({
    commonName: 'shop.example.com',
    dnsNames: ['shop.example.com', 'www.shop.example.com'],
    notBefore,
    notAfter,
  });
  const kept = keysOnly({
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/tls',
    metadata: { name: 'shop-tls', namespace: 'shop' },
    data: {
      'tls.crt': Buffer.from(cert.certPem).toString('base64'),
      'tls.key': Buffer.from(cert.keyPem).toString('base64'),
    },
  });
  assert.deepEqual(kept.certificate, {
    subject: 'shop.example.com',
    dnsNames: ['shop.example.com', 'www.shop.example.com'],
    notBefore,
    notAfter,
  });
  assert.ok(!JSON.stringify(kept).includes('PRIVATE KEY'));
});

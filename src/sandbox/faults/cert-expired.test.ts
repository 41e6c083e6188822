import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rt } from '../core/resources.ts';
import { issueCertificate } from '../runtime/certificates.ts';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const SECRET = rt('Secret');
const DAY = 86_400_000;

test('cert_expired: api-tls expires; restarting api-service does not clear it, renewing the secret does', async () => {
  const { id } = h.faults.inject({ type: 'cert_expired', namespace: 'production', target: 'ingress/api' });
  assert.equal(h.fault(id).target, 'ingress/api');
  const now = h.cluster.clock.now() / 1000;
  const text = h.metrics();
  const expiry = sample(text, 'certmanager_certificate_expiration_timestamp_seconds', {
    namespace: 'production',
    name: 'api-tls',
  })!;
  assert.ok(expiry < now, 'the certificate in the secret has expired');
  assert.equal(sample(text, 'probe_success', { namespace: 'production', host: 'api.shop.example.com' }), 0);
  assert.ok(sample(text, 'probe_ssl_earliest_cert_expiry', { host: 'api.shop.example.com' })! < now);

  const web = h.pods('production', 'web-frontend')[0].metadata.name;
  await h.waitFor('the frontend to reject the certificate', () =>
    h
      .logs('production', web)
      .some((l) => l.includes('upstream SSL certificate verify error: (10:certificate has expired)')),
  );
  const api = h.pods('production', 'api-service')[0].metadata.name;
  await h.waitFor('api-service to log rejected handshakes', () =>
    h
      .logs('production', api)
      .some((l) => /http: TLS handshake error from [\d.]+:\d+: remote error: tls: bad certificate/.test(l)),
  );
  assert.ok(h.runtime.traffic.service('production', 'web-frontend')!.errorRatio > 0.3);

  h.restart('production', 'api-service');
  await h.elapse(60);
  assert.equal(h.fault(id).status, 'active');

  const clock = h.cluster.clock.now();
  const renewed = issueCertificate({
    commonName: 'api.shop.example.com',
    dnsNames: [
      'api.shop.example.com',
      'api-service.production.svc',
      'api-service.production.svc.cluster.local',
    ],
    notBefore: clock - DAY,
    notAfter: clock + 90 * DAY,
  });
  h.cluster.store.mutate(SECRET, 'production', 'api-tls', (secret) => {
    secret.data = {
      'tls.crt': Buffer.from(renewed.certPem).toString('base64'),
      'tls.key': Buffer.from(renewed.keyPem).toString('base64'),
    };
  });
  await h.waitFor('cert_expired to clear', () => h.fault(id).status === 'cleared');
  const after = h.metrics();
  assert.ok(
    sample(after, 'certmanager_certificate_expiration_timestamp_seconds', {
      name: 'api-tls',
      namespace: 'production',
    })! >
      now + 80 * 86_400,
  );
  assert.equal(sample(after, 'probe_success', { namespace: 'production', host: 'api.shop.example.com' }), 1);
  assert.ok(h.runtime.traffic.service('production', 'web-frontend')!.errorRatio < 0.01);
});

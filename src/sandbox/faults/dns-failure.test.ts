import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Harness, histogramQuantile, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

test('dns_failure: CoreDNS stops answering; restarting the app does not clear it, restarting CoreDNS does', async () => {
  const { id, namespace, target } = h.faults.inject({ type: 'dns_failure' });
  assert.equal(namespace, 'kube-system');
  assert.equal(target, 'deployment/coredns');

  await h.waitFor('kube-dns to lose its endpoints', () => !h.runtime.dependencies.dnsHealthy(), 20_000);
  const text = h.metrics();
  assert.equal(
    sample(text, 'kube_endpoint_address_available', { namespace: 'kube-system', endpoint: 'kube-dns' }),
    0,
  );
  assert.ok(
    h.warnings('kube-system', 'Unhealthy').some((e) => String(e.message).includes('Readiness probe failed')),
  );
  const api = h.pods('production', 'api-service')[0].metadata.name;
  await h.waitFor('api-service to log lookup timeouts', () =>
    h
      .logs('production', api)
      .some((l) =>
        /dial tcp: lookup (postgres|redis)\.production\.svc\.cluster\.local on 10\.96\.0\.10:53: read udp 10\.244\.\d+\.\d+:\d+->10\.96\.0\.10:53: i\/o timeout/.test(
          l,
        ),
      ),
  );
  const coredns = h.pods('kube-system', 'coredns')[0].metadata.name;
  assert.ok(
    h.logs('kube-system', coredns).some((l) => l.includes('plugin/ready: Still waiting on: "kubernetes"')),
  );
  const before = h.metrics();
  await h.elapse(30);
  assert.ok(
    histogramQuantile(before, h.metrics(), 'production', 'api-service', 0.99) >= 5,
    'lookups time out after 5s',
  );

  h.restart('production', 'api-service');
  await h.elapse(60);
  assert.equal(h.fault(id).status, 'active');
  assert.equal(h.runtime.dependencies.dnsHealthy(), false);

  h.restart('kube-system', 'coredns');
  await h.waitFor('dns_failure to clear', () => h.fault(id).status === 'cleared', 20_000);
  assert.ok(h.runtime.dependencies.dnsHealthy());
  assert.ok(h.runtime.traffic.service('production', 'api-service')!.errorRatio < 0.01);
});

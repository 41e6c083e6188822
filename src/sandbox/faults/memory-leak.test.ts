import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

test('memory_leak: existing checkout pods grow until OOMKilled; scaling out does not clear it, a restart does', async () => {
  const leaking = h.pods('production', 'checkout').map((p) => p.metadata.name);
  const { id } = h.faults.inject({
    type: 'memory_leak',
    namespace: 'production',
    target: 'deployment/checkout',
    params: { minutesToOom: 3 },
  });
  const workingSet = (text: string) =>
    sample(text, 'container_memory_working_set_bytes', { pod: leaking[0] }) ?? 0;
  const first = workingSet(h.metrics());
  await h.elapse(60);
  const second = workingSet(h.metrics());
  assert.ok(second > first + 40 * 2 ** 20, `memory grows: ${first} → ${second}`);

  const killed = await h.waitFor('a leaking pod to be OOMKilled', () =>
    h
      .pods('production', 'checkout')
      .find((p) => p.status?.containerStatuses?.[0]?.lastState?.terminated?.reason === 'OOMKilled'),
  );
  assert.ok(leaking.includes(killed.metadata.name));
  assert.ok(h.logs('production', killed.metadata.name, true).some((l) => l.includes('heap usage high')));

  h.scale('Deployment', 'production', 'checkout', 3);
  await h.elapse(60);
  assert.equal(h.fault(id).status, 'active');

  h.restart('production', 'checkout');
  await h.waitFor('memory_leak to clear', () => h.fault(id).status === 'cleared', 20_000);
  const fresh = h.pods('production', 'checkout');
  assert.ok(fresh.every((p) => !leaking.includes(p.metadata.name)));
  const a = h.metrics();
  await h.elapse(120);
  const b = h.metrics();
  const name = fresh[0].metadata.name;
  const grew =
    (sample(b, 'container_memory_working_set_bytes', { pod: name }) ?? 0) -
    (sample(a, 'container_memory_working_set_bytes', { pod: name }) ?? 0);
  assert.ok(grew < 20 * 2 ** 20, `new pods do not leak (grew ${grew} bytes)`);
});

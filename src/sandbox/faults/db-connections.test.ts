import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rt } from '../core/resources.ts';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const connections = (text: string) =>
  ['active', 'idle', 'idle in transaction'].reduce(
    (n, state) =>
      n +
      (sample(text, 'pg_stat_activity_count', { namespace: 'production', service: 'postgres', state }) ?? 0),
    0,
  );
const exhausted = () => h.runtime.databases.postgres('production', 'postgres').exhausted;

test('db_connections_exhausted: api-service leaks connections; restarting postgres does not clear it, restarting the client does', async () => {
  const healthy = h.metrics();
  assert.ok(connections(healthy) < 60, `baseline ${connections(healthy)} connections`);
  const { id, params } = h.faults.inject({ type: 'db_connections_exhausted', namespace: 'production' });
  assert.equal(params.client, 'api-service');

  await h.waitFor('max_connections to be reached', exhausted, 20_000);
  const text = h.metrics();
  const max = sample(text, 'pg_settings_max_connections', { namespace: 'production', service: 'postgres' })!;
  const reserved = sample(text, 'pg_settings_superuser_reserved_connections', {
    namespace: 'production',
    service: 'postgres',
  })!;
  assert.ok(connections(text) > max - reserved, `${connections(text)} of ${max} connections`);
  const payments = h.pods('production', 'payment-service')[0].metadata.name;
  await h.waitFor('clients to log refused connections', () =>
    h.logs('production', payments).some((l) => l.includes('sorry, too many clients already')),
  );
  await h.waitFor('postgres to log them too', () =>
    h.logs('production', 'postgres-0').some((l) => /FATAL: {2}sorry, too many clients already/.test(l)),
  );
  assert.ok(h.runtime.traffic.service('production', 'payment-service')!.errorRatio > 0.3);

  h.deletePod('production', 'postgres-0');
  await h.waitFor('postgres to come back', () => {
    const pod = h.cluster.store.get(rt('Pod'), 'production', 'postgres-0');
    return pod?.status?.containerStatuses?.[0]?.ready && !exhausted();
  });
  await h.waitFor('the leak to exhaust postgres again', exhausted, 20_000);
  assert.equal(h.fault(id).status, 'active');

  h.restart('production', 'api-service');
  await h.waitFor('db_connections_exhausted to clear', () => h.fault(id).status === 'cleared', 20_000);
  await h.elapse(120);
  assert.ok(!exhausted());
  assert.ok(connections(h.metrics()) < 60);
});

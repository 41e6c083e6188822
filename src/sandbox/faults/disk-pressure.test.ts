import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rt } from '../core/resources.ts';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const node = 'node-3';
const condition = (type: string) =>
  (h.cluster.store.get(rt('Node'), undefined, node)?.status?.conditions ?? []).find(
    (c: any) => c.type === type,
  );
const podsOn = () =>
  h.cluster.store
    .list(rt('Pod'))
    .filter(
      (p) => p.spec?.nodeName === node && !p.metadata.deletionTimestamp && p.status?.phase === 'Running',
    );

test('disk_pressure: DiskPressure on the node; deleting a pod does not clear it, a drain does', async () => {
  const { id } = h.faults.inject({ type: 'disk_pressure', target: `node/${node}` });
  await h.waitFor('DiskPressure=True', () => condition('DiskPressure')?.status === 'True', 20_000);
  const text = h.metrics();
  assert.equal(
    sample(text, 'kube_node_status_condition', { node, condition: 'DiskPressure', status: 'true' }),
    1,
  );
  const size = sample(text, 'node_filesystem_size_bytes', { node, mountpoint: '/' })!;
  const avail = sample(text, 'node_filesystem_avail_bytes', { node, mountpoint: '/' })!;
  assert.ok(avail / size < 0.1, `avail ${avail} of ${size}`);
  assert.ok(h.cluster.store.list(rt('Event')).some((e) => e.reason === 'FreeDiskSpaceFailed'));

  const victim = podsOn().find((p) => !p.metadata.ownerReferences?.some((o) => o.kind === 'DaemonSet'));
  if (victim) h.deletePod(victim.metadata.namespace!, victim.metadata.name);
  await h.elapse(60);
  assert.equal(h.fault(id).status, 'active');
  assert.equal(condition('DiskPressure')?.status, 'True');

  h.drain(node);
  await h.waitFor('disk_pressure to clear', () => h.fault(id).status === 'cleared', 20_000);
  assert.notEqual(condition('DiskPressure')?.status, 'True');
  const after = h.metrics();
  assert.ok(sample(after, 'node_filesystem_avail_bytes', { node, mountpoint: '/' })! / size > 0.3);
});

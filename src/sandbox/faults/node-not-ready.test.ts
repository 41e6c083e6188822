import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rt } from '../core/resources.ts';
import { type Harness, sample, startEstate } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startEstate();
});
after(() => h.stop());

const condition = (node: string, type: string) =>
  (h.cluster.store.get(rt('Node'), undefined, node)?.status?.conditions ?? []).find(
    (c: any) => c.type === type,
  );

test('node_not_ready: the node goes NotReady; restarting workloads does not clear it, cordon and drain do', async () => {
  const node = h.pods('production', 'api-service')[0].spec.nodeName;
  const { id } = h.faults.inject({ type: 'node_not_ready', target: `node/${node}` });
  assert.equal(h.fault(id).namespace, undefined);

  await h.waitFor('the node to go NotReady', () => condition(node, 'Ready')?.status === 'Unknown', 20_000);
  const taints = h.cluster.store.get(rt('Node'), undefined, node)!.spec.taints ?? [];
  assert.ok(taints.some((t: any) => t.key === 'node.kubernetes.io/unreachable'));
  const text = h.metrics();
  assert.equal(
    sample(text, 'kube_node_status_condition', { node, condition: 'Ready', status: 'unknown' }),
    1,
  );
  assert.equal(
    sample(text, 'node_memory_MemTotal_bytes', { node }),
    undefined,
    'the hung node cannot be scraped',
  );
  await h.waitFor('its pods to turn unready', () =>
    h.cluster.store
      .list(rt('Pod'))
      .filter(
        (p) => p.spec?.nodeName === node && !p.metadata.ownerReferences?.some((o) => o.kind === 'DaemonSet'),
      )
      .every((p) =>
        (p.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'False'),
      ),
  );

  h.restart('production', 'api-service');
  await h.elapse(120);
  assert.equal(h.fault(id).status, 'active');
  assert.equal(condition(node, 'Ready')?.status, 'Unknown');

  h.drain(node);
  await h.waitFor('node_not_ready to clear', () => h.fault(id).status === 'cleared', 20_000);
  assert.equal(condition(node, 'Ready')?.status, 'True');
  assert.equal(h.cluster.store.get(rt('Node'), undefined, node)!.spec.unschedulable, true, 'still cordoned');
  assert.ok(h.cluster.store.list(rt('Event')).some((e) => e.reason === 'Rebooted' && e.type === 'Warning'));
  h.cordon(node, false);
  assert.ok((sample(h.metrics(), 'node_memory_MemTotal_bytes', { node }) ?? 0) > 0);
});

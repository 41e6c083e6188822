import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordEvent } from '../core/events.ts';
import { EVENTS, NODES } from './kinds.ts';
import { startTestCluster, waitFor } from './testkit.ts';

test('events expire an hour after they were last seen; snapshot events stay', async (t) => {
  const { cluster, stop } = startTestCluster({ speed: 20_000, nodes: 1 });
  t.after(stop);
  const { store } = cluster;
  const node = store.mustGet(NODES, undefined, 'node-1');
  const old = recordEvent(store, {
    involved: node,
    type: 'Warning',
    reason: 'Rebooted',
    message: 'Node node-1 has been rebooted',
    component: 'kubelet',
  });
  const kept = recordEvent(store, {
    involved: node,
    type: 'Normal',
    reason: 'FromSnapshot',
    message: 'kept as given',
    component: 'kubelet',
  });
  store.freeze(kept);
  await waitFor('expired', () => !store.get(EVENTS, 'default', old.metadata.name));
  assert.ok(cluster.clock.now() - Date.parse(old.lastTimestamp as string) >= 60 * 60_000);
  assert.ok(store.get(EVENTS, 'default', kept.metadata.name));
});

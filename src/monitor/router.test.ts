import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monitorOptions } from './options.ts';
import { createRouter } from './router.ts';
import { alert, at, resolvedOf } from './testkit.ts';

const router = createRouter(monitorOptions({ groupWindowSeconds: 300, newIncidentId: () => 'INC-new' }));
const crash = alert({ alertname: 'KubePodCrashLooping', namespace: 'prod', pod: 'api-7d4b9c6f8-x2x9q' });
const settled = {
  byFingerprint: new Map([
    [crash.fingerprint, { incidentId: 'INC-1', status: 'resolved' as const, lastAlertAt: at(1) }],
  ]),
  byKey: new Map(),
  followersByKey: new Map(),
};

test('a resolved notice arriving after its incident settled stays with that incident', () => {
  const decision = router.route([resolvedOf(crash)], settled, at(3_600));
  assert.equal(decision.assignments[0].incidentId, 'INC-1');
  assert.deepEqual(decision.opened, []);
});

test('the same alert firing again after the window opens a new incident', () => {
  const decision = router.route([{ ...crash, startsAt: at(3_500) }], settled, at(3_600));
  assert.equal(decision.assignments[0].incidentId, 'INC-new');
});

test('a node incident opening after its pods opened incidents of their own is linked to them, settled ones aside', () => {
  const notReady = alert({ alertname: 'KubeNodeNotReady', node: 'worker-2', severity: 'critical' });
  const podOnNode = alert({
    alertname: 'KubePodNotReady',
    namespace: 'prod',
    pod: 'api-7d4b9c6f8-x2x9q',
    node: 'worker-2',
  });
  assert.deepEqual(
    router.keysOf(podOnNode).filter((k) => k.key.startsWith('node:')),
    [{ key: 'node:worker-2', opens: false }],
  );
  const candidate = (incidentId: string, status: 'open' | 'resolved' | 'analyzing') => ({
    incidentId,
    status,
    lastAlertAt: at(1),
  });
  const decision = router.route(
    [notReady],
    {
      byFingerprint: new Map(),
      byKey: new Map(),
      followersByKey: new Map([
        [
          'node:worker-2',
          [candidate('INC-1', 'open'), candidate('INC-2', 'resolved'), candidate('INC-3', 'analyzing')],
        ],
      ]),
    },
    at(10),
  );
  assert.equal(decision.opened[0].id, 'INC-new');
  assert.deepEqual(decision.links, [
    { incidentId: 'INC-1', cause: 'INC-new', key: 'node:worker-2' },
    { incidentId: 'INC-3', cause: 'INC-new', key: 'node:worker-2' },
  ]);

  const pods = router.route([podOnNode], { ...settled, byFingerprint: new Map() }, at(10));
  assert.deepEqual(pods.assignments[0].follows, ['node:worker-2'], 'the pod records the node it follows');
  assert.deepEqual(pods.links, []);
});

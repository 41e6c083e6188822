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

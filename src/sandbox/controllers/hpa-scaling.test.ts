import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeReplicas, type Recommendation } from './hpa-scaling.ts';

test('without spec.behavior: at most double (or 4) per step, capped at max', () => {
  const history: Recommendation[] = [];
  const up = normalizeReplicas({ raw: 8, current: 2, min: 2, max: 10, now: 0, history });
  assert.equal(up.replicas, 4);
  assert.deepEqual(up.limited, {
    status: 'True',
    reason: 'ScaleUpLimit',
    message: 'the desired replica count is increasing faster than the maximum scale rate',
  });
  const capped = normalizeReplicas({ raw: 24, current: 6, min: 2, max: 10, now: 15_000, history });
  assert.equal(capped.replicas, 10);
  assert.equal(capped.limited.reason, 'TooManyReplicas');
});

test('scale-down waits for the highest recommendation of the last five minutes; below min is TooFewReplicas', () => {
  const history: Recommendation[] = [{ at: 0, replicas: 6 }];
  const held = normalizeReplicas({ raw: 3, current: 6, min: 2, max: 10, now: 60_000, history });
  assert.equal(held.replicas, 6);
  assert.equal(held.ableToScale.reason, 'ScaleDownStabilized');
  const later = normalizeReplicas({
    raw: 1,
    current: 6,
    min: 2,
    max: 10,
    now: 400_000,
    history: [{ at: 0, replicas: 6 }],
  });
  assert.equal(later.replicas, 2);
  assert.deepEqual([later.ableToScale.reason, later.limited.reason], ['ReadyForNewScale', 'TooFewReplicas']);
});

test('with spec.behavior: policies and windows from the spec', () => {
  const behavior = {
    scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
    scaleDown: { stabilizationWindowSeconds: 0 },
  };
  const up = normalizeReplicas({ raw: 9, current: 3, min: 1, max: 10, now: 0, history: [], behavior });
  assert.deepEqual([up.replicas, up.limited.reason], [4, 'ScaleUpLimit']);
  const down = normalizeReplicas({ raw: 1, current: 3, min: 1, max: 10, now: 0, history: [], behavior });
  assert.deepEqual([down.replicas, down.limited.reason], [1, 'DesiredWithinRange']);
});

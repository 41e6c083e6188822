import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matchesRequirement, matchesSelector } from './selectors.ts';

describe('matchesSelector', () => {
  const selector = {
    matchLabels: { app: 'web' },
    matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'edge'] }],
  };

  test('matchLabels and matchExpressions must all hold', () => {
    assert.ok(matchesSelector(selector, { app: 'web', tier: 'front' }));
    assert.ok(!matchesSelector(selector, { app: 'web', tier: 'db' }));
    assert.ok(!matchesSelector(selector, { tier: 'front' }));
  });

  test('an empty selector matches everything, a missing one nothing', () => {
    assert.ok(matchesSelector({}, { any: 'thing' }));
    assert.ok(matchesSelector({}, undefined));
    assert.ok(!matchesSelector(undefined, {}));
    assert.ok(!matchesSelector(null, {}));
  });

  test('malformed requirements match nothing instead of throwing', () => {
    assert.ok(!matchesSelector({ matchExpressions: [{ operator: 'Exists' }] }, { a: '1' }));
    assert.ok(!matchesSelector({ matchExpressions: ['x'] }, { a: '1' }));
    assert.ok(!matchesSelector({ matchExpressions: [{ key: 'a', operator: 'Near' }] }, { a: '1' }));
  });
});

describe('matchesRequirement', () => {
  test('every operator', () => {
    const labels = { zone: 'a', gen: '5' };
    assert.ok(matchesRequirement({ key: 'zone', operator: 'NotIn', values: ['b'] }, labels));
    assert.ok(matchesRequirement({ key: 'missing', operator: 'NotIn', values: ['b'] }, labels));
    assert.ok(matchesRequirement({ key: 'zone', operator: 'Exists' }, labels));
    assert.ok(matchesRequirement({ key: 'missing', operator: 'DoesNotExist' }, labels));
    assert.ok(matchesRequirement({ key: 'gen', operator: 'Gt', values: ['4'] }, labels));
    assert.ok(!matchesRequirement({ key: 'gen', operator: 'Lt', values: ['5'] }, labels));
    assert.ok(!matchesRequirement({ key: 'zone', operator: 'Gt', values: ['1'] }, labels));
  });
});

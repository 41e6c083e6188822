import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatLabelSelector, formatLabels, humanDuration, selectorString } from './format.ts';

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  const cases: [number, string][] = [
    [-3 * s, '<invalid>'],
    [-1.5 * s, '0s'],
    [0, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [3 * m + 20 * s, '3m20s'],
    [10 * m + 59 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [4 * h + 30 * m, '4h30m'],
    [8 * h + 5 * m, '8h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [8 * d, '8d'],
    [400 * d, '400d'],
    [730 * d, '2y'],
    [800 * d, '2y70d'],
    [9 * 365 * d, '9y'],
  ];
  for (const [ms, text] of cases) it(`${ms} ms is ${text}`, () => assert.equal(humanDuration(ms), text));
});

describe('label formatting', () => {
  it('formats label maps in key order', () => {
    assert.equal(formatLabels({ tier: 'web', app: 'api' }), 'app=api,tier=web');
    assert.equal(formatLabels({}), '<none>');
  });

  it('formats selectors like LabelSelectorAsSelector().String()', () => {
    const selector = {
      matchLabels: { app: 'api' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'canary'] },
        { key: 'zone', operator: 'NotIn', values: ['b'] },
        { key: 'beta', operator: 'Exists' },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    };
    assert.equal(selectorString(selector), 'app=api,beta,env in (canary,prod),!legacy,zone notin (b)');
    assert.equal(selectorString(undefined), '');
    assert.equal(formatLabelSelector({}), '<none>');
  });
});

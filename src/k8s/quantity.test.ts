import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCpu, formatMemory, isQuantity, parseQuantity } from './quantity.ts';

test('parses CPU and memory quantities in every suffix', () => {
  const cases: [string, number][] = [
    ['250m', 0.25],
    ['2', 2],
    ['1.5', 1.5],
    ['1500000n', 0.0015],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['2e3', 2000],
    ['512Ki', 512 * 1024],
  ];
  for (const [text, value] of cases)
    assert.ok(Math.abs(parseQuantity(text) - value) < 1e-9, `${text} → ${parseQuantity(text)}`);
  assert.ok(Number.isNaN(parseQuantity('lots')));
  assert.ok(Number.isNaN(parseQuantity(undefined)));
  assert.ok(isQuantity('100m') && !isQuantity('100 m') && !isQuantity('1X'));
});

test('formats like kubectl top', () => {
  assert.equal(formatCpu(0.25), '250m');
  assert.equal(formatMemory(128 * 2 ** 20), '128Mi');
  assert.equal(formatMemory(1.5 * 2 ** 30), '1.5Gi');
  assert.equal(formatMemory(2 ** 31), '2Gi');
});

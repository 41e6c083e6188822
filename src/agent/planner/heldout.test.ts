import assert from 'node:assert/strict';
import { it } from 'node:test';
import { HELD_OUT, HELD_OUT_B, HELD_OUT_C, HELD_OUT_D, type HeldOutCase } from './heldout.cases.ts';
import { planOffline } from './index.ts';
import { assertValidCalls } from './table.ts';

/** Floor for the held-out hit rate; the rate itself is printed and reported, not tuned per sentence. */
const MIN_HIT_RATE = 0.8;

function hit(c: HeldOutCase): boolean {
  const plan = planOffline(c.input);
  assertValidCalls(plan);
  if (c.refuse) return plan.calls.length === 0 && Boolean(plan.question);
  try {
    assert.deepStrictEqual(plan.calls, c.calls);
  } catch {
    return false;
  }
  return c.note ? Boolean(plan.question) : plan.question === undefined;
}

for (const [name, cases] of [
  ['A', HELD_OUT],
  ['B', HELD_OUT_B],
  ['C', HELD_OUT_C],
  ['D', HELD_OUT_D],
] as const) {
  it(`plans at least ${MIN_HIT_RATE * 100}% of held-out list ${name} right`, () => {
    const misses = cases.filter((c) => !hit(c));
    const rate = (cases.length - misses.length) / cases.length;
    const report = misses
      .map((c) => `  ✗ ${c.input}\n    got ${JSON.stringify(planOffline(c.input))}`)
      .join('\n');
    console.log(
      `held-out ${name}: ${cases.length - misses.length}/${cases.length} (${(rate * 100).toFixed(1)}%)\n${report}`,
    );
    assert.ok(rate >= MIN_HIT_RATE, `held-out ${name} hit rate ${rate} below ${MIN_HIT_RATE}`);
  });
}

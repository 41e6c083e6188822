import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Limiter } from './limiter.ts';

test('never runs more than max tasks at once, and runs them all', async () => {
  const limiter = new Limiter(3);
  let running = 0;
  let peak = 0;
  const task = async (i: number) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setImmediate(r));
    running--;
    return i;
  };
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => limiter.run(() => task(i))));
  assert.deepEqual(
    results,
    Array.from({ length: 20 }, (_, i) => i),
  );
  assert.equal(peak, 3);
});

test('a failing task frees its slot', async () => {
  const limiter = new Limiter(1);
  await assert.rejects(
    limiter.run(async () => Promise.reject(new Error('boom'))),
    /boom/,
  );
  assert.equal(await limiter.run(async () => 'next'), 'next');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callKey, LoopGuard } from './loop-guard.ts';

const call = (tool: string, args: Record<string, unknown> = {}) => ({ tool, args });

test('the same call twice in a row stops the run', () => {
  const guard = new LoopGuard();
  assert.equal(guard.check(call('pods_list', { namespace: 'a', limit: 5 })), undefined);
  assert.match(
    guard.check(call('pods_list', { limit: 5, namespace: 'a' })) ?? '',
    /^stopped: the model asked for the same call \(pods_list \{"limit":5,"namespace":"a"\}\) twice in a row — it is looping/,
  );
});

test('a third time in one run stops it, even with other calls between', () => {
  const guard = new LoopGuard();
  for (const c of [call('a'), call('b'), call('a'), call('b')]) assert.equal(guard.check(c), undefined);
  assert.match(guard.check(call('a')) ?? '', /\(a \{\}\) 3 times/);
});

test('different arguments are different calls; key order does not matter', () => {
  const guard = new LoopGuard();
  assert.equal(guard.check(call('pods_log', { name: 'x' })), undefined);
  assert.equal(guard.check(call('pods_log', { name: 'y' })), undefined);
  assert.equal(
    callKey(call('t', { b: { d: 1, c: 2 }, a: [1] })),
    callKey(call('t', { a: [1], b: { c: 2, d: 1 } })),
  );
});

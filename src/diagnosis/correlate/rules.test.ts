import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PATTERNS } from '../patterns/index.ts';
import { EXPLAINS, RANK } from './rules.ts';

test('every pattern has a rank, and the tables name only known patterns', () => {
  const ids = new Set(PATTERNS.map((p) => p.id));
  assert.deepEqual(
    [...ids].filter((id) => !(id in RANK)),
    [],
  );
  for (const [cause, effects] of Object.entries(EXPLAINS)) {
    assert.ok(ids.has(cause), cause);
    for (const e of effects) assert.ok(ids.has(e), `${cause} → ${e}`);
  }
});

test('the same-object table has no cycle', () => {
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (node: string, path: string[]) => {
    if (done.has(node)) return;
    assert.ok(!visiting.has(node), `cycle: ${[...path, node].join(' → ')}`);
    visiting.add(node);
    for (const next of EXPLAINS[node] ?? []) if (next !== node) visit(next, [...path, node]);
    visiting.delete(node);
    done.add(node);
  };
  for (const node of Object.keys(EXPLAINS)) visit(node, []);
});

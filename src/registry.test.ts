import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertUniqueNames, uniquelyNamed } from './registry.ts';

test('a registry with two entries of one name is refused, naming the kind and the name', () => {
  assert.doesNotThrow(() => assertUniqueNames([{ name: 'a' }, { name: 'b' }], 'tool'));
  assert.throws(() => assertUniqueNames([{ name: 'a' }, { name: 'a' }], 'tool'), /^Error: duplicate tool a$/);
  assert.throws(
    () => assertUniqueNames([{ format: 'md' }, { format: 'md' }], 'report format', (r) => r.format),
    /duplicate report format md/,
  );
});

test('uniquelyNamed hands back the registry it checked', () => {
  const formats = [{ name: 'md' }, { name: 'html' }];
  assert.equal(uniquelyNamed(formats, 'report format'), formats);
  assert.throws(
    () => uniquelyNamed([{ name: 'md' }, { name: 'md' }], 'report format'),
    /duplicate report format md/,
  );
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RESOURCE_TYPES, rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { PRINTERS, toTable } from './index.ts';
import { meta, NOW } from './testkit.ts';

/** The cells of a one-object table, keyed by column name, wide ones included. */
describe('toTable', () => {
  const obj: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg'), data: { a: '1' } };

  it('is a meta.k8s.io/v1 Table with PartialObjectMetadata rows by default', () => {
    const table = toTable(rt('ConfigMap'), [obj], { now: NOW });
    assert.equal(table.kind, 'Table');
    assert.equal(table.apiVersion, 'meta.k8s.io/v1');
    assert.deepEqual(
      table.columnDefinitions.map((c) => [c.name, c.type, c.format, c.priority]),
      [
        ['Name', 'string', 'name', 0],
        ['Data', 'string', '', 0],
        ['Age', 'string', '', 0],
      ],
    );
    assert.deepEqual(table.rows[0].object, {
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: obj.metadata,
    });
  });

  it('carries the whole object or nothing when asked', () => {
    assert.equal(toTable(rt('ConfigMap'), [obj], { now: NOW, includeObject: 'Object' }).rows[0].object, obj);
    assert.ok(!('object' in toTable(rt('ConfigMap'), [obj], { now: NOW, includeObject: 'None' }).rows[0]));
  });

  it('gives every kind exactly one cell per column, even for a bare object', () => {
    for (const type of RESOURCE_TYPES) {
      const bare: KubeObject = { apiVersion: 'v1', kind: type.kind, metadata: { name: 'bare' } };
      const table = toTable(type, [bare], { now: NOW });
      assert.equal(table.rows[0].cells.length, table.columnDefinitions.length, type.kind);
      assert.ok(
        table.rows[0].cells.every((c) => c !== undefined && c !== null),
        type.kind,
      );
    }
    assert.ok(PRINTERS.length >= 25);
  });
});

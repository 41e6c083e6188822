// Shared by the table tests: a fixed clock and one-object tables read as {column: cell}.
import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { toTable } from './index.ts';

export const NOW = Date.parse('2025-05-01T12:00:00Z');
export const ago = (seconds: number) => `${new Date(NOW - seconds * 1000).toISOString().slice(0, 19)}Z`;
export const meta = (name: string, ageSeconds = 600, extra: Partial<KubeObject['metadata']> = {}) => ({
  name,
  namespace: 'prod',
  uid: `uid-${name}`,
  creationTimestamp: ago(ageSeconds),
  ...extra,
});

/** The cells of a one-object table, keyed by column name, wide ones included. */
export function row(kind: string, obj: KubeObject): Record<string, unknown> {
  const table = toTable(rt(kind), [obj], { now: NOW });
  return Object.fromEntries(table.columnDefinitions.map((c, i) => [c.name, table.rows[0].cells[i]]));
}

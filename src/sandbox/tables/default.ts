import { parseTime } from '../core/clock.ts';
import { CREATED_AT, NAME } from './format.ts';
import type { Printer } from './types.ts';

/**
 * The API server's default table for kinds without a printer (Role, ClusterRole, LimitRange…):
 * NAME and CREATED AT, the creation time as RFC 3339.
 */
export const defaultPrinter: Printer = {
  kinds: [],
  columns: [NAME, CREATED_AT],
  cells(obj) {
    const created = parseTime(obj.metadata.creationTimestamp) ?? Date.parse('0001-01-01T00:00:00Z');
    return [obj.metadata.name, `${new Date(created).toISOString().slice(0, 19)}Z`];
  },
};

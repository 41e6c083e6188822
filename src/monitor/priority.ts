import { PRIORITIES, type Priority } from '../incidents/types.ts';
import type { Labels } from './labels.ts';

/** Alert `severity` values (lower-cased) and the priority each maps to; configurable through MonitorOptions. */
export const DEFAULT_SEVERITY_PRIORITY: Readonly<Record<string, Priority>> = {
  critical: 'P1',
  page: 'P1',
  emergency: 'P1',
  error: 'P2',
  high: 'P2',
  major: 'P2',
  warning: 'P3',
  warn: 'P3',
  medium: 'P3',
  minor: 'P3',
  info: 'P4',
  low: 'P4',
  none: 'P4',
};

/** What an alert without a known severity gets: worth a look, not a page. */
export const UNKNOWN_SEVERITY_PRIORITY: Priority = 'P3';

/** A `priority: P1…P4` label wins; else the severity's mapping; else P3. */
export function priorityOf(
  labels: Labels,
  mapping: Readonly<Record<string, Priority>> = DEFAULT_SEVERITY_PRIORITY,
): Priority {
  const explicit = labels.priority?.toUpperCase();
  if (PRIORITIES.some((p) => p === explicit)) return explicit as Priority;
  return mapping[(labels.severity ?? '').toLowerCase()] ?? UNKNOWN_SEVERITY_PRIORITY;
}

/** The more urgent of two priorities (P1 is the most urgent). */
export const higher = (a: Priority, b: Priority): Priority => (a <= b ? a : b);

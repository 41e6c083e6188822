import { parseTime } from '../core/clock.ts';
import type { TableColumnDefinition } from './types.ts';

// The API's own field documentation (ObjectMeta swagger docs), which the real printers use as descriptions.
const NAME_DOC =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
const CREATED_DOC =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

export const column = (
  name: string,
  description: string,
  type = 'string',
  priority = 0,
): TableColumnDefinition => ({
  name,
  type,
  format: '',
  description,
  priority,
});

export const wide = (name: string, description: string, type = 'string') =>
  column(name, description, type, 1);

export const NAME: TableColumnDefinition = { ...column('Name', NAME_DOC), format: 'name' };
export const AGE = column('Age', CREATED_DOC);
export const CREATED_AT = column('Created At', CREATED_DOC, 'date');
export const CONTAINERS = wide('Containers', 'Names of each container in the template.');
export const IMAGES = wide('Images', 'Images referenced by each container in the template.');

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration: `45s`, `3m20s`, `4h`, `2d3h`, `400d`, `3y20d`. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** translateTimestampSince: the age of a timestamp, `<unknown>` when there is none. */
export function since(timestamp: unknown, now: number): string {
  const ms = parseTime(timestamp);
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}

/** labels.FormatLabels: `a=1,b=2` in key order, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels?.[k]}`).join(',') : '<none>';
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** LabelSelectorAsSelector(...).String(): requirements sorted by key, `""` for none. */
export function selectorString(selector: LabelSelector | undefined): string {
  const requirements: [string, string][] = [];
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {}))
    requirements.push([key, `${key}=${value}`]);
  for (const { key, operator, values = [] } of selector?.matchExpressions ?? []) {
    const list = [...values].sort().join(',');
    const text: Record<string, string> = {
      In: `${key} in (${list})`,
      NotIn: `${key} notin (${list})`,
      Exists: key,
      DoesNotExist: `!${key}`,
    };
    requirements.push([key, text[operator] ?? `${key} ${operator} (${list})`]);
  }
  return requirements
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, text]) => text)
    .join(',');
}

/** metav1.FormatLabelSelector: like selectorString, `<none>` when it selects by nothing. */
export const formatLabelSelector = (selector: LabelSelector | undefined) =>
  selectorString(selector) || '<none>';

/** layoutContainerCells: container names and images, comma separated. */
export function containerCells(
  containers: { name?: string; image?: string }[] | undefined,
): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}

/** `a,b,c + 2 more...` for lists the printers cut at a few items. */
export function listWithMore(items: string[], max: number, empty: string, separator = ','): string {
  if (items.length > max) return `${items.slice(0, max).join(separator)} + ${items.length - max} more...`;
  return items.length ? items.join(separator) : empty;
}

/** Quantities print as written (`10Gi`, `500m`); a bare number prints as its digits. */
export const quantity = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value);

/** printBool: Go's %t capitalised the way kubectl prints booleans in cells. */
export const printBool = (value: unknown): string => (value ? 'True' : 'False');

import { table } from '../mcp/format/table.ts';
import type { Labels, QueryResult, SamplePair } from './prometheus.ts';
import type { Unit } from './queries/canned.ts';

/** Rows shown before "… N more; pass full=true". */
export const TOP_N = 20;
const MAX_COLUMNS = 4;

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Three significant digits, no exponent for everyday magnitudes. */
const sig = (x: number): string => {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e6 || abs < 1e-4) return x.toPrecision(3);
  return String(Number(x.toPrecision(3)));
};

/** A value with its unit, scaled for reading: `245 ms`, `1.5 GiB`, `0.12 cores`, `3.4%`. */
export function formatValue(value: number, unit: Unit = 'none'): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  switch (unit) {
    case 'seconds': {
      const abs = Math.abs(value);
      if (abs === 0) return '0 s';
      if (abs < 1e-3) return `${sig(value * 1e6)} µs`;
      if (abs < 1) return `${sig(value * 1e3)} ms`;
      if (abs < 120) return `${sig(value)} s`;
      if (abs < 7200) return `${sig(value / 60)} min`;
      if (abs < 172_800) return `${sig(value / 3600)} h`;
      return `${sig(value / 86_400)} d`;
    }
    case 'bytes': {
      let v = value;
      let i = 0;
      while (Math.abs(v) >= 1024 && i < IEC.length - 1) {
        v /= 1024;
        i++;
      }
      return `${sig(v)} ${IEC[i]}`;
    }
    case 'cores':
      return `${sig(value)} cores`;
    case 'ratio':
      return `${sig(value * 100)}%`;
    case 'requests/s':
      return `${sig(value)} req/s`;
    case 'per-second':
      return `${sig(value)}/s`;
    default:
      return sig(value);
  }
}

/**
 * A unit read off the query text, for raw queries: `_bytes` → bytes; latency quantiles and `_seconds`
 * gauges → seconds; rates of `_seconds_total` → cores (seconds per second); other rates → per second.
 */
export function guessUnit(promql: string): Unit {
  const q = promql.replace(/\s+/g, '');
  const isRate = /\b(i?rate|deriv)\(/.test(q);
  if (/histogram_quantile\(/.test(q)) return /_seconds_bucket\b/.test(q) ? 'seconds' : 'none';
  // A quotient's unit is its own; only a name that says "ratio" tells it.
  if (q.includes('/')) return /ratio/.test(q) ? 'ratio' : 'none';
  if (/_bytes(_total)?\b/.test(q)) return isRate ? 'per-second' : 'bytes';
  if (/_seconds_total\b/.test(q)) return isRate ? 'cores' : 'seconds';
  if (/_(timestamp|time)_seconds\b/.test(q)) return q.includes('time()') ? 'seconds' : 'none';
  if (/_seconds\b/.test(q)) return 'seconds';
  if (/ratio/.test(q)) return 'ratio';
  return isRate ? 'per-second' : 'none';
}

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().replace(/\.000Z$/, 'Z');

const labelText = (labels: Labels, keys?: string[]) =>
  `{${(keys ?? Object.keys(labels))
    .filter((k) => labels[k] !== undefined)
    .map((k) => `${k}="${labels[k]}"`)
    .join(', ')}}`;

interface Row {
  labels: Labels;
  values: number[];
}

const stats = (values: number[]) => {
  const real = values.filter((v) => !Number.isNaN(v));
  if (!real.length) return undefined;
  return {
    min: Math.min(...real),
    max: Math.max(...real),
    avg: real.reduce((a, b) => a + b, 0) / real.length,
  };
};

/** The labels whose values differ between rows (all of them for one row), and those every row shares. */
function splitLabels(rows: Row[]): { varying: string[]; common: Labels } {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.labels)))].sort((a, b) =>
    a === '__name__' ? -1 : b === '__name__' ? 1 : a.localeCompare(b),
  );
  if (rows.length === 1) return { varying: keys, common: {} };
  const common: Labels = {};
  const varying: string[] = [];
  for (const k of keys) {
    const first = rows[0].labels[k];
    if (first !== undefined && rows.every((r) => r.labels[k] === first)) common[k] = first;
    else varying.push(k);
  }
  return { varying, common };
}

export interface SummaryOptions {
  unit?: Unit;
  /** Row labels in display order (canned queries know them); otherwise the labels that vary. */
  by?: string[];
  /** Every series, and every point of a range; otherwise the top rows and per-series statistics. */
  full?: boolean;
  /** The query kept its own order (sort, topk): do not re-sort by value. */
  keepOrder?: boolean;
}

/**
 * A query result as a chat window wants it: how many series, min/max/avg across them, a compact
 * table of the largest, and a line saying how to get the rest.
 */
export function summarize(result: QueryResult, options: SummaryOptions = {}): string {
  const unit = options.unit ?? 'none';
  const fmt = (v: number) => formatValue(v, unit);
  if (result.resultType === 'scalar' || result.resultType === 'string') {
    const [t, v] = result.result;
    return `${result.resultType} ${result.resultType === 'scalar' ? fmt(Number(v)) : JSON.stringify(v)} at ${iso(t)}`;
  }
  const matrix = result.resultType === 'matrix';
  const rows: Row[] =
    result.resultType === 'vector'
      ? result.result.map((s) => ({ labels: s.metric, values: [Number(s.value[1])] }))
      : result.result.map((s) => ({ labels: s.metric, values: s.values.map((p) => Number(p[1])) }));
  if (!rows.length) return 'no series matched';

  const last = (r: Row) => r.values[r.values.length - 1];
  if (!options.keepOrder) rows.sort((a, b) => order(last(b)) - order(last(a)));
  const all = stats(rows.flatMap((r) => r.values));
  const points = matrix ? pointsLine(result.result.map((s) => s.values)) : '';
  const head = [
    `${rows.length} series${points}${unit !== 'none' ? ` · unit ${unit}` : ''}`,
    all
      ? `min ${fmt(all.min)} · max ${fmt(all.max)} · avg ${fmt(all.avg)}`
      : 'every value is NaN (no data in the window)',
  ].join('\n');

  const { varying, common } = splitLabels(rows);
  const columns = options.by ?? varying;
  const wide = columns.length > MAX_COLUMNS;
  const headers = [...(wide ? ['series'] : columns.map((c) => (c === '__name__' ? 'metric' : c)))];
  const shown = options.full ? rows : rows.slice(0, TOP_N);
  const cells = shown.map((r) => {
    const id = wide ? [labelText(r.labels, columns)] : columns.map((c) => r.labels[c] ?? '');
    if (!matrix) return [...id, fmt(r.values[0])];
    const s = stats(r.values);
    return [...id, fmt(last(r)), ...(s ? [fmt(s.min), fmt(s.max), fmt(s.avg)] : ['NaN', 'NaN', 'NaN'])];
  });
  const valueHeaders = matrix ? ['last', 'min', 'max', 'avg'] : ['value'];
  const lines = [head];
  if (!options.by && Object.keys(common).length) lines.push(`common labels: ${labelText(common)}`);
  lines.push(table([...headers, ...valueHeaders], cells));
  if (rows.length > shown.length)
    lines.push(`… ${rows.length - shown.length} more series; pass full=true for all, or narrow the query`);
  if (options.full && matrix) lines.push(...result.result.map((s) => pointList(s.metric, s.values, fmt)));
  return lines.join('\n');
}

/** NaN sorts last. */
const order = (v: number) => (Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v);

function pointsLine(series: SamplePair[][]): string {
  const counts = series.map((s) => s.length);
  const times = series.flatMap((s) => [s[0]?.[0], s[s.length - 1]?.[0]]).filter((t) => t !== undefined);
  const from = Math.min(...times);
  const to = Math.max(...times);
  const n =
    Math.min(...counts) === Math.max(...counts)
      ? `${counts[0]}`
      : `${Math.min(...counts)}–${Math.max(...counts)}`;
  return ` · ${n} points each, ${iso(from)} → ${iso(to)}`;
}

function pointList(labels: Labels, values: SamplePair[], fmt: (v: number) => string): string {
  return `${labelText(labels)}:\n${values.map(([t, v]) => `  ${iso(t)}  ${fmt(Number(v))}`).join('\n')}`;
}

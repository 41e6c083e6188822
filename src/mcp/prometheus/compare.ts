import { z } from 'zod';
import type { Labels } from '../../prometheus/prometheus.ts';
import { durationMs } from '../../prometheus/queries/names.ts';
import { formatValue, guessUnit, TOP_N } from '../../prometheus/summarize.ts';
import { defaultStep, resolveTime, stepSeconds } from '../../prometheus/time.ts';
import { bounded } from '../format/bound.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { definePrometheusTool } from './define.ts';
import { duration, end, query, start, step } from './params.ts';
import { withWarnings } from './query.ts';

const labelKey = (m: Labels) =>
  Object.keys(m)
    .sort()
    .map((k) => `${k}=${m[k]}`)
    .join(',');

const change = (before: number | undefined, now: number | undefined) => {
  if (before === undefined || now === undefined)
    return { text: before === undefined ? 'new' : 'gone', rank: Infinity };
  if (before === 0) return { text: now === 0 ? '0%' : 'from 0', rank: now === 0 ? 0 : Infinity };
  const pct = ((now - before) / Math.abs(before)) * 100;
  return { text: `${pct >= 0 ? '+' : ''}${Number(pct.toPrecision(3))}%`, rank: Math.abs(pct) };
};

export const compareTimeRanges = definePrometheusTool({
  name: 'compare_time_ranges',
  title: 'Compare now with earlier',
  description:
    'The same PromQL now and `offset` ago (e.g. 1h, 1d, 7d), side by side per series with the change in percent, largest changes first. With start (and end), compares the average over that range with the same range shifted back by offset. The answer shows the PromQL it ran.',
  input: {
    query,
    offset: duration('How far back to compare, e.g. 1h, 1d or 7d.'),
    start: start.describe('Compare averages over [start, end] instead of single instants (e.g. -30m).'),
    end,
    step,
    full: z.boolean().optional().describe('Show every series, not only the 20 largest changes.'),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const now = Date.now();
    const offsetS = durationMs(args.offset) / 1000;
    const endS = resolveTime(args.end, now) ?? now / 1000;
    const startS = resolveTime(args.start, now);
    const range = startS === undefined ? undefined : Math.max(1, Math.round(endS - startS));
    const stepS =
      range === undefined
        ? 0
        : args.step === undefined
          ? defaultStep(endS - range, endS)
          : stepSeconds(args.step);
    const promql = range === undefined ? args.query : `avg_over_time((${args.query})[${range}s:${stepS}s])`;
    const [then, current] = await Promise.all([
      ctx.prometheus.query(promql, { time: endS - offsetS }),
      ctx.prometheus.query(promql, { time: endS }),
    ]);
    const vector = (d: typeof then.data) =>
      d.resultType === 'vector'
        ? d.result.map((s) => ({ metric: s.metric, value: Number(s.value[1]) }))
        : d.resultType === 'scalar'
          ? [{ metric: {}, value: Number(d.result[1]) }]
          : [];
    const before = new Map(vector(then.data).map((s) => [labelKey(s.metric), s]));
    const after = new Map(vector(current.data).map((s) => [labelKey(s.metric), s]));
    const keys = [...new Set([...after.keys(), ...before.keys()])];
    const unit = guessUnit(args.query);
    const rows = keys
      .map((k) => {
        const metric = (after.get(k) ?? before.get(k))?.metric ?? {};
        const b = before.get(k)?.value;
        const a = after.get(k)?.value;
        return { metric, b, a, change: change(b, a) };
      })
      .sort((x, y) => y.change.rank - x.change.rank);
    const when = range === undefined ? '' : ` (average over ${range}s)`;
    const header = `compare_time_ranges: now vs ${args.offset} ago${when}; ${rows.length} series`;
    const promqlLines = [
      `PromQL (then): ${promql} @ ${new Date((endS - offsetS) * 1000).toISOString()}`,
      `PromQL (now): ${promql} @ ${new Date(endS * 1000).toISOString()}`,
    ];
    if (!rows.length) return [`${header}: no data at either time`, ...promqlLines].join('\n');
    const labelNames = [...new Set(rows.flatMap((r) => Object.keys(r.metric)))].filter(
      (l) => new Set(rows.map((r) => r.metric[l])).size > 1 || rows.length === 1,
    );
    const shown = args.full ? rows : rows.slice(0, TOP_N);
    const fmt = (v: number | undefined) => (v === undefined ? '-' : formatValue(v, unit));
    const text = [
      header,
      table(
        [...(labelNames.length ? labelNames : ['series']), `${args.offset} ago`, 'now', 'change'],
        shown.map((r) => [
          ...(labelNames.length ? labelNames.map((l) => r.metric[l]) : ['{}']),
          fmt(r.b),
          fmt(r.a),
          r.change.text,
        ]),
      ),
      ...(rows.length > shown.length ? [`… ${rows.length - shown.length} more; pass full=true for all`] : []),
      ...promqlLines,
    ].join('\n');
    return bounded(withWarnings(text, [...then.warnings, ...current.warnings]), 'Narrow the query.');
  },
});

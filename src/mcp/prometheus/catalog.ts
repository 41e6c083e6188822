import { z } from 'zod';
import { resolveTime } from '../../prometheus/time.ts';
import { bounded } from '../format/bound.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { definePrometheusTool } from './define.ts';
import { end, limit, match, start, toList } from './params.ts';

const more = (total: number, shown: number, what: string) =>
  total > shown ? `\n… ${total - shown} more ${what}; raise limit or narrow with match/filter` : '';

const range = (args: { start?: string | number; end?: string | number }) => ({
  start: resolveTime(args.start),
  end: resolveTime(args.end),
});

const labelText = (labels: Record<string, string>) =>
  `${labels.__name__ ?? ''}{${Object.entries(labels)
    .filter(([k]) => k !== '__name__')
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ')}}`;

export const prometheusSeries = definePrometheusTool({
  name: 'prometheus_series',
  title: 'Find series',
  description:
    'List the series (label sets) that match selectors, e.g. match=kube_pod_info{namespace="production"}.',
  input: { match, start, end, limit: limit(100) },
  hints: READ_ONLY,
  async run(args, ctx) {
    const { data, warnings } = await ctx.prometheus.series(toList(args.match) ?? [], range(args));
    const max = args.limit ?? 100;
    const lines = data.slice(0, max).map(labelText);
    const head = `${data.length} series match ${toList(args.match)?.join(' or ')}`;
    const warn = warnings.map((w) => `\nwarning: ${w}`).join('');
    return bounded(
      `${head}\n${lines.join('\n')}${more(data.length, lines.length, 'series')}${warn}`,
      'Lower limit.',
    );
  },
});

export const prometheusLabels = definePrometheusTool({
  name: 'prometheus_labels',
  title: 'Label names',
  description: 'The label names Prometheus knows, optionally only those on series matching match.',
  input: { match: match.optional(), start, end },
  hints: READ_ONLY,
  async run(args, ctx) {
    const { data } = await ctx.prometheus.labels({ match: toList(args.match), ...range(args) });
    return `${data.length} label names: ${data.join(', ')}`;
  },
});

export const prometheusLabelValues = definePrometheusTool({
  name: 'prometheus_label_values',
  title: 'Label values',
  description:
    'The values of one label, e.g. label=namespace, label=service, label=pod with match=kube_pod_info{namespace="production"}.',
  input: {
    label: z.string().min(1).describe('Label name, e.g. namespace, service, pod, job.'),
    match: match.optional(),
    start,
    end,
    limit: limit(200),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const { data } = await ctx.prometheus.labelValues(args.label, {
      match: toList(args.match),
      ...range(args),
    });
    const shown = data.slice(0, args.limit ?? 200);
    return bounded(
      `${data.length} values of ${args.label}:\n${shown.join('\n')}${more(data.length, shown.length, 'values')}`,
      'Lower limit or pass match.',
    );
  },
});

const filterArg = z
  .string()
  .min(1)
  .optional()
  .describe('Only metric names containing this text, or matching it as a regex (e.g. "^kube_pod_").');

const matcherFor = (filter: string | undefined) => {
  if (!filter) return () => true;
  try {
    const re = new RegExp(filter, 'i');
    return (name: string) => re.test(name);
  } catch {
    return (name: string) => name.toLowerCase().includes(filter.toLowerCase());
  }
};

export const prometheusMetricsList = definePrometheusTool({
  name: 'prometheus_metrics_list',
  title: 'List metrics',
  description:
    'Metric names with their type and help text; filter narrows by text or regex. Start here to find what to query.',
  input: { filter: filterArg, limit: limit(200) },
  hints: READ_ONLY,
  async run(args, ctx) {
    const [names, meta] = await Promise.all([
      ctx.prometheus.labelValues('__name__'),
      ctx.prometheus
        .metadata()
        .catch(() => ({ data: {} as Record<string, { type: string; help: string }[]> })),
    ]);
    const keep = matcherFor(args.filter);
    const matching = names.data.filter(keep);
    const shown = matching.slice(0, args.limit ?? 200);
    const rows = shown.map((n) => {
      const m = meta.data[n]?.[0] ?? meta.data[n.replace(/_(bucket|sum|count)$/, '')]?.[0];
      return [n, m?.type ?? '', (m?.help ?? '').slice(0, 90)];
    });
    const head = `${matching.length} metrics${args.filter ? ` matching ${args.filter}` : ''} (of ${names.data.length})`;
    return bounded(
      `${head}\n${table(['name', 'type', 'help'], rows)}${more(matching.length, shown.length, 'metrics')}`,
      'Pass a filter.',
    );
  },
});

export const prometheusMetadata = definePrometheusTool({
  name: 'prometheus_metadata',
  title: 'Metric metadata',
  description:
    "A metric's type (counter, gauge, histogram, summary), unit and help text, as its exporter declares them.",
  input: {
    metric: z.string().min(1).optional().describe('Metric name; omit for all (bounded by limit).'),
    limit: limit(100),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const { data } = await ctx.prometheus.metadata({ metric: args.metric, limit: args.limit ?? 100 });
    const entries = Object.entries(data);
    if (!entries.length)
      return `no metadata${args.metric ? ` for ${args.metric}` : ''}: the name may be wrong (prometheus_metrics_list) or its exporter declares none`;
    const rows = entries.flatMap(([name, list]) => list.map((m) => [name, m.type, m.unit, m.help]));
    return bounded(table(['metric', 'type', 'unit', 'help'], rows), 'Name one metric.');
  },
});

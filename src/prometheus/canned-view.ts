import { table } from '../mcp/format/table.ts';
import type { Labels } from './prometheus.ts';
import type { CannedQuery } from './queries/canned.ts';
import { formatValue, TOP_N } from './summarize.ts';

export interface CannedAnswer {
  query: CannedQuery;
  samples: { metric: Labels; value: number }[];
  warnings?: string[];
}

export interface CannedViewOptions {
  /** First line, e.g. "pod_cpu_usage production/api-service-.*". */
  title: string;
  full?: boolean;
  /** Adds a column `first / second`, e.g. "% of limit". */
  share?: string;
  /** Keep the first query's order (it sorted itself). */
  keepOrder?: boolean;
  /** Said when the first query matched nothing: which names to check. */
  emptyHint: string;
}

const key = (labels: Labels, by: string[]) => by.map((l) => labels[l] ?? '').join('\u0000');

/**
 * Several instant queries over the same labels as one table: a row per series of the first query,
 * a column per query, then the PromQL of each. Nothing is hidden: the reader can rerun any of it.
 */
export function renderCanned(answers: CannedAnswer[], options: CannedViewOptions): string {
  const [first] = answers;
  const by = first.query.by;
  const promql = answers.map((a) => `PromQL (${a.query.column}): ${a.query.promql}`);
  const warnings = [...new Set(answers.flatMap((a) => a.warnings ?? []))].map((w) => `warning: ${w}`);
  const tail = [...promql, ...warnings];
  if (!first.samples.length) return [`${options.title}: no data — ${options.emptyHint}`, ...tail].join('\n');

  const lookups = answers.map((a) => new Map(a.samples.map((s) => [key(s.metric, by), s.value])));
  const rows = first.samples.map((s) => {
    const k = key(s.metric, by);
    const values = lookups.map((m) => m.get(k));
    return { labels: s.metric, values };
  });
  const order = (v: number | undefined) =>
    v === undefined || Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v;
  if (!options.keepOrder) rows.sort((a, b) => order(b.values[0]) - order(a.values[0]));

  const cell = (v: number | undefined, i: number) =>
    v === undefined ? '-' : Number.isNaN(v) ? 'NaN (no data)' : formatValue(v, answers[i].query.unit);
  const shareOf = (values: (number | undefined)[]) => {
    const [a, b] = values;
    return a === undefined || b === undefined || !b ? '-' : formatValue(a / b, 'ratio');
  };

  const shownLabels = by.filter((l) => first.samples.some((s) => s.metric[l] !== undefined));
  const headline = `${options.title} — ${first.query.what}`;
  if (rows.length === 1 && answers.length === 1) {
    const id = shownLabels.map((l) => rows[0].labels[l]).join('/');
    return [`${headline}: ${id ? `${id} ` : ''}${cell(rows[0].values[0], 0)}`, ...tail].join('\n');
  }
  const shown = options.full ? rows : rows.slice(0, TOP_N);
  const headers = [
    ...shownLabels,
    ...answers.map((a) => a.query.column),
    ...(options.share ? [options.share] : []),
  ];
  const cells = shown.map((r) => [
    ...shownLabels.map((l) => r.labels[l]),
    ...r.values.map(cell),
    ...(options.share ? [shareOf(r.values)] : []),
  ]);
  const more =
    rows.length > shown.length
      ? [`… ${rows.length - shown.length} more; pass full=true for all, or narrow with namespace/name`]
      : [];
  return [`${headline} (${rows.length} series)`, table(headers, cells), ...more, ...tail].join('\n');
}

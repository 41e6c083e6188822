import { type CannedViewOptions, renderCanned } from '../../prometheus/canned-view.ts';
import type { CannedQuery } from '../../prometheus/queries/canned.ts';
import { bounded } from '../format/bound.ts';
import type { PrometheusToolContext } from './context.ts';

/** Runs canned instant queries side by side and renders them with their PromQL. */
export async function runCanned(
  ctx: PrometheusToolContext,
  queries: CannedQuery[],
  options: CannedViewOptions,
): Promise<string> {
  const answers = await Promise.all(
    queries.map(async (query) => {
      const { data, warnings } = await ctx.prometheus.query(query.promql);
      const samples =
        data.resultType === 'vector'
          ? data.result.map((s) => ({ metric: s.metric, value: Number(s.value[1]) }))
          : [];
      return { query, samples, warnings };
    }),
  );
  return bounded(renderCanned(answers, options), 'Narrow with namespace or a name.');
}

/** `production/api-service`, `all namespaces`: what a canned query was scoped to, for its title. */
export const scopeText = (namespace: string | undefined, name: string | undefined) =>
  `${namespace ?? 'all namespaces'}${name ? `/${name}` : ''}`;

import { guessUnit, summarize } from '../../prometheus/summarize.ts';
import { defaultStep, resolveTime, stepSeconds } from '../../prometheus/time.ts';
import { bounded } from '../format/bound.ts';
import { READ_ONLY } from '../tool.ts';
import { definePrometheusTool } from './define.ts';
import { end, full, query, start, step, time } from './params.ts';

/** sort(), topk() and friends order their answer themselves. */
const ordersItself = (promql: string) => /\b(sort|sort_desc|topk|bottomk)\s*\(/.test(promql);

export const withWarnings = (text: string, warnings: string[]) =>
  warnings.length ? `${text}\n${warnings.map((w) => `warning: ${w}`).join('\n')}` : text;

const NARROW = 'Pass a narrower query (more label matchers, an aggregation) or a larger step.';

export const prometheusQuery = definePrometheusTool({
  name: 'prometheus_query',
  title: 'PromQL instant query',
  description:
    'Evaluate a PromQL expression at one instant (default now). The answer summarises the result for reading: number of series, min/max/avg, a table of the largest 20 with their distinguishing labels and guessed unit. Pass full=true for every series.',
  input: { query, time, full },
  hints: READ_ONLY,
  async run(args, ctx) {
    const at = resolveTime(args.time);
    const { data, warnings } = await ctx.prometheus.query(args.query, { time: at });
    const text = summarize(data, {
      unit: guessUnit(args.query),
      full: args.full,
      keepOrder: ordersItself(args.query),
    });
    return bounded(withWarnings(`PromQL: ${args.query}\n${text}`, warnings), NARROW);
  },
});

export const prometheusQueryRange = definePrometheusTool({
  name: 'prometheus_query_range',
  title: 'PromQL range query',
  description:
    'Evaluate a PromQL expression over a time range (default the last hour, about 60 points). The answer gives per series the last, min, max and average value; full=true adds every point.',
  input: { query, start, end, step, full },
  hints: READ_ONLY,
  async run(args, ctx) {
    const now = Date.now();
    const endS = resolveTime(args.end, now) ?? now / 1000;
    const startS = resolveTime(args.start, now) ?? endS - 3600;
    const stepS = args.step === undefined ? defaultStep(startS, endS) : stepSeconds(args.step);
    const { data, warnings } = await ctx.prometheus.queryRange(args.query, {
      start: startS,
      end: endS,
      step: stepS,
    });
    const text = summarize(data, { unit: guessUnit(args.query), full: args.full });
    return bounded(withWarnings(`PromQL: ${args.query} (step ${stepS}s)\n${text}`, warnings), NARROW);
  },
});

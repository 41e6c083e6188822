import { z } from 'zod';
import { bounded } from '../format/bound.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { definePrometheusTool } from './define.ts';

const ago = (iso: string | undefined, now = Date.now()) => {
  if (!iso || iso.startsWith('0001-')) return 'never';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return s < 120 ? `${s}s ago` : s < 7200 ? `${Math.round(s / 60)}m ago` : `${Math.round(s / 3600)}h ago`;
};

const keyLabels = (labels: Record<string, string>) =>
  Object.entries(labels)
    .filter(([k]) => k !== 'alertname')
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

export const prometheusTargets = definePrometheusTool({
  name: 'prometheus_targets',
  title: 'Scrape targets',
  description:
    'What Prometheus scrapes and whether each target is up, with the last scrape time, duration and error.',
  input: {
    job: z.string().min(1).optional().describe('Only targets of this job.'),
    health: z.enum(['up', 'down', 'unknown']).optional().describe('Only targets in this health.'),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const { data } = await ctx.prometheus.targets('active');
    const targets = data.activeTargets.filter(
      (t) => (!args.job || t.labels.job === args.job) && (!args.health || t.health === args.health),
    );
    const up = targets.filter((t) => t.health === 'up').length;
    const rows = targets.map((t) => [
      t.labels.job,
      t.scrapeUrl,
      t.health,
      ago(t.lastScrape),
      `${Math.round(t.lastScrapeDuration * 1000)}ms`,
      t.lastError || '',
    ]);
    return bounded(
      `${targets.length} targets: ${up} up, ${targets.length - up} not up\n${table(['job', 'url', 'health', 'last scrape', 'took', 'error'], rows)}`,
      'Filter by job or health.',
    );
  },
});

export const prometheusRules = definePrometheusTool({
  name: 'prometheus_rules',
  title: 'Alerting and recording rules',
  description:
    'The rules Prometheus evaluates, by group: type, name, health, state (for alerts) and expression.',
  input: {
    type: z.enum(['alert', 'record']).optional().describe('Only alerting or only recording rules.'),
    filter: z.string().min(1).optional().describe('Only rules whose name contains this text.'),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const { data } = await ctx.prometheus.rules(args.type);
    const f = args.filter?.toLowerCase();
    const lines: string[] = [];
    let count = 0;
    for (const g of data.groups) {
      const rules = g.rules.filter((r) => !f || r.name.toLowerCase().includes(f));
      if (!rules.length) continue;
      lines.push(`group ${g.name} (${g.file}, every ${g.interval}s):`);
      for (const r of rules) {
        count++;
        const state =
          r.type === 'alerting' ? ` ${r.state}${r.alerts?.length ? ` ×${r.alerts.length}` : ''}` : '';
        const health = r.health === 'ok' ? '' : ` [${r.health}${r.lastError ? `: ${r.lastError}` : ''}]`;
        const holdFor = r.duration ? ` for ${r.duration}s` : '';
        lines.push(
          `  ${r.type === 'alerting' ? 'alert' : 'record'} ${r.name}${state}${health}: ${r.query}${holdFor}`,
        );
      }
    }
    if (!count) return `no rules${args.filter ? ` matching ${args.filter}` : ''} are loaded`;
    return bounded(`${count} rules\n${lines.join('\n')}`, 'Pass type or filter.');
  },
});

export const prometheusAlerts = definePrometheusTool({
  name: 'prometheus_alerts',
  title: 'Alerts in Prometheus',
  description:
    'Alerts Prometheus currently has pending or firing (before Alertmanager silences or groups them); alertmanager_alerts shows what notifies.',
  input: { state: z.enum(['firing', 'pending']).optional().describe('Only firing or only pending alerts.') },
  hints: READ_ONLY,
  async run(args, ctx) {
    const { data } = await ctx.prometheus.alerts();
    const alerts = data.alerts.filter((a) => !args.state || a.state === args.state);
    if (!alerts.length) return `no ${args.state ?? 'pending or firing'} alerts`;
    const rows = alerts.map((a) => [
      a.labels.alertname,
      a.state,
      ago(a.activeAt),
      a.value,
      keyLabels(a.labels),
    ]);
    return bounded(
      `${alerts.length} alerts\n${table(['alertname', 'state', 'active since', 'value', 'labels'], rows)}`,
      'Pass state.',
    );
  },
});

export const prometheusStatus = definePrometheusTool({
  name: 'prometheus_status',
  title: 'Prometheus status',
  description:
    'Version, uptime, config reload state, storage retention and the head block (series count and largest metrics).',
  input: {},
  hints: READ_ONLY,
  async run(_args, ctx) {
    const [build, runtime, tsdb] = await Promise.all([
      ctx.prometheus.buildInfo(),
      ctx.prometheus.runtimeInfo(),
      ctx.prometheus.tsdbStatus().catch(() => undefined),
    ]);
    const b = build.data;
    const r = runtime.data;
    const head = tsdb?.data.headStats;
    const biggest = (tsdb?.data.seriesCountByMetricName ?? []).slice(0, 5).map((m) => `${m.name} ${m.value}`);
    return [
      `Prometheus ${b.version} (revision ${b.revision}, ${b.goVersion}) at ${ctx.prometheus.url}`,
      `started ${r.startTime} (${ago(String(r.startTime))}); config reload ${r.reloadConfigSuccess ? 'succeeded' : 'FAILED'} at ${r.lastConfigTime}`,
      `retention ${r.storageRetention}; ${r.goroutineCount} goroutines`,
      ...(head ? [`head: ${head.numSeries} series, ${head.chunkCount} chunks`] : []),
      ...(biggest.length ? [`most series: ${biggest.join(', ')}`] : []),
    ].join('\n');
  },
});

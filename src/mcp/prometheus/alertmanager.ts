import { z } from 'zod';
import type { AmAlert, Silence } from '../../prometheus/alertmanager.ts';
import { describeMatchers, splitMatchers } from '../../prometheus/silences.ts';
import { bounded } from '../format/bound.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { alertmanagerOf } from './context.ts';
import { definePrometheusTool } from './define.ts';

const filter = z
  .union([z.string().min(1), z.array(z.string().min(1))])
  .optional()
  .describe(
    'Label matchers, e.g. alertname="HighErrorRate",namespace="production" or ["severity=~\\"critical|page\\""].',
  );

export const matcherList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).flatMap(splitMatchers);

const since = (iso: string) => iso.replace(/\.\d+Z$/, 'Z');

const otherLabels = (labels: Record<string, string>) =>
  Object.entries(labels)
    .filter(([k]) => !['alertname', 'namespace', 'severity'].includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

const stateOf = (a: AmAlert) =>
  a.status.silencedBy.length
    ? `silenced by ${a.status.silencedBy.join(', ')}`
    : a.status.inhibitedBy.length
      ? 'inhibited'
      : a.status.state;

export const alertmanagerAlerts = definePrometheusTool({
  name: 'alertmanager_alerts',
  title: 'Alerts in Alertmanager',
  description:
    'Alerts Alertmanager holds, with whether each notifies (active) or is silenced or inhibited and by which silence. silenced=false hides silenced ones; active=false hides the active ones.',
  input: {
    filter,
    silenced: z.boolean().optional().describe('Include silenced alerts (default true).'),
    active: z.boolean().optional().describe('Include active (notifying) alerts (default true).'),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const alerts = await alertmanagerOf(ctx).alerts({
      filter: matcherList(args.filter),
      silenced: args.silenced,
      active: args.active,
    });
    if (!alerts.length)
      return `no alerts${args.filter ? ` match ${matcherList(args.filter).join(', ')}` : ''}`;
    const rows = alerts.map((a) => [
      a.labels.alertname,
      a.labels.namespace,
      a.labels.severity,
      stateOf(a),
      since(a.startsAt),
      a.annotations.summary ?? otherLabels(a.labels),
    ]);
    const silenced = alerts.filter((a) => a.status.silencedBy.length).length;
    return bounded(
      `${alerts.length} alerts (${silenced} silenced)\n${table(['alertname', 'namespace', 'severity', 'state', 'since', 'summary'], rows)}`,
      'Pass a filter.',
    );
  },
});

export const silenceRow = (s: Silence) => [
  s.id,
  s.status.state,
  describeMatchers(s.matchers),
  since(s.endsAt),
  s.createdBy,
  s.comment,
];

export const alertmanagerSilencesList = definePrometheusTool({
  name: 'alertmanager_silences_list',
  title: 'List silences',
  description:
    'Silences in Alertmanager: id, state, matchers, end time, author and comment. Active and pending by default.',
  input: {
    filter,
    state: z
      .enum(['active', 'pending', 'expired', 'all'])
      .optional()
      .describe('active, pending, expired, or all (default: active and pending).'),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const all = await alertmanagerOf(ctx).silences(matcherList(args.filter));
    const silences = all.filter((s) =>
      args.state === 'all' ? true : args.state ? s.status.state === args.state : s.status.state !== 'expired',
    );
    if (!silences.length)
      return `no ${args.state ?? 'active or pending'} silences (${all.length} in all states)`;
    return bounded(
      `${silences.length} silences\n${table(['id', 'state', 'matchers', 'ends', 'created by', 'comment'], silences.map(silenceRow))}`,
      'Pass a filter or state.',
    );
  },
});

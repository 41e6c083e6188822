import { cue, said } from '../cues.ts';
import type { Segment } from '../segment.ts';
import { ordered } from './imperative.ts';
import { call, type Intent, question, type Request } from './intent.ts';

const quote = (v: string) => `"${v.replace(/(["\\])/g, '\\$1')}"`;

/** Alert label matchers said in the request: key=value pairs, the namespace, a severity word. */
function matcherList(req: Request): string[] {
  const s = req.seg.slots;
  const list = s.pairs.map((p) => `${p.key}${p.op}${quote(p.value)}`);
  if (s.namespace && !s.pairs.some((p) => p.key === 'namespace'))
    list.push(`namespace=${quote(s.namespace)}`);
  if (!s.pairs.some((p) => p.key === 'severity')) {
    if (/critical|严重|紧急|致命/.test(req.seg.low)) list.push('severity="critical"');
    else if (s.eventType === 'Warning') list.push('severity="warning"');
  }
  return list;
}

const listing = (seg: Segment) => cue(seg, 'read') || /有哪些|哪些|列表|清单/.test(seg.low);

const silencesList: Intent = {
  name: 'silences_list',
  tools: ['alertmanager_silences_list'],
  matches: (seg) =>
    cue(seg, 'silence') &&
    listing(seg) &&
    !/(?:被|已)静默的?\s*(?:告警|报警)|silenced\s+alerts/.test(seg.low) &&
    !seg.slots.pairs.length &&
    !seg.slots.durations.length &&
    !ordered(seg, 'expire'),
  plan: () => ({ calls: [call('alertmanager_silences_list')] }),
};

const silenceDelete: Intent = {
  name: 'silence_delete',
  tools: ['alertmanager_silence_delete'],
  matches: (seg) => (said(seg, 'silence') || seg.slots.silenceId !== undefined) && ordered(seg, 'expire'),
  plan(req) {
    const id =
      req.seg.slots.silenceId ??
      req.seg.slots.candidates.find((c) => /\d/.test(c.name) && c.name.length >= 6)?.name;
    if (!id) return question(req, 'silenceId');
    return { calls: [call('alertmanager_silence_delete', { id, dryRun: req.seg.slots.dryRun })] };
  },
};

/** Why, for the silence's comment: quoted words, "because …" / "因为 …", else the request itself. */
function commentOf(seg: Segment): string {
  if (seg.slots.quoted.length) return seg.slots.quoted.join(' ');
  const reason = /(?:because|due to|reason|comment|因为|由于|原因是?|备注)[:：]?\s*(.{3,})$/i.exec(seg.raw);
  if (reason && !/^\s*\d/.test(reason[1])) return reason[1].trim();
  return `sre-nanobot agent: ${seg.raw}`;
}

const silenceCreate: Intent = {
  name: 'silence_create',
  tools: ['alertmanager_silence_create'],
  matches: (seg) => ordered(seg, 'silence'),
  plan(req) {
    const s = req.seg.slots;
    const matchers: Record<string, string> = {};
    for (const p of s.pairs) if (p.op === '=') matchers[p.key] = p.value;
    if (!Object.keys(matchers).length) {
      // "静默 HighLatency 告警": a CamelCase word or a name next to the word alert is the alert's name.
      const named = req.names[0] ?? s.candidates.find((c) => /[A-Z]/.test(c.raw));
      if (named) matchers.alertname = named.raw;
    }
    if (s.namespace && !matchers.namespace) matchers.namespace = s.namespace;
    if (!Object.keys(matchers).length) return question(req, 'silenceMatchers');
    return {
      calls: [
        call('alertmanager_silence_create', {
          matchers,
          duration: s.durations[0]?.text,
          comment: commentOf(req.seg),
          dryRun: s.dryRun,
        }),
      ],
    };
  },
};

const simple = (name: string, tool: string, matches: (seg: Segment) => boolean): Intent => ({
  name,
  tools: [tool],
  matches,
  plan: () => ({ calls: [call(tool)] }),
});

const alerts: Intent = {
  name: 'alerts',
  tools: ['alertmanager_alerts', 'prometheus_alerts'],
  matches: (seg) => cue(seg, 'alert'),
  plan(req) {
    if (cue(req.seg, 'prometheus')) return { calls: [call('prometheus_alerts')] };
    const filter = matcherList(req);
    const low = req.seg.low;
    return {
      calls: [
        call('alertmanager_alerts', {
          filter: filter.length ? filter : undefined,
          silenced: /(?:被|已)静默|silenced/.test(low) ? true : undefined,
          active: /正在触发|触发中|活跃|active|firing|当前/.test(low) ? true : undefined,
        }),
      ],
    };
  },
};

export const SILENCE_INTENTS: readonly Intent[] = [silencesList, silenceDelete, silenceCreate];

const LABEL_VALUES =
  /values?\s+of\s+(?:the\s+)?([a-z_]\w*)\s+label|label\s+values?\s+(?:of|for)\s+(?:the\s+)?([a-z_]\w*)|([a-z_]\w*)\s*标签的(?:所有|全部)?(?:取)?值|标签\s*([a-z_]\w*)\s*的(?:所有|全部)?(?:取)?值/;

/** "values of the namespace label", "service 标签的值": prometheus_label_values; "which labels" → all. */
const labels: Intent = {
  name: 'labels',
  tools: ['prometheus_label_values', 'prometheus_labels'],
  matches: (seg) =>
    LABEL_VALUES.test(seg.low) ||
    (/(?<![\w-])labels(?![\w-])|标签名/.test(seg.low) && cue(seg, 'prometheus')),
  plan(req) {
    const m = LABEL_VALUES.exec(req.seg.low);
    const label = m && (m[1] ?? m[2] ?? m[3] ?? m[4]);
    return { calls: [label ? call('prometheus_label_values', { label }) : call('prometheus_labels')] };
  },
};

export const MONITORING_INTENTS: readonly Intent[] = [
  labels,
  simple('rules', 'prometheus_rules', (seg) => cue(seg, 'rules')),
  simple('targets', 'prometheus_targets', (seg) => cue(seg, 'targets')),
  simple(
    'metrics_list',
    'prometheus_metrics_list',
    (seg) => cue(seg, 'metricsList') && !seg.slots.candidates.length,
  ),
  simple('prometheus_status', 'prometheus_status', (seg) => cue(seg, 'prometheus') && cue(seg, 'health')),
  alerts,
  simple(
    'contexts',
    'contexts_list',
    (seg) =>
      cue(seg, 'contexts') ||
      (cue(seg, 'cluster') && /有哪些|哪些|列出|list|which/.test(seg.low) && /集群|clusters/.test(seg.low)),
  ),
];

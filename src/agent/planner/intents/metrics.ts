import {
  DEFAULT_METRIC_NAMES,
  podCpu,
  podMemory,
  serviceErrorRate,
  serviceLatency,
  serviceRequestRate,
} from '../../../prometheus/queries/index.ts';
import { cue, said } from '../cues.ts';
import { looksLikeNode, looksLikePod } from '../extract/shapes.ts';
import type { Segment } from '../segment.ts';
import { call, type Intent, listScope, namespaceOf, question, type Request, targets } from './intent.ts';

const wantsComparison = (seg: Segment) => seg.slots.offset !== undefined || cue(seg, 'compare');

const query: Intent = {
  name: 'query',
  tools: ['prometheus_query', 'compare_time_ranges'],
  matches: (seg) => seg.slots.promql !== undefined,
  plan(req) {
    const s = req.seg.slots;
    if (s.offset) return { calls: [call('compare_time_ranges', { query: s.promql, offset: s.offset })] };
    return { calls: [call('prometheus_query', { query: s.promql })] };
  },
};

type Family = 'latency' | 'errorRate' | 'requestRate' | 'cpu' | 'memory';

function familyOf(seg: Segment): Family | undefined {
  if (cue(seg, 'latency') || seg.slots.quantile !== undefined) return 'latency';
  if (cue(seg, 'errorRate')) return 'errorRate';
  if (cue(seg, 'requestRate')) return 'requestRate';
  if (cue(seg, 'cpu')) return 'cpu';
  if (cue(seg, 'memory')) return 'memory';
  return undefined;
}

/** The PromQL behind a named metric: the very query the canned tool runs, with the default metric names. */
function promqlFor(family: Family, req: Request, service: string | undefined): string {
  const s = req.seg.slots;
  const namespace = namespaceOf(req);
  const window = s.durations[0]?.text;
  const n = DEFAULT_METRIC_NAMES;
  switch (family) {
    case 'latency':
      return serviceLatency(n, { service, namespace, window, quantile: s.quantile ?? 0.99 }).promql;
    case 'errorRate':
      return serviceErrorRate(n, { service, namespace, window }).promql;
    case 'requestRate':
      return serviceRequestRate(n, { service, namespace, window }).promql;
    case 'cpu':
      return podCpu(n, { namespace, workload: service }, window).usage.promql;
    case 'memory':
      return podMemory(n, { namespace, workload: service }).usage.promql;
  }
}

const compare: Intent = {
  name: 'compare',
  tools: ['compare_time_ranges'],
  matches: (seg) => wantsComparison(seg) && familyOf(seg) !== undefined,
  plan(req) {
    const family = familyOf(req.seg)!;
    const offset = req.seg.slots.offset;
    if (!offset) return question(req, 'compare');
    const names = targets(req, false);
    const services = names.length ? names.map((n) => n.name) : [undefined];
    return {
      calls: services.map((service) =>
        call('compare_time_ranges', { query: promqlFor(family, req, service), offset }),
      ),
    };
  },
};

function serviceMetric(name: string, tool: string, matches: (seg: Segment) => boolean): Intent {
  return {
    name,
    tools: [tool],
    matches,
    plan(req) {
      const s = req.seg.slots;
      const names = targets(req, !s.namespace);
      const namespace = namespaceOf(req);
      const extra = tool === 'service_latency' ? { quantile: s.quantile } : {};
      const services = names.length ? names.map((n) => n.name) : [undefined];
      return {
        calls: services.map((service) =>
          call(tool, { service, namespace, window: s.durations[0]?.text, ...extra }),
        ),
      };
    },
  };
}

/** top_consumers shows 1 to 100 entries; other numbers are not a count of entries. */
const limitOf = (n: number | undefined) =>
  n !== undefined && Number.isInteger(n) && n >= 1 ? Math.min(n, 100) : undefined;

const RESOURCE_WORDS = (seg: Segment) => cue(seg, 'cpu') || cue(seg, 'memory') || said(seg, 'resource');

const topConsumers: Intent = {
  name: 'top_consumers',
  tools: ['top_consumers'],
  matches: (seg) => said(seg, 'top') && (RESOURCE_WORDS(seg) || cue(seg, 'usage')),
  plan(req) {
    const s = req.seg.slots;
    const cpu = cue(req.seg, 'cpu');
    const memory = cue(req.seg, 'memory');
    const kinds = s.kinds.map((k) => k.kind);
    const by = kinds.includes('Namespace')
      ? 'namespace'
      : kinds.includes('Node')
        ? 'node'
        : kinds.includes('Pod')
          ? 'pod'
          : undefined;
    return {
      calls: [
        call('top_consumers', {
          resource: cpu === memory ? undefined : cpu ? 'cpu' : 'memory',
          by,
          limit: limitOf(s.limit ?? s.numbers[0]?.value),
          namespace: namespaceOf(req, false),
          window: s.durations[0]?.text,
        }),
      ],
    };
  },
};

const aboutNodes = (seg: Segment) =>
  seg.slots.kinds.some((k) => k.kind === 'Node') || seg.slots.candidates.some((c) => looksLikeNode(c.name));

const nodeUsage: Intent = {
  name: 'node_usage',
  tools: ['node_usage'],
  matches: (seg) =>
    aboutNodes(seg) &&
    !seg.slots.kinds.some((k) => k.kind === 'Pod') &&
    (cue(seg, 'usage') || RESOURCE_WORDS(seg)),
  plan(req) {
    const names = targets(req, false);
    const list = names.length ? names.map((n) => n.name) : [undefined];
    return {
      calls: list.map((name) => call('node_usage', { name, window: req.seg.slots.durations[0]?.text })),
    };
  },
};

/** CPU or memory of pods: a workload's pods, one pod, or a namespace; both → pods_top. */
const podUsage: Intent = {
  name: 'pod_usage',
  tools: ['pod_cpu_usage', 'pod_memory_usage', 'pods_top'],
  matches: (seg) =>
    (cue(seg, 'usage') || cue(seg, 'cpu') || cue(seg, 'memory') || (cue(seg, 'top') && !cue(seg, 'alert'))) &&
    !/limit|request|限制|请求|配额/.test(seg.low),
  plan(req) {
    const s = req.seg.slots;
    const cpu = cue(req.seg, 'cpu');
    const memory = cue(req.seg, 'memory');
    const names = targets(req, false);
    if (cpu === memory && !names.length)
      return {
        calls: [call('pods_top', { ...listScope(req), labelSelector: s.labelSelector, limit: s.limit })],
      };
    const namespace = namespaceOf(req);
    const tools =
      cpu === memory ? ['pod_cpu_usage', 'pod_memory_usage'] : [cpu ? 'pod_cpu_usage' : 'pod_memory_usage'];
    const list = names.length ? names : [undefined];
    return {
      calls: list.flatMap((n) =>
        tools.map((tool) =>
          call(tool, {
            namespace,
            pod: n && (n.kind?.kind === 'Pod' || looksLikePod(n.name)) ? n.name : undefined,
            workload: n && !(n.kind?.kind === 'Pod' || looksLikePod(n.name)) ? n.name : undefined,
            window: tool === 'pod_cpu_usage' ? s.durations[0]?.text : undefined,
          }),
        ),
      ),
    };
  },
};

export const QUERY_INTENTS: readonly Intent[] = [query];

export const METRIC_INTENTS: readonly Intent[] = [
  compare,
  serviceMetric(
    'latency',
    'service_latency',
    (seg) => cue(seg, 'latency') || seg.slots.quantile !== undefined,
  ),
  serviceMetric('error_rate', 'service_error_rate', (seg) => cue(seg, 'errorRate')),
  serviceMetric('request_rate', 'service_request_rate', (seg) => cue(seg, 'requestRate')),
  topConsumers,
  nodeUsage,
  podUsage,
];

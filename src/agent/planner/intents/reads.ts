import type { ToolCall } from '../../plan.ts';
import { cue, isKnownWord } from '../cues.ts';
import { COMMON_NAMESPACES } from '../extract/scope.ts';
import { looksLikeNode, looksLikePod } from '../extract/shapes.ts';
import { KINDS, type KindSpec, kindByName } from '../kinds.ts';
import type { Candidate, Segment } from '../segment.ts';
import {
  call,
  type Intent,
  listScope,
  namespaceOf,
  type Outcome,
  question,
  type Request,
  targets,
} from './intent.ts';

const events: Intent = {
  name: 'events',
  tools: ['events_list'],
  matches: (seg) => cue(seg, 'events'),
  plan(req) {
    const s = req.seg.slots;
    const names = targets(req, false);
    const base = {
      ...listScope(req),
      type: s.eventType,
      labelSelector: s.labelSelector,
      fieldSelector: s.fieldSelector,
      limit: s.limit,
    };
    if (!names.length) return { calls: [call('events_list', base)] };
    return { calls: names.map((n) => call('events_list', { ...base, involvedObject: n.name })) };
  },
};

const history: Intent = {
  name: 'history',
  tools: ['deployments_history'],
  matches: (seg) => cue(seg, 'history'),
  plan(req) {
    const names = targets(req);
    const lang = req.seg.lang;
    if (!names.length)
      return question(req, 'target', {
        action: lang === 'zh' ? '查看发布历史的' : 'show the rollout history of',
        what: lang === 'zh' ? '部署（Deployment）' : 'deployment',
        example: lang === 'zh' ? '查看 api-service 的发布历史' : 'show the rollout history of api-service',
      });
    const namespace = namespaceOf(req);
    return { calls: names.map((n) => call('deployments_history', { namespace, name: n.name })) };
  },
};

const health: Intent = {
  name: 'health',
  tools: ['cluster_health'],
  matches: (seg) =>
    cue(seg, 'health') && (cue(seg, 'cluster') || (!seg.slots.kinds.length && !seg.slots.candidates.length)),
  plan: (req) => ({
    calls: [
      call('cluster_health', { namespace: req.seg.slots.namespace ?? req.seg.slots.maybeNamespace[0] }),
    ],
  }),
};

/** "list the foobars", "列出 widget 资源": a word used as a kind that is not one. */
function unknownKind(seg: Segment): string | undefined {
  const plain = (w: string) =>
    /^[a-z]{3,}$/.test(w) && !isKnownWord(w) && seg.slots.candidates.some((c) => c.name === w);
  const en =
    /(?<![\w-])(kubectl\s+(?:get|describe)|list|ls|show|get|display|describe|find)(?:\s+me)?((?:\s+(?:all|every|the|my|of|any))*)\s+([a-z]{3,})(?![\w-])/.exec(
      seg.low,
    );
  if (en && plain(en[3]) && (/^(?:list|ls|kubectl)/.test(en[1]) || (en[2] && en[3].endsWith('s'))))
    return en[3];
  const zh =
    /(?:列出|列举|所有的?|全部的?)\s*([a-z]{3,})(?![\w-])|(?<![\w-])([a-z]{3,})\s*(?:资源|对象|类型)/.exec(
      seg.low,
    );
  const word = zh?.[1] ?? zh?.[2];
  return word && plain(word) ? word : undefined;
}

/** The kind a name alone suggests: a node, a pod, else a Deployment. */
const inferKind = (c: Candidate): KindSpec =>
  kindByName(looksLikeNode(c.name) ? 'Node' : looksLikePod(c.name) ? 'Pod' : 'Deployment');

function getCall(req: Request, kind: KindSpec, name: string): ToolCall {
  const namespace = kind.namespaced ? namespaceOf(req) : undefined;
  if (kind.getTool) return call(kind.getTool, { namespace, name });
  return call('resources_get', { apiVersion: kind.apiVersion, kind: kind.kind, namespace, name });
}

function listCall(
  req: Request,
  kind: KindSpec,
  extra: { namespace?: string; labelSelector?: string; fieldSelector?: string } = {},
): ToolCall {
  const s = req.seg.slots;
  const scope = extra.namespace ? { namespace: extra.namespace } : kind.namespaced ? listScope(req) : {};
  const fields = [
    s.fieldSelector,
    extra.fieldSelector,
    kind.kind === 'Pod' && s.nodeName && `spec.nodeName=${s.nodeName}`,
  ]
    .filter(Boolean)
    .join(',');
  const filters = {
    labelSelector: extra.labelSelector ?? s.labelSelector,
    fieldSelector: kind.namespaced || kind.kind === 'Node' ? fields || undefined : undefined,
    limit: s.limit,
  };
  if (kind.kind === 'Node' || kind.kind === 'Namespace')
    return call(kind.listTool!, { labelSelector: filters.labelSelector, limit: s.limit });
  if (kind.listTool) return call(kind.listTool, { ...scope, ...filters });
  return call('resources_list', { apiVersion: kind.apiVersion, kind: kind.kind, ...scope, ...filters });
}

/**
 * "x 的 pod", "x pods", "x 的 hpa": a workload-shaped x (api-service) owns them — its pods by the
 * app label, its HPA, Service… by name; a plain word (shop) is their namespace; a node hosts pods.
 */
function ownedList(req: Request, owner: Candidate, kind: KindSpec): ToolCall {
  const name = owner.name;
  if (kind.kind === 'Pod' && looksLikeNode(name))
    return listCall(req, kind, { fieldSelector: `spec.nodeName=${name}` });
  const workload = /[-\d]/.test(name) && !COMMON_NAMESPACES.has(name);
  if (!workload || !kind.namespaced) return listCall(req, kind, { namespace: name });
  return kind.kind === 'Pod'
    ? listCall(req, kind, { labelSelector: `app=${name}` })
    : getCall(req, kind, name);
}

function plan(req: Request): Outcome {
  const s = req.seg.slots;
  const kindPair = s.pairs.find((p) => p.key.toLowerCase() === 'kind');
  if (kindPair) {
    const apiVersion = s.pairs.find((p) => p.key.toLowerCase() === 'apiversion')?.value;
    const name = req.names[0]?.name;
    const tool = name ? 'resources_get' : 'resources_list';
    return {
      calls: [
        call(tool, {
          apiVersion,
          kind: kindPair.value,
          ...(name ? { namespace: namespaceOf(req), name } : listScope(req)),
          labelSelector: name ? undefined : s.labelSelector,
        }),
      ],
    };
  }
  const unknown = unknownKind(req.seg);
  if (unknown) return question(req, 'unknownKind', { word: unknown });
  let kinds = s.kinds.filter((k) => k.kind !== 'Event');
  if (kinds.length > 1) kinds = kinds.filter((k) => k.kind !== 'Namespace');
  const owner = req.names.length === 1 && req.names[0].owner && !req.names[0].kind ? req.names[0] : undefined;
  if (owner) return { calls: [ownedList(req, owner, owner.owner!)] };
  if (req.names.length) {
    const only = kinds.length === 1 ? kinds[0] : undefined;
    return { calls: req.names.map((n) => getCall(req, n.kind ?? only ?? inferKind(n), n.name)) };
  }
  if (kinds.length) return { calls: kinds.map((k) => listCall(req, k)) };
  if (s.nodeName || s.labelSelector || s.fieldSelector) return { calls: [listCall(req, kindByName('Pod'))] };
  const namespace = s.namespace ?? s.maybeNamespace[0];
  if (namespace) return { calls: [call('cluster_health', { namespace })] };
  if (s.allNamespaces) return { calls: [call('namespaces_list')] };
  return question(req, 'help');
}

const read: Intent = {
  name: 'read',
  tools: [
    ...new Set(KINDS.flatMap((k) => [k.listTool, k.getTool]).filter((t): t is string => Boolean(t))),
    'resources_list',
    'resources_get',
    'cluster_health',
  ],
  matches: (seg) =>
    cue(seg, 'read') ||
    seg.slots.kinds.length > 0 ||
    seg.slots.candidates.some((c) => c.score >= 3) ||
    seg.slots.namespace !== undefined ||
    seg.slots.maybeNamespace.length > 0 ||
    seg.slots.pairs.length > 0,
  plan,
};

export const EVENT_INTENTS: readonly Intent[] = [events];
export const HISTORY_INTENTS: readonly Intent[] = [history];
export const OVERVIEW_INTENTS: readonly Intent[] = [health, read];

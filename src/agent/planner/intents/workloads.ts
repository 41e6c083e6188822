import { cue, said } from '../cues.ts';
import { looksLikeNode, looksLikePod } from '../extract/shapes.ts';
import { REPLICA_CEILING } from '../questions.ts';
import type { Candidate, ResourceValues, Segment } from '../segment.ts';
import { ordered } from './imperative.ts';
import { call, type Intent, namespaceOf, type Outcome, question, type Request, targets } from './intent.ts';

/** Words for one action in questions: what to do, and a sentence to copy. */
interface Action {
  zh: string;
  en: string;
  example: { zh: string; en: string };
}

const act = (zh: string, en: string, exampleZh: string, exampleEn: string): Action => ({
  zh,
  en,
  example: { zh: exampleZh, en: exampleEn },
});

export const ACTIONS = {
  scale: act('扩缩', 'scale', '将 api-service 扩展到 3 个副本', 'scale api-service to 3'),
  restart: act('重启', 'restart', '重启 api-service', 'restart api-service'),
  rollback: act('回滚', 'roll back', '回滚 api-service 到上一个版本', 'roll back api-service'),
  resources: act(
    '调整资源',
    'change the resources of',
    '把 api-service 的内存限制调到 1Gi',
    'set the memory limit of api-service to 1Gi',
  ),
  delete: act('删除', 'delete', '删除 pod api-service-7d9f-abc12', 'delete pod api-service-7d9f-abc12'),
};

/** The question for a missing target or a bulk request, in the request's language. */
export function refuse(req: Request, action: Action, what: { zh: string; en: string }): Outcome | undefined {
  const lang = req.seg.lang;
  const params = { action: action[lang], what: what[lang], example: action.example[lang] };
  if (req.seg.slots.bulk || req.seg.slots.allNamespaces) return question(req, 'bulk', params);
  if (!targets(req).length) return question(req, 'target', params);
  return undefined;
}

const DEPLOYMENT = { zh: '部署（Deployment）', en: 'deployment' };

/** A kind said for a workload that only Deployments support (服务 and "service" mean the Deployment). */
function unsupportedKind(req: Request, names: Candidate[], action: Action): Outcome | undefined {
  const kinds = [...names.map((n) => n.kind), ...req.seg.slots.kinds];
  const other = kinds.find((k) => k && !['Deployment', 'Service', 'Pod', 'Namespace'].includes(k.kind));
  if (!other) return undefined;
  return question(req, 'onlyDeployments', { action: action[req.seg.lang], kind: other.kind });
}

/** The count after "to / 到 / 为 / =", or the only number said. */
function numberAfterTo(seg: Segment): number | undefined {
  const m = /(?:(?<![\w-])to|到|至|为|成|=)\s*(-?\d+(?:\.\d+)?)(?![\w.])/.exec(seg.rest);
  if (m) return Number(m[1]);
  return seg.slots.numbers.length === 1 ? seg.slots.numbers[0].value : undefined;
}

/** A number as the user typed it, shortened when it is absurdly long. */
const shown = (n: number) =>
  !Number.isFinite(n) ? (n < 0 ? '-∞' : '∞') : Math.abs(n) < 1e12 ? String(n) : n.toExponential(0);

const scale: Intent = {
  name: 'scale',
  tools: ['deployments_scale'],
  matches: (seg) =>
    ordered(seg, 'scale') ||
    seg.slots.relative === true ||
    ((seg.slots.replicas !== undefined
      ? said(seg, 'setVerb') || /replicas?\s*=|--replicas/.test(seg.low)
      : said(seg, 'replicas') && ordered(seg, 'setVerb') && numberAfterTo(seg) !== undefined) &&
      !/吗|\?/.test(seg.low)),
  plan(req) {
    const refused = refuse(req, ACTIONS.scale, DEPLOYMENT);
    if (refused) return refused;
    const names = targets(req);
    const unsupported = unsupportedKind(req, names, ACTIONS.scale);
    if (unsupported) return unsupported;
    const s = req.seg.slots;
    const name = names[0].name;
    if (s.relative) return question(req, 'replicasRelative', { name });
    const n = s.replicas ?? numberAfterTo(req.seg);
    if (n === undefined) return question(req, 'replicasMissing', { name });
    if (n < 0) return question(req, 'replicasNegative', { n: shown(n) });
    if (n > REPLICA_CEILING) return question(req, 'replicasTooMany', { n: shown(n) });
    if (!Number.isInteger(n)) return question(req, 'replicasFraction', { n });
    const namespace = namespaceOf(req);
    return {
      calls: names.map((t) =>
        call('deployments_scale', { namespace, name: t.name, replicas: n, dryRun: s.dryRun }),
      ),
    };
  },
};

const restart: Intent = {
  name: 'restart',
  tools: ['deployments_restart', 'pods_delete'],
  matches: (seg) => ordered(seg, 'restart'),
  plan(req) {
    const refused = refuse(req, ACTIONS.restart, DEPLOYMENT);
    if (refused) return refused;
    const names = targets(req);
    const unsupported = unsupportedKind(req, names, ACTIONS.restart);
    if (unsupported) return unsupported;
    const namespace = namespaceOf(req);
    const dryRun = req.seg.slots.dryRun;
    // Restarting one pod is deleting it: its controller starts a new one.
    const isPod = (t: Candidate) =>
      t.kind?.kind === 'Pod' ||
      (t.kind?.kind !== 'Deployment' && looksLikePod(t.name) && !looksLikeNode(t.name));
    return {
      calls: names.map((t) =>
        isPod(t)
          ? call('pods_delete', { namespace, name: t.name, dryRun })
          : call('deployments_restart', { namespace, name: t.name, dryRun }),
      ),
    };
  },
};

const rollback: Intent = {
  name: 'rollback',
  tools: ['deployments_rollback'],
  matches: (seg) => ordered(seg, 'rollback'),
  plan(req) {
    const refused = refuse(req, ACTIONS.rollback, DEPLOYMENT);
    if (refused) return refused;
    const names = targets(req);
    const unsupported = unsupportedKind(req, names, ACTIONS.rollback);
    if (unsupported) return unsupported;
    const s = req.seg.slots;
    const toRevision = s.previousRevision ? undefined : (s.revision ?? numberAfterTo(req.seg));
    if (toRevision !== undefined && !(Number.isInteger(toRevision) && toRevision >= 1))
      return question(req, 'revision', { n: toRevision });
    const namespace = namespaceOf(req);
    return {
      calls: names.map((t) =>
        call('deployments_rollback', { namespace, name: t.name, toRevision, dryRun: s.dryRun }),
      ),
    };
  },
};

const hasValues = (v: ResourceValues) => v.cpu !== undefined || v.memory !== undefined;

const setResources: Intent = {
  name: 'set_resources',
  tools: ['deployments_set_resources'],
  matches(seg) {
    const s = seg.slots;
    const values = hasValues(s.values) || hasValues(s.limits) || hasValues(s.requests);
    if (values) return said(seg, 'setVerb') || said(seg, 'scale') || cue(seg, 'resource');
    return ordered(seg, 'setVerb') && /limit|request|限制|请求|配额|内存|memory|cpu/.test(seg.low);
  },
  plan(req) {
    const refused = refuse(req, ACTIONS.resources, DEPLOYMENT);
    if (refused) return refused;
    const names = targets(req);
    const unsupported = unsupportedKind(req, names, ACTIONS.resources);
    if (unsupported) return unsupported;
    const s = req.seg.slots;
    const limits = { ...s.values, ...s.limits };
    const requests = { ...s.requests };
    if (!hasValues(limits) && !hasValues(requests)) {
      // "把 cpu 限制调到 2": a bare number is cores when CPU is the only resource said.
      const n = numberAfterTo(req.seg);
      const cpuOnly = /cpu|核/.test(req.seg.low) && !/内存|memory|mem(?![\w-])/.test(req.seg.low);
      if (n === undefined || !cpuOnly || n <= 0)
        return question(req, 'resourceValue', { name: names[0].name });
      const into = /request|请求/.test(req.seg.low) && !/limit|限制/.test(req.seg.low) ? requests : limits;
      into.cpu = String(n);
    }
    const namespace = namespaceOf(req);
    return {
      calls: names.map((t) =>
        call('deployments_set_resources', {
          namespace,
          name: t.name,
          // The tool needs a container; a Deployment's main container is conventionally named after it.
          container: s.container ?? t.name,
          limits: hasValues(limits) ? limits : undefined,
          requests: hasValues(requests) ? requests : undefined,
          dryRun: s.dryRun,
        }),
      ),
    };
  },
};

const stop: Intent = {
  name: 'stop',
  tools: [],
  matches: (seg) => ordered(seg, 'stop'),
  plan: (req) => question(req, 'stop', { name: targets(req)[0]?.name ?? 'api-service' }),
};

export const WORKLOAD_INTENTS: readonly Intent[] = [rollback, setResources, scale, restart, stop];

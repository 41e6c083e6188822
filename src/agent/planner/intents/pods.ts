import { cue } from '../cues.ts';
import { looksLikeNode, looksLikePod } from '../extract/shapes.ts';
import { ordered } from './imperative.ts';
import { call, type Intent, namespaceOf, question, targets } from './intent.ts';
import { ACTIONS, refuse } from './workloads.ts';

const POD = { zh: 'Pod', en: 'pod' };

/** Delete single pods only: everything else (and anything in bulk) is refused with the reason. */
const deletePods: Intent = {
  name: 'delete',
  tools: ['pods_delete'],
  matches: (seg) => ordered(seg, 'delete'),
  plan(req) {
    const names = targets(req);
    if (
      !names.length &&
      req.seg.slots.namespace &&
      /命名空间|名称空间|namespace|(?<![\w-])ns(?![\w-])/.test(req.seg.low)
    )
      return question(req, 'deleteKind', { kind: 'Namespace' });
    // Emptying out is bulk by nature: 清空 production, wipe the cluster.
    if (/清空|wipe|nuke|purge/.test(req.seg.low)) req.seg.slots.bulk = true;
    const refused = refuse(req, ACTIONS.delete, POD);
    if (refused) return refused;
    const kinds = [...names.map((n) => n.kind), ...req.seg.slots.kinds].filter((k) => k !== undefined);
    const notPod = kinds.find((k) => k.kind !== 'Pod');
    const lang = req.seg.lang;
    if (notPod) return question(req, 'deleteKind', { kind: notPod.kind });
    const unnamedKind = names.find((n) => !n.kind && !kinds.length && !looksLikePod(n.name));
    if (unnamedKind)
      return question(req, 'deleteKind', {
        kind: looksLikeNode(unnamedKind.name) ? 'Node' : lang === 'zh' ? '工作负载' : 'workload',
      });
    const s = req.seg.slots;
    const namespace = namespaceOf(req);
    return {
      calls: names.map((t) =>
        call('pods_delete', {
          namespace,
          name: t.name,
          gracePeriodSeconds: s.gracePeriodSeconds,
          dryRun: s.dryRun,
        }),
      ),
    };
  },
};

/** A pod's log: tail, previous instance, since, grep, container. */
const logs: Intent = {
  name: 'logs',
  tools: ['pods_log'],
  matches: (seg) =>
    cue(seg, 'logs') ||
    seg.slots.tailLines !== undefined ||
    (seg.slots.previous === true && !cue(seg, 'rollback')) ||
    (seg.slots.grep !== undefined && !cue(seg, 'events')),
  plan(req) {
    const names = targets(req);
    if (!names.length) return question(req, 'logTarget');
    const s = req.seg.slots;
    const namespace = namespaceOf(req);
    return {
      calls: names.map((t) =>
        call('pods_log', {
          namespace,
          name: t.name,
          container: s.container,
          previous: s.previous,
          tailLines: s.tailLines,
          sinceSeconds: s.durations[0]?.seconds,
          grep: s.grep,
        }),
      ),
    };
  },
};

export const POD_INTENTS: readonly Intent[] = [deletePods];
export const LOG_INTENTS: readonly Intent[] = [logs];

import { cue } from '../cues.ts';
import type { Segment } from '../segment.ts';
import { call, type Intent, namespaceOf, type Outcome, type Request, targets } from './intent.ts';

/** diagnose for each name, else for the namespace, the whole cluster when the cluster was named. */
function diagnoseCalls(req: Request): Outcome {
  const s = req.seg.slots;
  const names = targets(req, false);
  const clusterWide = s.allNamespaces || (cue(req.seg, 'cluster') && !s.namespace);
  if (!names.length) {
    if (clusterWide) return { calls: [call('diagnose', { allNamespaces: true })] };
    return { calls: [call('diagnose', { namespace: namespaceOf(req) })] };
  }
  const namespace = namespaceOf(req);
  return { calls: names.map((n) => call('diagnose', { namespace, name: n.name })) };
}

const diagnose: Intent = {
  name: 'diagnose',
  tools: ['diagnose'],
  matches: (seg: Segment) => cue(seg, 'diagnose'),
  plan: diagnoseCalls,
};

const analyze: Intent = {
  name: 'analyze',
  tools: ['diagnose'],
  matches: (seg: Segment) => cue(seg, 'analyze'),
  plan: diagnoseCalls,
};

export const DIAGNOSE_INTENTS: readonly Intent[] = [diagnose];
export const ANALYZE_INTENTS: readonly Intent[] = [analyze];

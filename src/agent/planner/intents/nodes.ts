import { looksLikeNode } from '../extract/shapes.ts';
import type { Candidate } from '../segment.ts';
import { ordered } from './imperative.ts';
import { call, type Intent, type Outcome, question, type Request, targets } from './intent.ts';

const NODE = { zh: '节点', en: 'node' };

/** The nodes a request is about: said on a node, typed as a node, shaped like one, or any name. */
function nodes(req: Request): Candidate[] {
  const s = req.seg.slots;
  if (s.nodeName) return [{ name: s.nodeName, raw: s.nodeName, start: -1, end: -1, score: 6 }];
  const all = targets(req);
  const typed = all.filter((c) => c.kind?.kind === 'Node' || looksLikeNode(c.name));
  return typed.length ? typed : all;
}

function nodeIntent(
  name: 'cordon' | 'uncordon' | 'drain',
  tool: string,
  words: { zh: string; en: string },
  args: (req: Request) => Record<string, unknown> = () => ({}),
  also: RegExp = /$^/,
): Intent {
  return {
    name,
    tools: [tool],
    matches: (seg) => ordered(seg, name) || also.test(seg.low),
    plan(req): Outcome {
      const lang = req.seg.lang;
      const params = {
        action: words[lang],
        what: NODE[lang],
        example: lang === 'zh' ? `${words.zh}节点 node-1` : `${words.en} node-1`,
      };
      const list = nodes(req);
      if (!list.length)
        return question(req, req.seg.slots.bulk || req.seg.slots.allNamespaces ? 'bulk' : 'target', params);
      return {
        calls: list.map((n) => call(tool, { name: n.name, ...args(req), dryRun: req.seg.slots.dryRun })),
      };
    },
  };
}

export const NODE_INTENTS: readonly Intent[] = [
  nodeIntent(
    'uncordon',
    'nodes_uncordon',
    { zh: '解除封锁', en: 'uncordon' },
    undefined,
    /(?:解除|取消|撤销|撤掉)[^,;.!?]{0,24}(?:封锁|隔离|cordon)|(?:mark|set|make)\s+\S+(?:\s+as)?\s+schedulable/,
  ),
  nodeIntent(
    'cordon',
    'nodes_cordon',
    { zh: '封锁', en: 'cordon' },
    undefined,
    /(?:mark|set|make)\s+\S+(?:\s+as)?\s+unschedulable/,
  ),
  nodeIntent('drain', 'nodes_drain', { zh: '排空', en: 'drain' }, (req) => {
    const s = req.seg.slots;
    return {
      ignoreDaemonSets: s.ignoreDaemonSets,
      deleteEmptyDirData: s.deleteEmptyDirData,
      force: s.force,
      gracePeriodSeconds: s.gracePeriodSeconds,
    };
  }),
];

import { cueAt } from '../cues.ts';
import type { CueName } from '../lexicon.ts';
import type { Segment } from '../segment.ts';

/**
 * Is a cue said as an order? "重启 api-service" is; "一直重启", "重启了几次", "why did it restart",
 * "restart count" and "不要重启" describe or forbid and must never become a mutation.
 */
const DESCRIBED_BEFORE_ZH =
  /(?:一直|不断|反复|频繁|老是|总是|经常|为什么|为何|是否|有没有|什么时候|何时|谁|被|已经|刚刚?|自动|要不要|需不需要|该不该|应不应该|是否需要|是否应该)\s*$/;
const DESCRIBED_AFTER_ZH =
  /^\s*(?:了\s*(?:几|多少|\d|吗|没|哪)|次数|的次数|的原因|原因|历史|记录|过|失败|的情况|情况|状态|策略|事件|日志|了\s*$)/;
const DESCRIBED_BEFORE_EN =
  /(?:^|\s)(?:did|does|has|have|had|was|were|is|are|who|when|whether|if|why|how\s+often|can't|cannot|should\s+(?:i|we)|safe\s+to|ok\s+to|okay\s+to|need\s+to|what\s+happens\s+if)\s+(?:\S+\s+){0,2}$/;
const DESCRIBED_AFTER_EN =
  /^\s*(?:count|counts|history|reason|loops?|events?|status|policy|policies|logs?)(?![\w-])/;
const NEGATED_ZH =
  /(?:不要|别|不用|不需要|无需|勿|不必|先不|暂时不|不)\s*(?:再\s*)?(?:去\s*)?(?:把\s*\S*\s*)?$/;
const NEGATED_EN = /(?:don't|do\s+not|dont|never|no\s+need\s+to|without|not)\s+(?:\S+\s+)?$/;

type Mood = 'order' | 'negated' | 'described' | 'absent';

/** How the cue is said: as an order, forbidden, as a description, or not at all. */
export function mood(seg: Segment, name: CueName): Mood {
  const found = cueAt(seg, name);
  if (!found.length) return 'absent';
  let result: Mood = 'described';
  for (const at of found) {
    const before = seg.low.slice(Math.max(0, at.start - 24), at.start);
    const after = seg.low.slice(at.end, at.end + 12);
    const described =
      DESCRIBED_BEFORE_ZH.test(before) ||
      DESCRIBED_AFTER_ZH.test(after) ||
      DESCRIBED_BEFORE_EN.test(before) ||
      DESCRIBED_AFTER_EN.test(after);
    if (described) continue;
    if (NEGATED_ZH.test(before) || NEGATED_EN.test(before)) {
      result = 'negated';
      continue;
    }
    return 'order';
  }
  return result;
}

/** The cues of requests that change something: said as an order, they make a mutating intent. */
export const MUTATION_CUES: readonly CueName[] = [
  'scale',
  'restart',
  'rollback',
  'delete',
  'cordon',
  'uncordon',
  'drain',
  'silence',
  'setVerb',
  'stop',
];

export const ordered = (seg: Segment, name: CueName): boolean => mood(seg, name) === 'order';

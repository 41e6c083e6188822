import { cueRe } from '../cues.ts';
import { KINDS } from '../kinds.ts';
import type { Segment } from '../segment.ts';
import { take } from '../segment.ts';

const KIND_WORD = `(?:${KINDS.flatMap((k) => [...k.en, ...k.zh])
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** Warning / Normal events: 警告事件, warning events, 异常事件. */
function eventType(seg: Segment): void {
  take(seg, /(?<![\w-])(?:warnings?|warn)(?![\w-])|警告|告警事件|异常事件|错误事件/, () => {
    seg.slots.eventType ??= 'Warning';
  });
  take(seg, /(?<![\w-])normal(?![\w-])|正常事件/, () => {
    seg.slots.eventType ??= 'Normal';
  });
}

const PHASES: [RegExp, string][] = [
  [
    /(?<![\w-])(?:not\s+running|non-running)(?![\w-])|(?:非|没有?在?|不在|未)\s*运行(?:中)?的?/,
    'status.phase!=Running',
  ],
  [/(?<![\w-])pending(?![\w-])|挂起的?|等待中的?|pending\s*状态的?/, 'status.phase=Pending'],
  [/(?<![\w-])running(?![\w-])|运行中的?|正在运行的?/, 'status.phase=Running'],
  [/(?<![\w-])failed(?![\w-])|失败的/, 'status.phase=Failed'],
  [/(?<![\w-])(?:succeeded|completed)(?![\w-])|已完成的?|完成的/, 'status.phase=Succeeded'],
];

const KIND_NEXT = new RegExp(`^\\s*(?:的\\s*)?(?:${KIND_WORD})(?![\\w-])`);
const KIND_BEFORE = new RegExp(`(?:${KIND_WORD})\\s*(?:that\\s+are\\s+|in\\s+)?$`);

/** Pod phases said next to a kind: "pending pods", "运行中的 pod", "pods that are running". */
function phase(seg: Segment): void {
  for (const [re, selector] of PHASES) {
    take(seg, re, (m) => {
      const after = seg.rest.slice(m.end, m.end + 24);
      const before = seg.rest.slice(Math.max(0, m.start - 32), m.start);
      if (seg.slots.fieldSelector || !(KIND_NEXT.test(after) || KIND_BEFORE.test(before))) return false;
      seg.slots.fieldSelector = selector;
    });
  }
}

/** A quantifier over a whole set — "all pods", "所有 pod", "everything", `*` — matters for mutations. */
function bulk(seg: Segment): void {
  take(seg, /(?<![\w-])\*(?![\w-])|[a-z0-9-]+\*|\*[a-z0-9-]+/, () => {
    seg.slots.bulk = true;
  });
  take(seg, cueRe('bulk'), () => {
    seg.slots.bulk = true;
  });
}

export function extractFilters(seg: Segment): void {
  eventType(seg);
  phase(seg);
}

export function extractBulk(seg: Segment): void {
  bulk(seg);
}

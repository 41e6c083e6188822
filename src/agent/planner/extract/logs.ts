import { isKnownWord } from '../cues.ts';
import type { Segment } from '../segment.ts';
import { take } from '../segment.ts';
import { NAME } from './scope.ts';

/** A value as typed: quoted (any text) or one bare token. */
const VALUE = '(?:"([^"]+)"|\'([^\']+)\'|`([^`]+)`|([^\\s,;"\'`]+))';
const typedValue = (m: { raw(g: number): string | undefined }, first: number) =>
  m.raw(first) ?? m.raw(first + 1) ?? m.raw(first + 2) ?? m.raw(first + 3);

/** tail 50, --tail=50, last 100 lines, 最后 50 行, 最近 100 条. */
function tail(seg: Segment): void {
  const set = (n: string | undefined) => {
    if (!n || seg.slots.tailLines !== undefined) return false;
    seg.slots.tailLines = Number(n);
  };
  take(seg, /(?:--tail|(?<![\w-])tail\s+-n|(?<![\w-])tail)\s*=?\s*(\d+)/, (m) => set(m.low(1)));
  take(
    seg,
    /(?:(?<![\w-])(?:the\s+)?(?:last|latest|final|most\s+recent|recent)\s+|最后|最近|最新的?|末尾|尾部|后|前)?\s*(?<![\w.-])(\d+)\s*(?:个\s*)?(?:行|条|(?<![\w-])(?:lines?|log\s+lines|entries)(?![\w-]))/,
    (m) => set(m.low(1)),
  );
}

/** The previous (crashed) instance: --previous, -p, 上一个容器, 崩溃前, before it crashed. */
function previous(seg: Segment): void {
  take(
    seg,
    /--previous|(?<![\w-])-p(?![\w-])|(?<![\w-])previous(?:\s+(?:instance|container|run|pod))?(?![\w-])|(?:上一个|上个|前一个|上一次的?|之前的?)\s*(?:容器|实例)|(?:崩溃|挂掉|挂|重启|退出|crash)\s*(?:之前|以前|前)|上一?次崩溃|before\s+(?:it\s+)?(?:crashed|the\s+crash|restart(?:ed)?|dying|it\s+died|the\s+restart)|last\s+crash|crashed\s+(?:container|instance)|terminated\s+(?:container|instance)/,
    () => {
      seg.slots.previous = true;
    },
  );
}

/** grep error, 包含 "timeout", containing 'OOM', 有没有 timeout; 错误日志 / error logs → error. */
function grep(seg: Segment): void {
  const set = (value: string | undefined) => {
    if (!value || seg.slots.grep) return false;
    seg.slots.grep = value;
  };
  const pattern = (m: { raw(g: number): string | undefined }) => {
    const value = typedValue(m, 1);
    return value && !value.includes('=') ? set(value) : false;
  };
  take(
    seg,
    new RegExp(
      `(?:(?<![\\w-])(?:grep|containing|contains|that\\s+contain|matching|match|search\\s+for|search|filter(?:ed)?\\s+(?:by|for|on)|with\\s+the\\s+(?:word|text|string)|mentioning|mention)(?![\\w-])|包含|含有|带有|匹配|过滤|搜索|查找|关键字|关键词)\\s*[:=]?\\s*${VALUE}`,
    ),
    pattern,
  );
  take(
    seg,
    /(?<=(?<![\w-])(?:logs?|lines|entries)\s+)with\s+(?:the\s+)?(?:word\s+)?(?:"([^"]+)"|'([^']+)'|`([^`]+)`|([a-z0-9_.:-]+))/,
    pattern,
  );
  take(seg, /(?:有没有|是否有|有无|出现过?)\s*(?:"([^"]+)"|'([^']+)'|`([^`]+)`|([a-z0-9_.:-]+))/, pattern);
  take(
    seg,
    /错误日志|报错日志|报错|错误信息|(?<![\w-])error\s+(?:logs?|lines|messages)|errors?\s+in\s+(?:the\s+)?logs?/,
    () => set('error'),
  );
  take(seg, /异常日志|异常信息|(?<![\w-])exceptions?\s+in\s+(?:the\s+)?logs?|exception\s+logs?/, () =>
    set('exception'),
  );
}

/** -c sidecar, --container=app, container istio-proxy, sidecar 容器, 容器 app (容器组 is a pod). */
function container(seg: Segment): void {
  const set = (name: string | undefined) => {
    if (!name || isKnownWord(name) || seg.slots.container) return false;
    seg.slots.container = name;
  };
  take(seg, new RegExp(`(?<![\\w-])(?:-c|--container)(?:\\s*=\\s*|\\s+)${NAME}`), (m) => set(m.low(1)));
  take(seg, new RegExp(`(?<![\\w-])container(?![\\w-])\\s*(?:=|:|named|called)?\\s*${NAME}(?![\\w-])`), (m) =>
    set(m.low(1)),
  );
  take(seg, new RegExp(`容器(?!组)\\s*(?:名为|名|叫|为|是)?\\s*${NAME}(?![\\w-])`), (m) => set(m.low(1)));
  take(seg, new RegExp(`(?<![\\w-])${NAME}\\s*(?:container|容器(?!组))(?![\\w-])`), (m) => set(m.low(1)));
}

export function extractLogOptions(seg: Segment): void {
  previous(seg);
  tail(seg);
  grep(seg);
  container(seg);
}

import { isKnownWord } from '../cues.ts';
import type { Pair, Segment } from '../segment.ts';
import { take } from '../segment.ts';

const KEY = '[a-z_][\\w./-]*';
const WITH_OP = `${KEY}\\s*(?:==|!=|=)\\s*[\\w./-]+|${KEY}\\s+(?:notin|in)\\s*\\([^)]*\\)`;
const TERM = `${WITH_OP}|!?${KEY}`;
/** Terms joined by commas, or by "and" / 和 / & when the next term has an operator. */
const SELECTOR = `((?:${TERM})(?:\\s*,\\s*(?:${TERM})|\\s*(?:(?<![\\w-])and(?![\\w-])|和|&)\\s*(?:${WITH_OP}))*)`;
const FLAG = '(?<![\\w-])(?:-l|--selector|--label)';

const normalizeSelector = (text: string) =>
  text
    .replace(/\s*(?:(?<![\w-])and(?![\w-])|和|&)\s*/gi, ',')
    .replace(/\s*(==|!=|=)\s*/g, (_, op: string) => (op === '==' ? '=' : op))
    .replace(/\s*,\s*/g, ',');

/** -l app=x, -l 'app in (a,b)', --selector=…, 标签 app=web, label tier=api, with label app=x. */
function labelSelector(seg: Segment): void {
  take(seg, new RegExp(`${FLAG}\\s*=?\\s*(?:"([^"]+)"|'([^']+)')`), (m) => {
    seg.slots.labelSelector = normalizeSelector((m.raw(1) ?? m.raw(2))!.trim());
  });
  take(
    seg,
    new RegExp(
      `(?:${FLAG}=?|(?<![\\w-])(?:with\\s+)?(?:labell?ed|labels?|selector)(?![\\w-])|标签(?:为|是)?|带有?)\\s*[=:]?\\s*${SELECTOR}`,
    ),
    (m) => {
      const value = normalizeSelector(m.raw(1)!);
      const flag = m.low()!.startsWith('-');
      if (!flag && !/[=(]/.test(value)) return false;
      if (/^[a-z]+$/i.test(value) && isKnownWord(value.toLowerCase())) return false;
      seg.slots.labelSelector = value;
    },
  );
}

const PROMQL_FUNCTIONS =
  'rate|irate|increase|delta|idelta|deriv|sum|avg|min|max|count|stddev|stdvar|topk|bottomk|quantile|count_values|group|histogram_quantile|absent|absent_over_time|predict_linear|label_replace|label_join|clamp|clamp_min|clamp_max|abs|ceil|floor|round|sort|sort_desc|changes|resets|\\w+_over_time';
const PROMQL_START = new RegExp(
  `(?<![\\w:])(?:(?:${PROMQL_FUNCTIONS})\\s*\\(|(?:sum|avg|min|max|count|stddev|stdvar|topk|bottomk|quantile|group)\\s+(?:by|without)\\s*\\(|[a-z_][\\w:]*\\s*\\{|[a-z_][\\w:]*\\[\\d+[smhdwy]\\])`,
);
const TOKEN =
  /\s+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\d+(?:\.\d+)?(?:ms|[smhdwy])?|[a-zA-Z_:][\w:]*|==|!=|>=|<=|=~|!~|[-+*/%^<>=,]|[([{]|[)\]}]/y;
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'bool',
  'and',
  'or',
  'unless',
  'atan2',
]);

/**
 * Where a PromQL expression that starts at `start` ends: tokens are read while they can continue
 * the expression; at depth 0 a word after a complete operand that is no PromQL keyword ("with",
 * "please", "in production") is natural language again.
 */
function promqlEnd(text: string, start: number): number {
  let depth = 0;
  let needOperand = true;
  let end = start;
  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const t = m[0];
    if (/^\s/.test(t)) continue;
    if ('([{'.includes(t)) depth++;
    else if (')]}'.includes(t)) {
      if (--depth < 0) break;
      if (!depth) needOperand = false;
    } else if (depth === 0) {
      if (/^[a-zA-Z_:]/.test(t)) {
        if (KEYWORDS.has(t.toLowerCase())) needOperand = true;
        else if (needOperand) needOperand = false;
        else break;
      } else if (/^["'\d]/.test(t)) needOperand = false;
      else needOperand = true;
    }
    end = TOKEN.lastIndex;
  }
  return depth === 0 ? end : start;
}

/** The PromQL expression in a message: from its first function call or selector to its end. */
function promql(seg: Segment): void {
  const quoted = take(seg, /(?:"([^"]+)"|`([^`]+)`|'([^']+)')/, (m) => {
    const text = (m.raw(1) ?? m.raw(2) ?? m.raw(3))!.trim();
    if (!PROMQL_START.test(text.toLowerCase()) || seg.slots.promql) return false;
    seg.slots.promql = text;
  });
  if (quoted) return;
  const explicit = /(?<![\w-])(?:promql|query|expr)\s*[:=]\s*(?=\S)/.exec(seg.rest);
  const start = explicit ? explicit.index + explicit[0].length : seg.rest.search(PROMQL_START);
  if (start < 0) return;
  const end = promqlEnd(seg.raw, start);
  if (end <= start) return;
  seg.slots.promql = seg.raw.slice(start, end);
  seg.rest = seg.rest.slice(0, start) + ' '.repeat(end - start) + seg.rest.slice(end);
}

/** key=value, key!=value, key=~"regex" anywhere: labels, alert matchers, or targets such as pod=x. */
function pairs(seg: Segment): void {
  take(seg, /(?<![\w-])([a-z_][\w./-]*)\s*(=~|!~|!=|==|=)\s*(?:"([^"]*)"|'([^']*)'|([\w./*:-]+))/, (m) => {
    const op = (m.low(2) === '==' ? '=' : m.low(2)) as Pair['op'];
    const value = m.raw(3) ?? m.raw(4) ?? m.raw(5) ?? '';
    seg.slots.pairs.push({ key: m.raw(1)!, op, value });
  });
}

/** Quoted text nothing else used: a name in quotes, or words to carry (a silence comment). */
function quoted(seg: Segment): void {
  take(seg, /"([^"]+)"|`([^`]+)`|(?<![\w-])'([^']+)'/, (m) => {
    seg.slots.quoted.push((m.raw(1) ?? m.raw(2) ?? m.raw(3))!.trim());
  });
}

export function extractPromql(seg: Segment): void {
  promql(seg);
}

export function extractSelectors(seg: Segment): void {
  labelSelector(seg);
}

export function extractPairs(seg: Segment): void {
  pairs(seg);
}

export function extractQuoted(seg: Segment): void {
  quoted(seg);
}

import type { Duration, Segment } from '../segment.ts';
import { take } from '../segment.ts';

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;
type Unit = keyof typeof UNIT_SECONDS;

const UNIT_WORDS: [Unit, string][] = [
  ['s', 's|sec|secs|second|seconds|秒钟|秒'],
  ['m', 'm|min|mins|minute|minutes|分钟|分'],
  ['h', 'h|hr|hrs|hour|hours|个小时|小时|钟头'],
  ['d', 'd|day|days|天|日(?!志)'],
  ['w', 'w|wk|wks|week|weeks|个星期|星期|周(?!期)|礼拜'],
];
const UNIT = `(${UNIT_WORDS.map(([, w]) => w).join('|')})`;
const unitOf = (word: string): Unit =>
  UNIT_WORDS.find(([, w]) => new RegExp(`^(?:${w})$`).test(word))?.[0] ?? 's';

/** 1.5h → "90m", 2h → "2h": Prometheus durations take whole numbers only. */
export function duration(amount: number, unit: Unit): Duration {
  const seconds = Math.round(amount * UNIT_SECONDS[unit]);
  if (Number.isInteger(amount)) return { text: `${amount}${unit}`, seconds };
  const smaller = (['d', 'h', 'm', 's'] as Unit[]).find(
    (u) => UNIT_SECONDS[u] < UNIT_SECONDS[unit] && seconds % UNIT_SECONDS[u] === 0,
  )!;
  return { text: `${seconds / UNIT_SECONDS[smaller]}${smaller}`, seconds };
}

/** Compared with when: 昨天 / yesterday → 1d, last week → 1w, "2 hours ago" / 2 小时前 → 2h. */
function offsets(seg: Segment): void {
  const set = (d: string) => {
    seg.slots.offset ??= d;
  };
  take(
    seg,
    /昨天|昨日|前一天|(?<![\w-])yesterday(?![\w-])|(?:a|one|1)\s+day\s+(?:ago|before|earlier)|1\s*天前/,
    () => set('1d'),
  );
  take(
    seg,
    /上个?(?:星期|礼拜|周)|前一周|1\s*周前|(?<![\w-])last\s+week(?![\w-])|(?:a|one|1)\s+week\s+(?:ago|before|earlier)/,
    () => set('1w'),
  );
  take(seg, /上一?个?小时|(?:the\s+)?previous\s+hour|an\s+hour\s+(?:ago|before|earlier)/, () => set('1h'));
  take(
    seg,
    new RegExp(
      `(\\d+(?:\\.\\d+)?)\\s*${UNIT}\\s*(?:前|之前|以前|(?<![\\w-])(?:ago|before|earlier)(?![\\w-]))`,
    ),
    (m) => set(duration(Number(m.low(1)), unitOf(m.low(2)!)).text),
  );
}

/** 30m, 2 hours, 30 分钟, 2 小时, "past hour", "the last day", --since=15m. */
function durations(seg: Segment): void {
  const add = (d: Duration) => {
    if (d.seconds > 0) seg.slots.durations.push(d);
  };
  take(
    seg,
    new RegExp(`(?<![\\w.-])(\\d+(?:\\.\\d+)?)\\s*(?:个\\s*)?${UNIT}(?![a-z0-9])(?:\\s*(?:内|以内|之内))?`),
    (m) => add(duration(Number(m.low(1)), unitOf(m.low(2)!))),
  );
  take(seg, /(?<![\w-])(?:past|last|previous|recent|this)\s+(hour|day|week|minute)(?![\w-])/, (m) =>
    add(duration(1, unitOf(m.low(1)!))),
  );
  take(seg, /(?:最近|过去|近)\s*(?:一个?\s*)?(小时|天|周|分钟)/, (m) => add(duration(1, unitOf(m.low(1)!))));
}

export function extractTime(seg: Segment): void {
  offsets(seg);
  durations(seg);
}

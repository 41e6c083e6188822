/**
 * Number words → digits, so that every later step only has to read Arabic numbers: Chinese numerals
 * (十, 两, 三十, 一百二十, 百分之九十九) and English number words next to a count or a unit.
 * Idioms that merely contain a numeral (一下, 一直, 上一个版本, 看一看) are left alone.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

/** The value of a Chinese numeral such as 三十五 or 一百零二; undefined when it is not one. */
function parseChineseNumber(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined) return undefined;
    if (unit === 10_000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else section += (digit ?? 1) * unit;
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

const RUN = /[零〇一二两三四五六七八九十百千万]+/g;
/** What may follow a numeral that is a real count: counters, units, quantities. */
const COUNTED =
  /^(个|副本|份|实例|台|小时|钟头|分钟|分|秒|天|日|周|星期|倍|核|行|条|次|版|号|[a-z%]|\s*\d|\s+[a-z])/i;
/** Idioms that begin or end with 一 and are not counts. */
const IDIOM_AFTER = /^(下|直|些|点|起|般|样|致|旦|切|遍|会|共|定|律|向|再|键|览|边|眼|次性|段时间)/;
const IDIOM_BEFORE = /(上|下|前|后|统|唯|同|另|任|每|看|试|查|想|等)$/;

function convertChinese(s: string): string {
  s = s.replace(/百分之\s*([零〇一二两三四五六七八九十百]+|\d+(?:\.\d+)?)/g, (_, n: string) => {
    const v = /\d/.test(n) ? n : parseChineseNumber(n);
    return v === undefined ? _ : `${v}%`;
  });
  s = s.replace(/(\d+|[一二两三四五六七八九十]+)\s*个半\s*(小时|钟头)/g, (m, n: string) => {
    const v = /\d/.test(n) ? Number(n) : parseChineseNumber(n);
    return v === undefined ? m : `${v * 60 + 30}分钟`;
  });
  s = s.replace(/半\s*个?\s*(小时|钟头)/g, '30分钟');
  return s.replace(RUN, (run, offset: number, whole: string) => {
    const before = whole.slice(0, offset);
    const after = whole.slice(offset + run.length);
    if (run === '千万' || run === '万一' || run === '一一') return run;
    if (run.startsWith('一') && run.length === 1) {
      if (IDIOM_AFTER.test(after) || IDIOM_BEFORE.test(before)) return run;
      // 看一看, 试一试: a verb repeated around 一.
      if (before.length && after.startsWith(before[before.length - 1])) return run;
    }
    if (run === '十' && after.startsWith('分') && !after.startsWith('分钟')) return run;
    if (!COUNTED.test(after) && !/(到|至|为|成|是|第|近|过去|最后|前|后|扩|缩|加|减)\s*$/.test(before))
      return run;
    const v = parseChineseNumber(run);
    return v === undefined ? run : String(v);
  });
}

const EN_NUMBERS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  hundred: 100,
};
const EN_WORD = Object.keys(EN_NUMBERS).join('|');
const EN_BEFORE = '(?:to|=|at|by|with|last|past|first|top|next|every|of|for|within)';
const EN_AFTER =
  '(?:replicas?|instances?|pods?|copies|lines?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|cores?|cpus?)';

function convertEnglish(s: string): string {
  return s
    .replace(new RegExp(`\\b(${EN_WORD})(?=\\s+${EN_AFTER}\\b)`, 'gi'), (w) =>
      String(EN_NUMBERS[w.toLowerCase()]),
    )
    .replace(
      new RegExp(`\\b(${EN_BEFORE})\\s+(${EN_WORD})\\b`, 'gi'),
      (_, p: string, w: string) => `${p} ${EN_NUMBERS[w.toLowerCase()]}`,
    );
}

/** Replace number words by digits; the text is otherwise unchanged. */
export function numeralsToDigits(s: string): string {
  return convertEnglish(convertChinese(s))
    .replace(/负\s*(?=\d)/g, '-')
    .replace(/(?<![a-z])minus\s+(?=\d)/gi, '-');
}

/** Five-field cron schedules (minute hour day-of-month month day-of-week), evaluated in UTC. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

interface Field {
  values: Set<number>;
  /** `*` (or `?`): days-of-month and days-of-week combine with OR only when both are restricted. */
  any: boolean;
}

function parseField(text: string, min: number, max: number, names: string[] = [], offset = 0): Field {
  const values = new Set<number>();
  const value = (s: string) => {
    const named = names.indexOf(s.toLowerCase());
    const n = named >= 0 ? named + offset : Number(s);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`value ${s} out of range ${min}-${max}`);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad step in ${part}`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [min, max];
    else if (range.includes('-')) [lo, hi] = range.split('-').map(value) as [number, number];
    else [lo, hi] = [value(range), stepText === undefined ? value(range) : max];
    if (lo > hi) throw new Error(`bad range ${range}`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, any: text === '*' || text === '?' };
}

export interface CronSchedule {
  matches(ms: number): boolean;
  /** The first matching minute strictly after `ms`. */
  next(ms: number): number;
  /** The last matching minute at or before `ms`. */
  previous(ms: number): number | undefined;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SEARCH_LIMIT_MS = 5 * 366 * DAY;

/** Parses `*\/5 * * * *`, `0 9-17 * * mon-fri`, `@daily`…; throws on a malformed schedule. */
export function parseCron(expression: string): CronSchedule {
  const text = MACROS[expression.trim().toLowerCase()] ?? expression.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new Error(`expected exactly 5 fields, found ${parts.length}: ${expression}`);
  const minute = parseField(parts[0], 0, 59);
  const hour = parseField(parts[1], 0, 23);
  const dom = parseField(parts[2], 1, 31);
  const month = parseField(parts[3], 1, 12, MONTHS, 1);
  const dow = parseField(parts[4], 0, 7, DAYS);
  if (dow.values.has(7)) dow.values.add(0);

  const dayMatches = (d: Date) => {
    const byDom = dom.values.has(d.getUTCDate());
    const byDow = dow.values.has(d.getUTCDay());
    if (dom.any || dow.any) return (dom.any || byDom) && (dow.any || byDow);
    return byDom || byDow;
  };
  const matches = (ms: number) => {
    const d = new Date(ms);
    return (
      minute.values.has(d.getUTCMinutes()) &&
      hour.values.has(d.getUTCHours()) &&
      month.values.has(d.getUTCMonth() + 1) &&
      dayMatches(d)
    );
  };
  /** Walks minute by minute, skipping whole days and hours that cannot match. */
  const walk = (start: number, direction: 1 | -1): number | undefined => {
    let t = Math.floor(start / MINUTE) * MINUTE;
    const limit = start + direction * SEARCH_LIMIT_MS;
    while (direction > 0 ? t <= limit : t >= limit) {
      const d = new Date(t);
      if (!month.values.has(d.getUTCMonth() + 1) || !dayMatches(d)) {
        const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
        t = direction > 0 ? dayStart + DAY : dayStart - MINUTE;
      } else if (!hour.values.has(d.getUTCHours())) {
        const hourStart = t - (t % HOUR);
        t = direction > 0 ? hourStart + HOUR : hourStart - MINUTE;
      } else if (!minute.values.has(d.getUTCMinutes())) t += direction * MINUTE;
      else return t;
    }
    return undefined;
  };
  return {
    matches,
    next: (ms) => walk(Math.floor(ms / MINUTE) * MINUTE + MINUTE, 1) ?? Number.POSITIVE_INFINITY,
    previous: (ms) => walk(ms, -1),
  };
}

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DURATION, durationMs } from '../prometheus/queries/names.ts';

/**
 * The shipped Prometheus rules (deploy/prometheus/rules/) and their fast variant for a sandbox whose
 * clock runs `speed` times faster than the wall clock.
 *
 * Why rewrite durations rather than keep a second rule set: the tests must exercise the very rules
 * users run. Prometheus measures windows in wall time while the sandbox's counters and gauges move in
 * simulated time, so dividing every duration in an expression by the speed keeps each rule's meaning
 * exactly: `[5m]` still covers five simulated minutes. Ratios, gauges and counts over a window do not
 * depend on the speed; a threshold on a per-second rate would (it would need multiplying by the speed),
 * which is why no shipped rule has one. `for:` is set apart: it is confirmation time, so a test sets
 * it to 0s to see an alert at the first evaluation that sees its condition.
 */

export const SHIPPED_RULES_DIR = new URL('../../deploy/prometheus/rules/', import.meta.url).pathname;

export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Rule[];
}

export interface RuleFile {
  path: string;
  groups: RuleGroup[];
}

export interface SpeedUp {
  /** How many times faster than the wall clock the monitored system's clock runs (sandbox `speed`). */
  speed: number;
  /** The shortest range window written (a rate needs several scrapes inside it); default 5s. */
  minRangeSeconds?: number;
  /** `for` in seconds for every rule; default: the rule's own `for` divided by the speed. */
  forSeconds?: number;
}

/** Milliseconds of a Prometheus duration (`1h30m`, `90s`, `250ms`); the error names the rule file's text. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) throw new Error(`not a Prometheus duration: "${text}" (use e.g. 5m, 1h30m)`);
  return durationMs(trimmed);
}

/** A duration Prometheus accepts: milliseconds when a short one has a fraction of a second, else seconds. */
export function formatDuration(ms: number): string {
  const rounded = Math.max(0, Math.round(ms));
  return rounded % 1000 === 0 || rounded >= 10_000 ? `${Math.round(rounded / 1000)}s` : `${rounded}ms`;
}

/**
 * Rewrites every duration of a PromQL expression — range windows `[5m]`, subqueries `[1h:5m]` and
 * `offset 10m` — through `scale`, leaving quoted strings (label values, regexes) untouched.
 */
export function rewriteDurations(
  expr: string,
  scale: (ms: number, kind: 'range' | 'step' | 'offset') => number,
): string {
  let out = '';
  let i = 0;
  const rewrite = (text: string, kind: 'range' | 'step' | 'offset') =>
    text.trim() === '' ? text : formatDuration(scale(parseDuration(text), kind));
  while (i < expr.length) {
    const c = expr[i];
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < expr.length && expr[j] !== c) j += expr[j] === '\\' && c !== '`' ? 2 : 1;
      out += expr.slice(i, j + 1);
      i = j + 1;
    } else if (c === '[') {
      const end = expr.indexOf(']', i);
      if (end < 0) throw new Error(`unclosed "[" in ${expr}`);
      const [range, step] = expr.slice(i + 1, end).split(':');
      out += `[${rewrite(range, 'range')}${step === undefined ? '' : `:${rewrite(step, 'step')}`}]`;
      i = end + 1;
    } else {
      const offset = /^offset(\s+)(-?)(\d+(?:ms|[smhdwy])(?:\d+(?:ms|[smhdwy]))*)/.exec(expr.slice(i));
      if (offset && !/[\w:]/.test(expr[i - 1] ?? '')) {
        out += `offset${offset[1]}${offset[2]}${rewrite(offset[3], 'offset')}`;
        i += offset[0].length;
      } else {
        out += c;
        i++;
      }
    }
  }
  return out;
}

/** The rule groups with every duration divided by the speed (see the module comment for why). */
export function speedUpGroups(groups: RuleGroup[], options: SpeedUp): RuleGroup[] {
  const { speed } = options;
  if (!(speed >= 1)) throw new Error(`speed must be >= 1, got ${speed}`);
  const minRange = (options.minRangeSeconds ?? 5) * 1000;
  const scale = (ms: number, kind: 'range' | 'step' | 'offset') =>
    kind === 'range' ? Math.max(minRange, ms / speed) : Math.max(1000, ms / speed);
  const scaleFor = (text: string | undefined) =>
    options.forSeconds !== undefined
      ? formatDuration(options.forSeconds * 1000)
      : text && formatDuration(parseDuration(text) / speed);
  return groups.map((g) => ({
    ...g,
    ...(g.interval ? { interval: formatDuration(parseDuration(g.interval) / speed) } : {}),
    rules: g.rules.map((r) => {
      const rule: Rule = { ...r, expr: rewriteDurations(r.expr, scale) };
      const forText = scaleFor(r.for);
      if (forText !== undefined && r.alert) rule.for = forText;
      if (r.keep_firing_for) rule.keep_firing_for = formatDuration(parseDuration(r.keep_firing_for) / speed);
      return rule;
    }),
  }));
}

/** Every `*.yml` rule file of a folder (the shipped rules by default), parsed. */
export function loadRuleFiles(dir: string = SHIPPED_RULES_DIR): RuleFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const doc = parse(readFileSync(path, 'utf8')) as { groups?: RuleGroup[] } | null;
      if (!Array.isArray(doc?.groups))
        throw new Error(`${path} has no "groups:" list; is it a Prometheus rule file?`);
      return { path, groups: doc.groups };
    });
}

/** Writes the sped-up copy of each rule file into `outDir`; returns the paths written. */
export function writeSpedUpRules(outDir: string, options: SpeedUp): string[] {
  mkdirSync(outDir, { recursive: true });
  return loadRuleFiles().map((file) => {
    const path = join(outDir, basename(file.path));
    writeFileSync(path, stringify({ groups: speedUpGroups(file.groups, options) }, { lineWidth: 0 }));
    return path;
  });
}

/** Every alerting rule of the files, with the file it is in. */
export const alertRules = (files: RuleFile[]) =>
  files.flatMap((f) =>
    f.groups.flatMap((g) =>
      g.rules.filter((r) => r.alert).map((rule) => ({ file: f.path, group: g.name, rule })),
    ),
  );

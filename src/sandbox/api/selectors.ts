import { badRequest } from '../core/errors.ts';
import type { KubeObject } from '../core/types.ts';
import { isRecord } from './decode.ts';

export type Predicate = (obj: KubeObject) => boolean;

interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!exists' | 'gt' | 'lt';
  values: string[];
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Splits on commas that are not inside `( … )`. */
function splitTerms(input: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '(') depth++;
    else if (input[i] === ')') depth--;
    else if (input[i] === ',' && depth === 0) {
      terms.push(input.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(input.slice(start));
  return terms.map((t) => t.trim());
}

function parseRequirement(term: string, selector: string): Requirement {
  const fail = (why: string) =>
    badRequest(`unable to parse requirement: ${why} in label selector "${selector}"`);
  let m = /^!\s*([^\s=!<>(),]+)$/.exec(term);
  if (m) return { key: m[1], op: '!exists', values: [] };
  m = /^([^\s=!<>(),]+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(term);
  if (m) {
    const values = m[3].split(',').map((v) => v.trim());
    for (const v of values) if (!LABEL_VALUE.test(v)) throw fail(`invalid label value: "${v}"`);
    return { key: m[1], op: m[2] as 'in' | 'notin', values };
  }
  m = /^([^\s=!<>(),]+)\s*(==|=|!=|>|<)\s*([^\s=!<>(),]*)$/.exec(term);
  if (m) {
    const [, key, op, value] = m;
    if (!LABEL_VALUE.test(value)) throw fail(`invalid label value: "${value}"`);
    if (op === '>' || op === '<') {
      if (!/^-?\d+$/.test(value)) throw fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
      return { key, op: op === '>' ? 'gt' : 'lt', values: [value] };
    }
    return { key, op: op === '!=' ? 'notin' : 'in', values: [value] };
  }
  m = /^([^\s=!<>(),]+)$/.exec(term);
  if (m) return { key: m[1], op: 'exists', values: [] };
  throw fail(`found '${term}', expected: identifier`);
}

function matchesRequirement(labels: Record<string, string>, r: Requirement): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.op) {
    case 'exists':
      return has;
    case '!exists':
      return !has;
    case 'in':
      return has && r.values.includes(value as string);
    case 'notin':
      return !has || !r.values.includes(value as string);
    case 'gt':
    case 'lt': {
      const n = Number(value);
      if (!has || !/^-?\d+$/.test(value as string)) return false;
      return r.op === 'gt' ? n > Number(r.values[0]) : n < Number(r.values[0]);
    }
  }
}

/** A label-selector string (`app=web,tier!=db,env in (a,b),!canary`) as a predicate; undefined when empty. */
export function labelPredicate(selector: string | null | undefined): Predicate | undefined {
  if (!selector?.trim()) return undefined;
  const requirements = splitTerms(selector).map((t) => parseRequirement(t, selector));
  return (obj) => {
    const labels = isRecord(obj.metadata.labels) ? (obj.metadata.labels as Record<string, string>) : {};
    return requirements.every((r) => matchesRequirement(labels, r));
  };
}

/** Whether `labels` satisfy a structured LabelSelector (matchLabels + matchExpressions); an empty selector matches all. */
export function matchesLabelSelector(selector: unknown, labels: Record<string, string> | undefined): boolean {
  if (!isRecord(selector)) return false;
  const own = labels ?? {};
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  for (const [k, v] of Object.entries(matchLabels)) if (own[k] !== v) return false;
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  for (const e of expressions) {
    if (!isRecord(e) || typeof e.key !== 'string') return false;
    const values = Array.isArray(e.values) ? (e.values as string[]) : [];
    const op = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!exists' }[String(e.operator)];
    if (!op || !matchesRequirement(own, { key: e.key, op: op as Requirement['op'], values })) return false;
  }
  return true;
}

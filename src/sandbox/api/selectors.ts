import { matchesRequirement, type LabelSelectorRequirement as Requirement } from '../../kube/selectors.ts';
import { badRequest } from '../core/errors.ts';
import type { KubeObject } from '../core/types.ts';
import { isRecord } from './decode.ts';

export type Predicate = (obj: KubeObject) => boolean;

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
  if (m) return { key: m[1], operator: 'DoesNotExist' };
  m = /^([^\s=!<>(),]+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(term);
  if (m) {
    const values = m[3].split(',').map((v) => v.trim());
    for (const v of values) if (!LABEL_VALUE.test(v)) throw fail(`invalid label value: "${v}"`);
    return { key: m[1], operator: m[2] === 'in' ? 'In' : 'NotIn', values };
  }
  m = /^([^\s=!<>(),]+)\s*(==|=|!=|>|<)\s*([^\s=!<>(),]*)$/.exec(term);
  if (m) {
    const [, key, op, value] = m;
    if (!LABEL_VALUE.test(value)) throw fail(`invalid label value: "${value}"`);
    if (op === '>' || op === '<') {
      if (!/^-?\d+$/.test(value)) throw fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
      return { key, operator: op === '>' ? 'Gt' : 'Lt', values: [value] };
    }
    return { key, operator: op === '!=' ? 'NotIn' : 'In', values: [value] };
  }
  m = /^([^\s=!<>(),]+)$/.exec(term);
  if (m) return { key: m[1], operator: 'Exists' };
  throw fail(`found '${term}', expected: identifier`);
}

/** A label-selector string (`app=web,tier!=db,env in (a,b),!canary`) as a predicate; undefined when empty. */
export function labelPredicate(selector: string | null | undefined): Predicate | undefined {
  if (!selector?.trim()) return undefined;
  const requirements = splitTerms(selector).map((t) => parseRequirement(t, selector));
  return (obj) => {
    const labels = isRecord(obj.metadata.labels) ? (obj.metadata.labels as Record<string, string>) : {};
    return requirements.every((r) => matchesRequirement(r, labels));
  };
}

import type { Evidence } from '../evidence/evidence.ts';
import { refKey } from '../evidence/evidence.ts';
import { podsSelectedBy } from '../signals/services.ts';
import type { Detected } from '../types.ts';
import { explainsSameObject, rankOf } from './rules.ts';

const SEVERITY: Record<string, number> = { critical: 0, warning: 1, info: 2 };

interface Candidate {
  cause: number;
  sameObject: boolean;
}

/** A Service a finding needs stands for the workloads and pods behind it: their trouble is its trouble. */
function expandNeeds(ev: Evidence, f: Detected): Set<string> {
  const needs = new Set(f.links.needs);
  for (const key of f.links.needs) {
    if (!key.startsWith('Service/')) continue;
    const [, ns, name] = key.split('/');
    const svc = ev.get('Service', ns, name);
    if (!svc) continue;
    for (const pod of podsSelectedBy(ev, svc)) {
      needs.add(`Pod/${pod.metadata.namespace}/${pod.metadata.name}`);
      const w = ev.workloadOf(pod);
      if (w) needs.add(refKey(w));
    }
  }
  return needs;
}

/**
 * For each finding, the index of the finding that explains it (or -1). Among several explanations a
 * trouble of the same object wins over one of a dependency, then the most fundamental (lowest rank):
 * api 5xx → api cannot reach postgres → postgres volume full. Edges that would close a cycle are dropped.
 */
export function linkCauses(ev: Evidence, findings: Detected[]): number[] {
  const subjects = findings.map((f) => new Set(f.links.subjects));
  const needs = findings.map((f) => expandNeeds(ev, f));
  // Which findings are about each object: candidates come from here instead of every pair.
  const about = new Map<string, number[]>();
  findings.forEach((_, i) => {
    for (const key of subjects[i]) {
      const list = about.get(key);
      if (list) list.push(i);
      else about.set(key, [i]);
    }
  });
  const causedBy = findings.map(() => -1);
  const order = findings
    .map((_, i) => i)
    .sort((a, b) => rankOf(findings[b].pattern) - rankOf(findings[a].pattern));
  for (const e of order) {
    const effect = findings[e];
    const candidates = new Map<number, Candidate>();
    for (const key of subjects[e]) {
      for (const c of about.get(key) ?? []) {
        if (c !== e && explainsSameObject(findings[c].pattern, effect.pattern))
          candidates.set(c, { cause: c, sameObject: true });
      }
    }
    for (const key of needs[e]) {
      for (const c of about.get(key) ?? []) {
        if (c === e || candidates.has(c)) continue;
        const cause = findings[c];
        if (cause.pattern === effect.pattern && sameRef(cause, effect)) continue;
        candidates.set(c, { cause: c, sameObject: false });
      }
    }
    const sorted = [...candidates.values()].sort((x, y) => {
      const a = findings[x.cause];
      const b = findings[y.cause];
      return (
        Number(y.sameObject) - Number(x.sameObject) ||
        rankOf(a.pattern) - rankOf(b.pattern) ||
        SEVERITY[a.severity] - SEVERITY[b.severity] ||
        b.confidence - a.confidence ||
        x.cause - y.cause
      );
    });
    for (const { cause } of sorted) {
      if (!reaches(causedBy, cause, e)) {
        causedBy[e] = cause;
        break;
      }
    }
  }
  return causedBy;
}

const sameRef = (a: Detected, b: Detected) => refKey(a.resource) === refKey(b.resource);

/** Whether following causes from `from` arrives at `target` (adding target → from would close a loop). */
function reaches(causedBy: number[], from: number, target: number): boolean {
  for (let i = from, steps = 0; i !== -1 && steps <= causedBy.length; i = causedBy[i], steps++) {
    if (i === target) return true;
  }
  return false;
}

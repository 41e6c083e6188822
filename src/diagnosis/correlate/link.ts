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

const intersects = (a: Iterable<string>, b: Set<string>) => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/**
 * For each finding, the index of the finding that explains it (or -1). Among several explanations a
 * trouble of the same object wins over one of a dependency, then the most fundamental (lowest rank):
 * api 5xx → api cannot reach postgres → postgres volume full. Edges that would close a cycle are dropped.
 */
export function linkCauses(ev: Evidence, findings: Detected[]): number[] {
  const subjects = findings.map((f) => new Set(f.links.subjects));
  const needs = findings.map((f) => expandNeeds(ev, f));
  const causedBy = findings.map(() => -1);
  const order = findings
    .map((_, i) => i)
    .sort((a, b) => rankOf(findings[b].pattern) - rankOf(findings[a].pattern));
  for (const e of order) {
    const effect = findings[e];
    const candidates: Candidate[] = [];
    for (let c = 0; c < findings.length; c++) {
      if (c === e) continue;
      const cause = findings[c];
      const sameObject =
        explainsSameObject(cause.pattern, effect.pattern) && intersects(subjects[c], subjects[e]);
      const dependency =
        intersects(subjects[c], needs[e]) && !(cause.pattern === effect.pattern && sameRef(cause, effect));
      if (sameObject || dependency) candidates.push({ cause: c, sameObject });
    }
    candidates.sort((x, y) => {
      const a = findings[x.cause];
      const b = findings[y.cause];
      return (
        Number(y.sameObject) - Number(x.sameObject) ||
        rankOf(a.pattern) - rankOf(b.pattern) ||
        SEVERITY[a.severity] - SEVERITY[b.severity] ||
        b.confidence - a.confidence
      );
    });
    for (const { cause } of candidates) {
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

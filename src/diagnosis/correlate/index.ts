import type { Evidence } from '../evidence/evidence.ts';
import type { Detected, Finding } from '../types.ts';
import { linkCauses } from './link.ts';
import { rankOf } from './rules.ts';

const SEVERITY: Record<string, number> = { critical: 0, warning: 1, info: 2 };
const MAX_WHYS = 7;

/** What an alert points at: object keys (`Pod/ns/name`, `Deployment/ns/name`, `Node//name`) and the patterns its name suggests. */
export interface Focus {
  keys: Set<string>;
  patterns: string[];
}

const matchesFocus = (f: Detected, focus: Focus) =>
  f.links.subjects.some((s) => focus.keys.has(s)) ||
  (f.workload !== null &&
    focus.keys.has(`${f.workload.kind}/${f.workload.namespace ?? ''}/${f.workload.name}`));

/**
 * Links findings into cause and symptom, then orders them: root causes first (those that explain the
 * focused alert first of all, then by severity, by how much they explain, by confidence), then the
 * symptoms, each carrying `causedBy`. A root's whys start from the symptom furthest down its chain.
 */
export function correlate(ev: Evidence, detected: Detected[], focus?: Focus): Finding[] {
  const causedBy = linkCauses(ev, detected);
  const rootOf = detected.map((_, i) => {
    let r = i;
    while (causedBy[r] !== -1) r = causedBy[r];
    return r;
  });
  const depth = detected.map((_, i) => {
    let d = 0;
    for (let r = i; causedBy[r] !== -1; r = causedBy[r]) d++;
    return d;
  });
  const explains = detected.map((_, i) => rootOf.filter((r, j) => r === i && j !== i).length);
  const focusScore = detected.map((_, i) => {
    if (!focus) return 0;
    let best = 0;
    detected.forEach((g, j) => {
      if (rootOf[j] !== i || !matchesFocus(g, focus)) return;
      best = Math.max(best, focus.patterns.includes(g.pattern) ? 2 : 1);
    });
    return best;
  });
  const roots = detected
    .map((_, i) => i)
    .filter((i) => causedBy[i] === -1)
    .sort(
      (a, b) =>
        focusScore[b] - focusScore[a] ||
        SEVERITY[detected[a].severity] - SEVERITY[detected[b].severity] ||
        explains[b] - explains[a] ||
        detected[b].confidence - detected[a].confidence ||
        rankOf(detected[a].pattern) - rankOf(detected[b].pattern),
    );
  const rootPosition = new Map(roots.map((r, i) => [r, i]));
  const symptoms = detected
    .map((_, i) => i)
    .filter((i) => causedBy[i] !== -1)
    .sort(
      (a, b) =>
        (rootPosition.get(rootOf[a]) ?? 0) - (rootPosition.get(rootOf[b]) ?? 0) ||
        depth[a] - depth[b] ||
        SEVERITY[detected[a].severity] - SEVERITY[detected[b].severity] ||
        detected[b].confidence - detected[a].confidence,
    );
  return [...roots, ...symptoms].map((i) => {
    const { links: _links, ...printed } = detected[i];
    const out: Finding = { ...printed };
    if (causedBy[i] === -1) out.whys = chainWhys(detected, causedBy, i);
    else out.causedBy = { pattern: detected[causedBy[i]].pattern, resource: detected[causedBy[i]].resource };
    return out;
  });
}

/** The root's whys, preceded by the steps from its furthest symptom down to it. */
function chainWhys(detected: Detected[], causedBy: number[], root: number): string[] {
  let deepest = root;
  let deepestDepth = 0;
  detected.forEach((_, j) => {
    let d = 0;
    let r = j;
    while (causedBy[r] !== -1) {
      r = causedBy[r];
      d++;
    }
    if (
      r === root &&
      (d > deepestDepth ||
        (d === deepestDepth && d > 0 && rankOf(detected[j].pattern) > rankOf(detected[deepest].pattern)))
    ) {
      deepest = j;
      deepestDepth = d;
    }
  });
  const own = detected[root].whys;
  if (deepest === root) return own;
  const steps: string[] = [detected[deepest].whys[0] ?? `Why? ${detected[deepest].summary}.`];
  for (let j = causedBy[deepest]; j !== root && j !== -1; j = causedBy[j])
    steps.push(`Why? ${detected[j].summary}.`);
  steps.push(`Why? ${detected[root].summary}.`);
  const room = Math.max(1, MAX_WHYS - own.length + 1);
  return [...steps.slice(0, room), ...own.slice(1)].slice(0, MAX_WHYS);
}

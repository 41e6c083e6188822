/** Node selector terms and taint tolerations, with the real API semantics; label selectors live in src/kube. */

import { type LabelSelectorRequirement, matchesRequirement } from '../../kube/selectors.ts';

export { matchesSelector } from '../../kube/selectors.ts';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

type Labels = Record<string, string> | undefined;

/** A Service-style selector (a plain map): every pair must be present. */
export function matchesLabels(selector: Record<string, string> | undefined, labels: Labels): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector)) if (labels?.[k] !== v) return false;
  return true;
}

interface NodeSelectorTerm {
  matchExpressions?: LabelSelectorRequirement[];
  matchFields?: LabelSelectorRequirement[];
}

/** Terms are ORed, requirements within a term ANDed; an empty term matches nothing. */
export function matchesNodeSelectorTerms(
  terms: NodeSelectorTerm[],
  node: { metadata: { name: string; labels?: Labels } },
): boolean {
  return terms.some((term) => {
    const exprs = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    if (exprs.length === 0 && fields.length === 0) return false;
    return (
      exprs.every((req) => matchesRequirement(req, node.metadata.labels)) &&
      fields.every(
        (req) =>
          req.key === 'metadata.name' && matchesRequirement(req, { 'metadata.name': node.metadata.name }),
      )
    );
  });
}

/** nodeSelector plus required node affinity, as the NodeAffinity filter checks them. */
export function podMatchesNode(podSpec: any, node: { metadata: { name: string; labels?: Labels } }): boolean {
  const labels = node.metadata.labels;
  for (const [k, v] of Object.entries((podSpec?.nodeSelector ?? {}) as Record<string, string>)) {
    if (labels?.[k] !== v) return false;
  }
  const terms =
    podSpec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return !terms || matchesNodeSelectorTerms(terms, node);
}

export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
}

/** The first NoSchedule/NoExecute taint no toleration covers, as the TaintToleration filter reports it. */
export function untoleratedTaint(
  taints: Taint[] | undefined,
  tolerations: Toleration[] | undefined,
): Taint | undefined {
  return (taints ?? []).find(
    (t) =>
      (t.effect === 'NoSchedule' || t.effect === 'NoExecute') &&
      !(tolerations ?? []).some((tol) => tolerates(tol, t)),
  );
}

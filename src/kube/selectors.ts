/** Structured label selectors (metav1.LabelSelector) with the API server's semantics: the one matcher. */

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

type Labels = Record<string, string> | undefined;

/** One requirement; `Gt`/`Lt` compare integers, as node selector terms allow. Unknown operators match nothing. */
export function matchesRequirement(req: LabelSelectorRequirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, req.key);
  const value = has ? labels![req.key] : undefined;
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(value!);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || !/^-?\d+$/.test(value!)) return false;
      const bound = Number.parseInt(req.values?.[0] ?? '', 10);
      if (Number.isNaN(bound)) return false;
      const actual = Number.parseInt(value!, 10);
      return req.operator === 'Gt' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether `labels` satisfy a LabelSelector: an empty selector matches everything, a missing one
 * nothing. Takes `unknown` because selectors often come from client input or stored objects; a
 * malformed requirement matches nothing rather than throwing.
 */
export function matchesSelector(selector: unknown, labels: Labels): boolean {
  if (!isRecord(selector)) return false;
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  for (const [k, v] of Object.entries(matchLabels)) if (labels?.[k] !== v) return false;
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return expressions.every(
    (e) =>
      isRecord(e) &&
      typeof e.key === 'string' &&
      matchesRequirement(
        {
          key: e.key,
          operator: String(e.operator),
          values: Array.isArray(e.values) ? (e.values as string[]) : [],
        },
        labels,
      ),
  );
}

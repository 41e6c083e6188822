/** A workload (or node, or any object) no automated change may touch. Every given field must match. */
export interface ProtectedRule {
  namespace?: string;
  kind?: string;
  name?: string;
  labels?: Record<string, string>;
}

/** What the gate enforces. Later issues add approval, blast-radius and rate limits beside these. */
export interface Policy {
  /** Refuse every mutation. */
  readOnly: boolean;
  /** Carry out every mutation as a server-side dry run (`dryRun=All`): validated, never persisted. */
  dryRun: boolean;
  /** When set, mutations only in these namespaces. */
  allowNamespaces?: string[];
  /** Never mutate in these namespaces. */
  denyNamespaces: string[];
  protected: ProtectedRule[];
}

/** Objects labelled `sre-nanobot.dev/protected: "true"` are protected unless the policy says otherwise. */
export const PROTECTED_LABEL = 'sre-nanobot.dev/protected';

export const defaultPolicy = (overrides: Partial<Policy> = {}): Policy => ({
  readOnly: false,
  dryRun: false,
  denyNamespaces: [],
  protected: [{ labels: { [PROTECTED_LABEL]: 'true' } }],
  ...overrides,
});

/** `production/payment-service`, `Deployment:production/payment-service`, `app=payments` — the CLI's --protect syntax. */
export function parseProtectedRule(text: string): ProtectedRule {
  if (/^[^=/:]+=[^=/]*$/.test(text)) {
    const [key, value] = text.split('=');
    return { labels: { [key]: value } };
  }
  const match = /^(?:([A-Za-z]+):)?([^/:=\s]+)\/([^/:=\s]+)$/.exec(text);
  if (!match)
    throw new Error(
      `'${text}' is not a protection rule; use NAMESPACE/NAME, KIND:NAMESPACE/NAME or LABEL=VALUE`,
    );
  const [, kind, namespace, name] = match;
  return { namespace, name: name === '*' ? undefined : name, ...(kind ? { kind } : {}) };
}

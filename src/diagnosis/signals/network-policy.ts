import type { Evidence } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import { matchesSelector } from './services.ts';

interface Peer {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: { cidr: string; except?: string[] };
}

interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: { port?: number | string; protocol?: string }[];
}

export type Direction = 'Ingress' | 'Egress';

const types = (np: K8sObject): Direction[] =>
  np.spec?.policyTypes ?? (np.spec?.egress ? ['Ingress', 'Egress'] : ['Ingress']);

/** Policies of a direction that select a pod: once one does, only what they allow gets through. */
const policiesFor = (ev: Evidence, pod: Pod, direction: Direction): K8sObject[] =>
  ev
    .list('NetworkPolicy', pod.metadata.namespace)
    .filter(
      (np) =>
        types(np).includes(direction) && matchesSelector(np.spec?.podSelector ?? {}, pod.metadata.labels),
    );

function namespaceLabels(ev: Evidence, ns: string | undefined): Record<string, string> {
  const obj = ev.get('Namespace', undefined, ns ?? 'default');
  return { 'kubernetes.io/metadata.name': ns ?? 'default', ...(obj?.metadata.labels ?? {}) };
}

function ipIn(ip: string | undefined, cidr: string): boolean {
  if (!ip) return false;
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText ?? 32);
  const toInt = (a: string) => a.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) || !/^\d+\.\d+\.\d+\.\d+$/.test(base)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toInt(ip) & mask) === (toInt(base) & mask);
}

function peerMatches(ev: Evidence, policy: K8sObject, peer: Peer, other: Pod): boolean {
  if (peer.ipBlock)
    return (
      ipIn(other.status?.podIP, peer.ipBlock.cidr) &&
      !(peer.ipBlock.except ?? []).some((c) => ipIn(other.status?.podIP, c))
    );
  const nsOk = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, namespaceLabels(ev, other.metadata.namespace))
    : other.metadata.namespace === policy.metadata.namespace;
  const podOk = peer.podSelector ? matchesSelector(peer.podSelector, other.metadata.labels) : true;
  return nsOk && podOk;
}

const portMatches = (rule: Rule, port: number | undefined, named: string | undefined) =>
  !rule.ports?.length ||
  port === undefined ||
  rule.ports.some(
    (p) => p.port === undefined || p.port === port || (named !== undefined && p.port === named),
  );

/**
 * Whether the policies selecting `pod` let traffic to or from `other` on `port` through. Returns the
 * policies that decide it when they deny it, or undefined when it is allowed (or no policy applies).
 */
export function deniedBy(
  ev: Evidence,
  pod: Pod,
  direction: Direction,
  other: Pod,
  port?: number,
  portName?: string,
): K8sObject[] | undefined {
  const policies = policiesFor(ev, pod, direction);
  if (!policies.length) return undefined;
  const allowed = policies.some((np) =>
    ((direction === 'Ingress' ? np.spec?.ingress : np.spec?.egress) ?? ([] as Rule[])).some((rule: Rule) => {
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      return (
        (!peers?.length || peers.some((p) => peerMatches(ev, np, p, other))) &&
        portMatches(rule, port, portName)
      );
    }),
  );
  return allowed ? undefined : policies;
}

/** `deny-all (selects app=api, allows no ingress)` */
export function describePolicy(np: K8sObject, direction: Direction): string {
  const rules = ((direction === 'Ingress' ? np.spec?.ingress : np.spec?.egress) ?? []) as Rule[];
  const sel = Object.entries(np.spec?.podSelector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const allows = rules.length
    ? rules
        .map((r) => {
          const peers = (direction === 'Ingress' ? r.from : r.to) ?? [];
          const who = peers.length
            ? peers
                .map((p) =>
                  JSON.stringify(
                    p.podSelector?.matchLabels ?? p.namespaceSelector?.matchLabels ?? p.ipBlock?.cidr ?? {},
                  ),
                )
                .join(' or ')
            : 'anyone';
          return `${who}${r.ports?.length ? ` on ${r.ports.map((p) => p.port).join(',')}` : ''}`;
        })
        .join('; ')
    : 'nothing';
  return `NetworkPolicy ${np.metadata.name} (selects ${sel || 'all pods'}; ${direction.toLowerCase()} allowed from/to: ${allows})`;
}

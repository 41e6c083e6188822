/** Pod template hashes as the Deployment, StatefulSet and DaemonSet controllers compute them. */

export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** JSON with object keys sorted, so equal templates hash equally whatever order a client wrote them in. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The template's hash the way Kubernetes spells it: FNV-32a printed in decimal, each digit mapped
 * through rand.SafeEncodeString's alphabet (which is why real hashes are made of `4-9bcdf`),
 * padded to 10 characters.
 */
export function templateHash(template: unknown, collisionCount = 0): string {
  const digits = String(
    fnv32a(stableStringify(template) + (collisionCount ? `/${collisionCount}` : '')),
  ).padStart(10, '0');
  let out = '';
  for (const ch of digits) out += SAFE_ALPHABET[ch.charCodeAt(0) % SAFE_ALPHABET.length];
  return out;
}

/** The template without the pod-template-hash label, for EqualIgnoreHash comparisons. */
export function withoutHashLabel(template: any): any {
  const copy = structuredClone(template ?? {});
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH];
    if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  }
  if (copy.metadata && Object.keys(copy.metadata).length === 0) delete copy.metadata;
  return copy;
}

export const sameTemplateIgnoringHash = (a: unknown, b: unknown) =>
  stableStringify(withoutHashLabel(a)) === stableStringify(withoutHashLabel(b));

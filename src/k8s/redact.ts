/**
 * Secret values never leave the cluster access layer: every Secret read, listed, created or
 * patched comes back with its values replaced by their sizes. Keys stay (a missing key is a
 * diagnosis), values go — including the copy kubectl keeps in the last-applied annotation.
 */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Obj = Record<string, any>;

const sizeOf = (value: unknown, encoding: 'base64' | 'text'): number =>
  typeof value !== 'string'
    ? 0
    : encoding === 'base64'
      ? Buffer.from(value, 'base64').length
      : Buffer.byteLength(value);

const masked = (values: unknown, encoding: 'base64' | 'text'): Obj | undefined => {
  if (!values || typeof values !== 'object') return undefined;
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, `<redacted: ${sizeOf(v, encoding)} bytes>`]),
  );
};

function redactSecret(secret: Obj): Obj {
  const out: Obj = { ...secret };
  if ('data' in secret) out.data = masked(secret.data, 'base64');
  if ('stringData' in secret) out.stringData = masked(secret.stringData, 'text');
  const annotations = secret.metadata?.annotations;
  if (annotations && LAST_APPLIED in annotations) {
    out.metadata = { ...secret.metadata, annotations: { ...annotations, [LAST_APPLIED]: '<redacted>' } };
  }
  return out;
}

/** Returns the object (or list) with every Secret's values masked; other objects come back as they are. */
export function redactSecrets<T>(body: T): T {
  const obj = body as Obj;
  if (!obj || typeof obj !== 'object') return body;
  if (obj.kind === 'Secret') return redactSecret(obj) as T;
  if (Array.isArray(obj.items)) {
    // List items from a real API server carry no kind: a SecretList's items are Secrets all the same.
    const allSecrets = obj.kind === 'SecretList';
    if (allSecrets || obj.items.some((i: Obj) => i?.kind === 'Secret')) {
      return {
        ...obj,
        items: obj.items.map((i: Obj) => (allSecrets || i?.kind === 'Secret' ? redactSecret(i) : i)),
      } as T;
    }
  }
  return body;
}

/** Values that belong in a secret but were put in plain env: masked by name in anything shown. */
const SENSITIVE_NAME = /passw|secret|token|api[-_]?key|private[-_]?key|credential/i;

export const isSensitiveName = (name: string): boolean => SENSITIVE_NAME.test(name);

export { LAST_APPLIED };

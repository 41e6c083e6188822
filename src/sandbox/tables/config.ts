import { AGE, column, NAME, quantity, since } from './format.ts';
import type { Printer } from './types.ts';

const count = (...maps: unknown[]): number =>
  new Set(maps.flatMap((m) => (m && typeof m === 'object' ? Object.keys(m) : []))).size;

export const configMapPrinter: Printer = {
  kinds: ['ConfigMap'],
  columns: [NAME, column('Data', 'Data contains the configuration data.'), AGE],
  cells: (cm, now) => [
    cm.metadata.name,
    count(cm.data) + count(cm.binaryData),
    since(cm.metadata.creationTimestamp, now),
  ],
};

export const secretPrinter: Printer = {
  kinds: ['Secret'],
  columns: [
    NAME,
    column('Type', 'Used to facilitate programmatic handling of secret data.'),
    column('Data', 'Data contains the secret data.'),
    AGE,
  ],
  // stringData is merged into data by the server on write; a snapshot may still carry it.
  cells: (secret, now) => [
    secret.metadata.name,
    String(secret.type ?? 'Opaque'),
    count(secret.data, secret.stringData),
    since(secret.metadata.creationTimestamp, now),
  ],
};

export const serviceAccountPrinter: Printer = {
  kinds: ['ServiceAccount'],
  columns: [
    NAME,
    column(
      'Secrets',
      'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
    ),
    AGE,
  ],
  cells: (sa, now) => [
    sa.metadata.name,
    Array.isArray(sa.secrets) ? sa.secrets.length : 0,
    since(sa.metadata.creationTimestamp, now),
  ],
};

/** printResourceQuota: `resource: used/hard`, limits.* in LIMIT and everything else in REQUEST. */
export const resourceQuotaPrinter: Printer = {
  kinds: ['ResourceQuota'],
  columns: [
    NAME,
    column('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column(
      'Limit',
      'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
    ),
    AGE,
  ],
  cells(quota, now) {
    const hard: Record<string, unknown> = quota.status?.hard ?? {};
    const used: Record<string, unknown> = quota.status?.used ?? {};
    const requests: string[] = [];
    const limits: string[] = [];
    for (const resource of Object.keys(hard).sort()) {
      const text = `${resource}: ${quantity(used[resource] ?? '0')}/${quantity(hard[resource])}`;
      (resource.split('.')[0] === 'limits' && resource.includes('.') ? limits : requests).push(text);
    }
    return [
      quota.metadata.name,
      requests.join(', '),
      limits.join(', '),
      since(quota.metadata.creationTimestamp, now),
    ];
  },
};

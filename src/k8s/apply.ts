import { parseAllDocuments } from 'yaml';
import type { Operation } from '../policy/operation.ts';
import { resolveKind } from './discovery.ts';
import { isNotFound, KubeError } from './errors.ts';
import type { Kube } from './kube.ts';
import { redactSecrets } from './redact.ts';
import { apiVersionOf } from './resource-types.ts';
import type { KubeObject } from './wire.ts';

export interface Applied {
  kind: string;
  namespace?: string;
  name: string;
  action: 'created' | 'configured' | 'unchanged';
}

/** The documents of a YAML (or JSON) manifest, checked for what every object needs. */
export function parseManifest(text: string): KubeObject[] {
  const docs: KubeObject[] = [];
  for (const [i, doc] of parseAllDocuments(text).entries()) {
    if (doc.errors.length)
      throw new KubeError(
        'Invalid',
        `manifest document ${i + 1} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
      );
    const value = doc.toJS() as KubeObject | null;
    if (value === null || value === undefined) continue;
    const items =
      value.kind?.endsWith('List') && Array.isArray(value.items) ? (value.items as KubeObject[]) : [value];
    for (const obj of items) {
      if (typeof obj !== 'object' || !obj.apiVersion || !obj.kind || !obj.metadata?.name) {
        throw new KubeError('Invalid', `manifest document ${i + 1} needs apiVersion, kind and metadata.name`);
      }
      docs.push(obj);
    }
  }
  if (!docs.length) throw new KubeError('Invalid', 'the manifest holds no objects');
  return docs;
}

/**
 * Create-or-patch, one operation per object: objects that do not exist are created, the others get
 * the manifest as a JSON merge patch (fields it leaves out are kept). The mutation records the
 * manifest with any Secret values masked, and judges the object by its labels before and after.
 */
export async function applyOperations(
  kube: Kube,
  text: string,
  namespace: string | undefined,
  requestedBy: string,
): Promise<Operation<Applied>[]> {
  const docs = parseManifest(text);
  return Promise.all(
    docs.map(async (doc): Promise<Operation<Applied>> => {
      const type = await resolveKind(kube, doc.kind!, doc.apiVersion);
      const ns = type.namespaced ? kube.namespaceOr(doc.metadata?.namespace ?? namespace) : undefined;
      const name = doc.metadata!.name!;
      // What a copied `get -o yaml` carries that would make the write fail or conflict.
      const { status: _status, ...body } = doc;
      const {
        resourceVersion: _rv,
        uid: _uid,
        creationTimestamp: _ct,
        managedFields: _mf,
        ...metadata
      } = doc.metadata!;
      body.metadata = ns ? { ...metadata, namespace: ns } : metadata;
      const existing = await kube.get<KubeObject>(type, ns, name).catch((err) => {
        if (isNotFound(err)) return undefined;
        throw err;
      });
      const target = {
        context: kube.context,
        apiVersion: apiVersionOf(type),
        kind: type.kind,
        namespace: ns,
        name,
        labels: { ...doc.metadata?.labels, ...existing?.metadata?.labels },
      };
      const manifest = redactSecrets(body) as Record<string, unknown>;
      const base = { kind: type.kind, namespace: ns, name };
      if (!existing) {
        return {
          mutation: { verb: 'create', target, params: { manifest }, requestedBy },
          perform: async (permit) => {
            await kube.create(permit, type, ns, body);
            return { ...base, action: 'created' };
          },
        };
      }
      return {
        mutation: { verb: 'patch', target, params: { manifest }, requestedBy },
        perform: async (permit) => {
          const after = await kube.patch<KubeObject>(permit, type, ns, name, body, 'merge');
          const same = after.metadata?.resourceVersion === existing.metadata?.resourceVersion;
          return { ...base, action: same ? 'unchanged' : 'configured' };
        },
      };
    }),
  );
}

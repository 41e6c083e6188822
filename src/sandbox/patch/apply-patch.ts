import { parseDocument } from 'yaml';
import { badRequest } from '../core/errors.ts';
import type { PatchFormat } from './format.ts';
import { isObject, type Json } from './json.ts';
import { strategicMerge } from './strategic-merge.ts';
import { strategicSchemaFor } from './strategic-schema.ts';

/**
 * Server-side apply (`kubectl apply --server-side`): the body is the caller's whole intent as YAML
 * or JSON. It is merged like a strategic merge patch, which gives the same result for one manager;
 * field ownership (managedFields) is not tracked.
 */
export const applyPatchFormat: PatchFormat = {
  contentType: 'application/apply-patch+yaml',
  apply(rt, original, body) {
    const intent = parseYaml(body);
    if (!isObject(intent)) throw badRequest('error decoding YAML: the apply configuration must be an object');
    for (const field of ['apiVersion', 'kind'] as const) {
      const given = intent[field];
      if (given !== undefined && given !== original[field]) {
        throw badRequest(
          `the ${field} in the data (${String(given)}) does not match the expected ${field} (${String(original[field])})`,
        );
      }
    }
    return strategicMerge(original, intent, strategicSchemaFor(rt.kind));
  },
};

function parseYaml(body: string): Json {
  const doc = parseDocument(body, { prettyErrors: false });
  const [error] = doc.errors;
  if (error) throw badRequest(`error decoding YAML: ${error.message}`);
  try {
    return doc.toJS({ maxAliasCount: 100 }) as Json;
  } catch (err) {
    // Unresolved or excessive aliases only show up when the document is turned into values.
    throw badRequest(`error decoding YAML: ${(err as Error).message}`);
  }
}

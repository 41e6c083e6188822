import { createHash } from 'node:crypto';
import { groupVersions, RESOURCE_TYPES, type ResourceType } from '../core/resources.ts';
import { notFoundPath } from './router.ts';

/**
 * A skeleton OpenAPI v3: kubectl create/apply (with their default --validate=strict) first check
 * whether the server validates fields itself, by finding the kind's PATCH operation and its
 * `fieldValidation` query parameter. Answering yes spares kubectl its client-side schema check
 * (which would need the full schemas). PATCH operations carry no request body, so `kubectl apply`
 * computes its strategic merge patches from its built-in types, as it does without OpenAPI.
 */
const pathOf = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);

function operationsFor(rt: ResourceType) {
  const patch = {
    'x-kubernetes-group-version-kind': { group: rt.group, version: rt.version, kind: rt.kind },
    'x-kubernetes-action': 'patch',
    operationId: `patch${rt.kind}`,
    parameters: [
      { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } },
    ],
    responses: { '200': { description: 'OK' } },
  };
  const base = `/${pathOf(rt.group, rt.version)}`;
  const item = rt.namespaced
    ? `${base}/namespaces/{namespace}/${rt.plural}/{name}`
    : `${base}/${rt.plural}/{name}`;
  return { [item]: { patch } };
}

const documents = new Map<string, { body: string; hash: string }>();

function documentFor(path: string): { body: string; hash: string } | undefined {
  const cached = documents.get(path);
  if (cached) return cached;
  const gv = groupVersions()
    .flatMap(({ group, versions }) => versions.map((version) => ({ group, version })))
    .find(({ group, version }) => pathOf(group, version) === path);
  if (!gv) return undefined;
  const types = RESOURCE_TYPES.filter((t) => t.group === gv.group && t.version === gv.version && !t.virtual);
  const body = JSON.stringify({
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.4' },
    paths: Object.assign({}, ...types.map(operationsFor)),
    components: {},
  });
  const document = { body, hash: createHash('sha512').update(body).digest('hex').toUpperCase() };
  documents.set(path, document);
  return document;
}

/** `/openapi/v3` (the index of group-version documents) and `/openapi/v3/{api/v1|apis/g/v}`. */
export function openApiV3(path: string): string {
  if (path === 'openapi/v3') {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const { group, versions } of groupVersions()) {
      for (const version of versions) {
        const gvPath = pathOf(group, version);
        const doc = documentFor(gvPath);
        if (doc) paths[gvPath] = { serverRelativeURL: `/openapi/v3/${gvPath}?hash=${doc.hash}` };
      }
    }
    return JSON.stringify({ paths });
  }
  const doc = documentFor(path.slice('openapi/v3/'.length));
  if (!doc) throw notFoundPath();
  return doc.body;
}

import { ApiError, badRequest } from '../core/errors.ts';
import { findByPath, type ResourceType } from '../core/resources.ts';

/** What a `/api/...` or `/apis/...` path names. */
export type Target =
  | { type: 'root'; path: string }
  | { type: 'legacyVersions' }
  | { type: 'groups' }
  | { type: 'group'; group: string }
  | { type: 'resources'; group: string; version: string }
  | {
      type: 'resource';
      rt: ResourceType;
      /** undefined: cluster-scoped, or all namespaces for a namespaced kind. */
      namespace?: string;
      name?: string;
      subresource?: string;
      /** The legacy `/watch/` path prefix. */
      watchPath: boolean;
    };

export const notFoundPath = () =>
  new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});

function segmentsOf(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  try {
    return trimmed.split('/').slice(1).map(decodeURIComponent);
  } catch {
    throw badRequest(`invalid URL path: ${path}`);
  }
}

export function route(path: string): Target {
  const segments = segmentsOf(path);
  if (segments.some((s) => s === '')) throw notFoundPath();
  const [root, ...rest] = segments;
  if (root === 'api') {
    if (rest.length === 0) return { type: 'legacyVersions' };
    return resourcesRoute('', rest[0], rest.slice(1));
  }
  if (root === 'apis') {
    if (rest.length === 0) return { type: 'groups' };
    if (rest.length === 1) return { type: 'group', group: rest[0] };
    return resourcesRoute(rest[0], rest[1], rest.slice(2));
  }
  return { type: 'root', path: segments.join('/') };
}

function resourcesRoute(group: string, version: string, rest: string[]): Target {
  if (rest.length === 0) return { type: 'resources', group, version };
  const watchPath = rest[0] === 'watch';
  const parts = watchPath ? rest.slice(1) : rest;
  const namespaceSubresource =
    parts[0] === 'namespaces' && parts.length === 3 && (parts[2] === 'status' || parts[2] === 'finalize');
  if (parts[0] === 'namespaces' && parts.length >= 3 && !namespaceSubresource) {
    const [, namespace, plural, name, subresource, ...extra] = parts;
    const rt = findByPath(group, version, plural);
    if (!rt?.namespaced || extra.length) throw notFoundPath();
    return checked({ type: 'resource', rt, namespace, name, subresource, watchPath });
  }
  const [plural, name, subresource, ...extra] = parts;
  const rt = plural === undefined ? undefined : findByPath(group, version, plural);
  if (!rt || extra.length || (rt.namespaced && name !== undefined)) throw notFoundPath();
  return checked({ type: 'resource', rt, name, subresource, watchPath });
}

function checked(target: Extract<Target, { type: 'resource' }>): Target {
  const { rt, subresource, watchPath } = target;
  if (subresource !== undefined && !rt.subresources?.includes(subresource)) throw notFoundPath();
  if (watchPath && subresource !== undefined) throw notFoundPath();
  return target;
}

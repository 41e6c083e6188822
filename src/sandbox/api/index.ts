import type { IncomingMessage, ServerResponse } from 'node:http';
import { uniquelyNamed } from '../../registry.ts';
import type { Cluster } from '../core/cluster.ts';
import { handleBinding } from './binding.ts';
import { handleDelete, handleDeleteCollection } from './delete.ts';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, VERSION_INFO } from './discovery.ts';
import { handleEviction } from './eviction.ts';
import { EXTRA_APIS } from './extra-apis.ts';
import { queryBool, type RequestContext, sendError, sendJson, sendText } from './http.ts';
import { handleList } from './list.ts';
import { handleLog } from './logs.ts';
import { handleMetrics } from './metrics-api.ts';
import { handleCreate, handleGet, handlePatch, handleReplace, methodNotAllowed } from './object-handlers.ts';
import { openApiV3 } from './openapi.ts';
import { notFoundPath, route, type Target } from './router.ts';
import { handleScale } from './scale.ts';
import { type Subresource, statusSubresource } from './subresources.ts';
import { handleWatch } from './watch.ts';

export { applyDefaults } from './defaults.ts';

export interface ExtraRoute {
  prefix: string;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

const SUBRESOURCES: readonly Subresource[] = [
  statusSubresource,
  { name: 'scale', handle: handleScale },
  { name: 'log', handle: handleLog },
  { name: 'eviction', handle: handleEviction },
  { name: 'binding', handle: handleBinding },
];

const HEALTH_PATHS = ['healthz', 'livez', 'readyz'];

/** The JSON of a non-resource GET: version, OpenAPI and discovery documents. */
function documentFor(target: Exclude<Target, { type: 'resource' }>): object | string {
  switch (target.type) {
    case 'root':
      if (target.path === 'version') return VERSION_INFO;
      if (target.path === 'openapi/v3' || target.path.startsWith('openapi/v3/'))
        return openApiV3(target.path);
      throw notFoundPath();
    case 'legacyVersions':
      return apiVersions();
    case 'groups':
      return apiGroupList();
    case 'group':
      return apiGroup(target.group);
    case 'resources':
      return apiResourceList(target.group, target.version);
  }
}

const isHealthCheck = (target: Target) =>
  target.type === 'root' && HEALTH_PATHS.some((p) => target.path === p || target.path.startsWith(`${p}/`));

function serveDocument(ctx: RequestContext, target: Exclude<Target, { type: 'resource' }>): void {
  if (ctx.method !== 'GET') throw methodNotAllowed();
  if (isHealthCheck(target)) sendText(ctx.res, 200, 'ok');
  else sendJson(ctx.res, 200, documentFor(target));
}

async function serveResource(
  ctx: RequestContext,
  target: Extract<Target, { type: 'resource' }>,
  subresources: ReadonlyMap<string, Subresource>,
): Promise<void> {
  const { rt, namespace, name, subresource } = target;
  if (rt.virtual) return handleMetrics(ctx, rt, namespace, name);
  const watch = target.watchPath || queryBool(ctx.query, 'watch');
  if (name === undefined) {
    if (ctx.method === 'GET') return watch ? handleWatch(ctx, rt, namespace) : handleList(ctx, rt, namespace);
    if (ctx.method === 'POST') return handleCreate(ctx, rt, namespace);
    if (ctx.method === 'DELETE') return handleDeleteCollection(ctx, rt, namespace);
    throw methodNotAllowed();
  }
  if (subresource !== undefined) {
    const handler = subresources.get(subresource);
    if (!handler) throw notFoundPath();
    return handler.handle(ctx, rt, namespace, name);
  }
  switch (ctx.method) {
    case 'GET':
      return watch ? handleWatch(ctx, rt, namespace, name) : handleGet(ctx, rt, namespace, name);
    case 'PUT':
      return handleReplace(ctx, rt, namespace, name);
    case 'PATCH':
      return handlePatch(ctx, rt, namespace, name);
    case 'DELETE':
      return handleDelete(ctx, rt, namespace, name);
    default:
      throw methodNotAllowed();
  }
}

/**
 * The Kubernetes REST API over node:http. `routes` (the fault control API, /metrics) are matched
 * by path prefix first. Every failure answers a `Status`; no client input can crash the server.
 */
export function createApiHandler(
  cluster: Cluster,
  options: { routes: ExtraRoute[] },
): (req: IncomingMessage, res: ServerResponse) => void {
  const subresources = new Map(uniquelyNamed(SUBRESOURCES, 'subresource').map((sub) => [sub.name, sub]));
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart >= 0 ? url.slice(0, queryStart) : url;
    const extra = options.routes.find((r) => path.startsWith(r.prefix));
    if (extra) return extra.handle(req, res);
    const query = new URLSearchParams(queryStart >= 0 ? url.slice(queryStart + 1) : '');
    const ctx: RequestContext = { cluster, req, res, method: req.method ?? 'GET', query };
    const api = EXTRA_APIS.find((a) => path.startsWith(`/apis/${a.group}/${a.version}/`));
    if (api) return api.handle(ctx, path.split('/').slice(4).filter(Boolean));
    const target = route(path);
    if (target.type === 'resource') return serveResource(ctx, target, subresources);
    return serveDocument(ctx, target);
  };
  return (req, res) => {
    serve(req, res).catch((err) => sendError(res, err));
  };
}

import type { ResourceType } from '../core/resources.ts';
import type { RequestContext } from './http.ts';
import { handleGet, handlePatch, handleReplace, methodNotAllowed } from './object-handlers.ts';

/** A `plural/<name>` subresource of a stored kind. */
export interface Subresource {
  name: string;
  handle(
    ctx: RequestContext,
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
  ): void | Promise<void>;
}

/** The status subresource: the whole object to read, only its status to write. */
export const statusSubresource: Subresource = {
  name: 'status',
  handle(ctx, rt, namespace, name) {
    if (ctx.method === 'GET') return handleGet(ctx, rt, namespace, name);
    if (ctx.method === 'PUT') return handleReplace(ctx, rt, namespace, name, 'status');
    if (ctx.method === 'PATCH') return handlePatch(ctx, rt, namespace, name, 'status');
    throw methodNotAllowed();
  },
};

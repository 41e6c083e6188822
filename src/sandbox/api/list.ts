import { ApiError, badRequest } from '../core/errors.ts';
import { apiVersionOf, type ResourceType } from '../core/resources.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { fieldPredicate, singleName } from './field-selectors.ts';
import { queryInt, type RequestContext, sendJson, streamJsonList } from './http.ts';
import { objectJson, partialMetadata, representationOf, tableOf } from './render.ts';
import { labelPredicate, type Predicate } from './selectors.ts';
import { needsConversion } from './versions.ts';

/** The store's key order: namespace, then name. */
const keyOf = (obj: KubeObject) => `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;

interface Token {
  rv: number;
  start: string;
}

const encodeContinue = (token: Token) =>
  Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.rv, start: token.start })).toString(
    'base64url',
  );

function decodeContinue(raw: string, store: ObjectStore): Token {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('continue key is not valid: illegal base64 data or malformed token');
  }
  const token = parsed as Partial<Token> & { v?: unknown };
  if (token?.v !== 'meta.k8s.io/v1' || !Number.isInteger(token.rv) || typeof token.start !== 'string') {
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  if ((token.rv as number) < store.oldestWatchableVersion) {
    throw new ApiError(
      410,
      'Expired',
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
    );
  }
  return token as Token;
}

/** Label and field selectors of a list or watch request, combined; undefined when there are none. */
export function selectionOf(ctx: RequestContext, rt: ResourceType): Predicate | undefined {
  const label = labelPredicate(ctx.query.get('labelSelector'));
  const field = fieldPredicate(rt, ctx.query.get('fieldSelector'));
  if (label && field) return (o) => label(o) && field(o);
  return label ?? field;
}

interface Page<T> {
  items: T[];
  next?: string;
  remaining?: number;
}

function paginate<T>(all: T[], objectOf: (item: T) => KubeObject, ctx: RequestContext, rv: number): Page<T> {
  const raw = ctx.query.get('continue');
  const token = raw ? decodeContinue(raw, ctx.cluster.store) : undefined;
  let start = 0;
  if (token) {
    let hi = all.length;
    while (start < hi) {
      const mid = (start + hi) >> 1;
      if (keyOf(objectOf(all[mid])) <= token.start) start = mid + 1;
      else hi = mid;
    }
  }
  const limit = queryInt(ctx.query, 'limit');
  if (!limit || limit <= 0 || start + limit >= all.length) return { items: start ? all.slice(start) : all };
  const items = all.slice(start, start + limit);
  const next = encodeContinue({ rv: token?.rv ?? rv, start: keyOf(objectOf(items[items.length - 1])) });
  return { items, next, remaining: all.length - start - limit };
}

const listMeta = (rv: number, page: Page<unknown>, counted: boolean) => ({
  resourceVersion: String(rv),
  ...(page.next ? { continue: page.next } : {}),
  ...(page.next && counted ? { remainingItemCount: page.remaining } : {}),
});

function candidates(ctx: RequestContext, rt: ResourceType, namespace: string | undefined): KubeObject[] {
  const store = ctx.cluster.store;
  const name = ctx.query.get('labelSelector') ? undefined : singleName(ctx.query.get('fieldSelector'));
  if (name === undefined) return store.list(rt, namespace);
  if (rt.namespaced && namespace === undefined) return store.list(rt).filter((o) => o.metadata.name === name);
  const one = store.get(rt, namespace, name);
  return one ? [one] : [];
}

export function handleList(ctx: RequestContext, rt: ResourceType, namespace: string | undefined): void {
  const store = ctx.cluster.store;
  const predicate = selectionOf(ctx, rt);
  const as = representationOf(ctx, rt);
  const rv = store.resourceVersion;
  const head = `{"kind":"${rt.kind}List","apiVersion":"${apiVersionOf(rt)}","metadata":`;

  if (!predicate && as.as === 'object' && !needsConversion(rt)) {
    // Fast path: the store's cached JSON, joined.
    const page = paginate(store.listJson(rt, namespace), (e) => e.obj, ctx, rv);
    const items = page.items.map((e) => e.json);
    streamJsonList(ctx.res, `${head}${JSON.stringify(listMeta(rv, page, true))},"items":[`, items, ']}');
    return;
  }

  const all = candidates(ctx, rt, namespace);
  const page = paginate(predicate ? all.filter(predicate) : all, (o) => o, ctx, rv);
  const metadata = listMeta(rv, page, !predicate);
  if (as.as === 'Table') {
    sendJson(ctx.res, 200, { ...tableOf(ctx, rt, page.items, as.version), metadata });
    return;
  }
  if (as.as === 'PartialObjectMetadata') {
    const items = page.items.map(partialMetadata);
    sendJson(ctx.res, 200, {
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      metadata,
      items,
    });
    return;
  }
  const items = page.items.map((o) => objectJson(store, rt, o));
  streamJsonList(ctx.res, `${head}${JSON.stringify(metadata)},"items":[`, items, ']}');
}

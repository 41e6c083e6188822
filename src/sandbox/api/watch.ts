import { badRequest } from '../core/errors.ts';
import { apiVersionOf, type ResourceType, storageKey } from '../core/resources.ts';
import type { StoreEvent } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { queryBool, queryInt, type RequestContext } from './http.ts';
import { selectionOf } from './list.ts';
import { renderOne, representationOf, tableOf } from './render.ts';
import type { Predicate } from './selectors.ts';

const BOOKMARK_INTERVAL_MS = 60_000;
/** A client that stops reading loses its watch rather than the server's memory. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

type EventType = StoreEvent['type'] | 'BOOKMARK' | 'ERROR';

/**
 * A watch stream: `{"type":…,"object":…}` lines, first the catch-up (every current object for a
 * watch without resourceVersion, or the recorded changes after the given one), then live changes.
 */
export function handleWatch(ctx: RequestContext, rt: ResourceType, namespace?: string, name?: string): void {
  const { store } = ctx.cluster;
  const { res } = ctx;
  const selection = selectionOf(ctx, rt);
  const named: Predicate | undefined = name === undefined ? undefined : (o) => o.metadata.name === name;
  const predicate: Predicate | undefined =
    selection && named ? (o) => named(o) && selection(o) : (selection ?? named);
  const as = representationOf(ctx, rt);
  const rvParam = ctx.query.get('resourceVersion') ?? '';
  if (rvParam !== '' && !/^\d{1,15}$/.test(rvParam)) {
    throw badRequest(`resourceVersion: Invalid value: "${rvParam}": invalid value for resource version`);
  }
  const timeoutSeconds = queryInt(ctx.query, 'timeoutSeconds');
  const sendInitialEvents = ctx.query.get('sendInitialEvents') === 'true';
  const bookmarks = queryBool(ctx.query, 'allowWatchBookmarks') && as.as === 'object';
  const fromNow = rvParam === '' || rvParam === '0' || sendInitialEvents;
  const replay = fromNow ? [] : store.eventsSince(Number(rvParam));

  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache, private' });
  res.flushHeaders();

  let columnsSent = false;
  const write = (type: EventType, body: string) => {
    res.write(`{"type":"${type}","object":${body}}\n`);
    if (res.writableLength > MAX_BUFFERED_BYTES) finish();
  };
  const send = (type: EventType, obj: KubeObject) => {
    if (as.as !== 'Table') return write(type, renderOne(ctx, rt, obj, as));
    const table = tableOf(ctx, rt, [obj], as.version);
    write(type, JSON.stringify(columnsSent ? { ...table, columnDefinitions: [] } : table));
    columnsSent = true;
  };
  const bookmark = (annotations?: Record<string, string>) => {
    const metadata = {
      resourceVersion: String(store.resourceVersion),
      ...(annotations ? { annotations } : {}),
    };
    write('BOOKMARK', JSON.stringify({ kind: rt.kind, apiVersion: apiVersionOf(rt), metadata }));
  };

  const key = storageKey(rt);
  const deliver = (event: StoreEvent) => {
    if (storageKey(event.rt) !== key) return;
    if (namespace !== undefined && event.object.metadata.namespace !== namespace) return;
    if (!predicate) return send(event.type, event.object);
    const matches = predicate(event.object);
    if (event.type !== 'MODIFIED') return matches ? send(event.type, event.object) : undefined;
    // As the real watch cache: an object entering the selection is ADDED, one leaving it DELETED.
    const matched = event.previous ? predicate(event.previous) : matches;
    if (matches) return send(matched ? 'MODIFIED' : 'ADDED', event.object);
    if (matched && event.previous) {
      const { previous } = event;
      send('DELETED', {
        ...previous,
        metadata: { ...previous.metadata, resourceVersion: String(event.resourceVersion) },
      });
    }
  };

  let finished = false;
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe = () => {};
  const finish = () => {
    if (finished) return;
    finished = true;
    unsubscribe();
    for (const t of timers) clearTimeout(t);
    res.end();
  };
  res.on('close', finish);

  if (replay === undefined) {
    const oldest = store.oldestWatchableVersion;
    write(
      'ERROR',
      JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `too old resource version: ${rvParam} (${oldest})`,
        reason: 'Expired',
        code: 410,
      }),
    );
    finish();
    return;
  }
  if (fromNow) {
    for (const obj of store.list(rt, namespace)) if (!predicate || predicate(obj)) send('ADDED', obj);
    if (sendInitialEvents) bookmark({ 'k8s.io/initial-events-end': 'true' });
  } else {
    for (const event of replay) deliver(event);
  }
  if (finished) return;
  unsubscribe = store.subscribe(deliver);
  const lifetimeMs =
    timeoutSeconds && timeoutSeconds > 0 ? timeoutSeconds * 1000 : (1800 + Math.random() * 1800) * 1000;
  timers.push(setTimeout(finish, lifetimeMs).unref());
  if (bookmarks) timers.push(setInterval(() => bookmark(), BOOKMARK_INTERVAL_MS).unref());
}

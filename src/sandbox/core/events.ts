import { rt } from './resources.ts';
import type { ObjectStore } from './store.ts';
import type { KubeObject } from './types.ts';

export interface EventInput {
  involved: KubeObject;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** Reporting component: `kubelet`, `default-scheduler`, `deployment-controller`… */
  component: string;
  host?: string;
  fieldPath?: string;
}

/**
 * Records core/v1 Events the way the real event recorder does: a repeat of the same
 * (object, reason, message, source) bumps `count` and `lastTimestamp` instead of adding a row.
 */
export function recordEvent(store: ObjectStore, input: EventInput): KubeObject {
  const { involved } = input;
  const events = rt('Event');
  const namespace = involved.metadata.namespace ?? 'default';
  const key = `${namespace}|${involved.metadata.uid}|${input.fieldPath ?? ''}|${input.reason}|${input.message}|${input.component}`;
  const names = namesByKey(store);
  const now = store.clock.iso();
  const known = names.get(key);
  const existing = known === undefined ? undefined : store.get(events, namespace, known);
  if (existing && known) {
    return store.mutate(events, namespace, known, (e) => {
      e.count = ((e.count as number) ?? 1) + 1;
      e.lastTimestamp = now;
    });
  }
  // Real event names end in the creation time in hex nanoseconds, so listing them sorts them in time order.
  const name = `${involved.metadata.name}.${uniqueNanos(store).toString(16)}`;
  names.set(key, name);
  return store.create(events, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      name: involved.metadata.name,
      namespace: involved.metadata.namespace,
      uid: involved.metadata.uid,
      resourceVersion: involved.metadata.resourceVersion,
      ...(input.fieldPath ? { fieldPath: input.fieldPath } : {}),
    },
    reason: input.reason,
    message: input.message,
    type: input.type,
    source: { component: input.component, ...(input.host ? { host: input.host } : {}) },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    reportingComponent: input.component,
    reportingInstance: input.host ?? '',
    eventTime: null,
  });
}

const eventNames = new WeakMap<ObjectStore, Map<string, string>>();
const lastNanos = new WeakMap<ObjectStore, bigint>();

/** Which event a repeat of (object, reason, message, source) bumps. Entries for expired events are harmless misses. */
function namesByKey(store: ObjectStore): Map<string, string> {
  let names = eventNames.get(store);
  if (!names) {
    names = new Map();
    eventNames.set(store, names);
  }
  if (names.size > 50_000) names.clear();
  return names;
}

function uniqueNanos(store: ObjectStore): bigint {
  const now = BigInt(Math.round(store.clock.now() * 1_000)) * 1_000n;
  const last = lastNanos.get(store) ?? 0n;
  const next = now > last ? now : last + 1n;
  lastNanos.set(store, next);
  return next;
}

import { createHash } from 'node:crypto';
import type { ObjectStore } from './store.ts';
import { rt } from './resources.ts';
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
  const digest = createHash('sha1')
    .update(`${involved.metadata.uid}|${input.fieldPath ?? ''}|${input.reason}|${input.message}|${input.component}`)
    .digest('hex')
    .slice(0, 16);
  const name = `${involved.metadata.name}.${digest}`;
  const now = store.clock.iso();
  const existing = store.get(events, namespace, name);
  if (existing) {
    return store.mutate(events, namespace, name, (e) => {
      e.count = ((e.count as number) ?? 1) + 1;
      e.lastTimestamp = now;
    });
  }
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

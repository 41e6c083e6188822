import { parseTime } from '../core/clock.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { EVENTS } from './kinds.ts';

/** The API server's --event-ttl. */
const TTL_MS = 60 * 60_000;
const SWEEP_MS = 60_000;

const lastSeen = (e: KubeObject) =>
  parseTime(e.lastTimestamp) ??
  parseTime(e.eventTime) ??
  parseTime(e.firstTimestamp) ??
  parseTime(e.metadata.creationTimestamp) ??
  0;

/**
 * Events expire an hour (simulated) after they were last seen, as with the API server's event
 * TTL. Snapshot (frozen) events are kept. Last-seen times are tracked from the store's changes,
 * so a sweep walks a map instead of sorting every event.
 */
export const eventTtlController: Controller = {
  name: 'event-ttl',
  start({ cluster }: ControllerContext) {
    const { store, clock } = cluster;
    const seen = new Map<string, { namespace?: string; name: string; at: number }>();
    const track = (e: KubeObject) =>
      seen.set(`${e.metadata.namespace}/${e.metadata.name}`, {
        namespace: e.metadata.namespace,
        name: e.metadata.name,
        at: lastSeen(e),
      });
    for (const e of store.list(EVENTS)) track(e);
    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind !== 'Event') return;
      if (type === 'DELETED') seen.delete(`${object.metadata.namespace}/${object.metadata.name}`);
      else track(object);
    });
    const stopSweep = clock.every(SWEEP_MS, () => {
      const cutoff = clock.now() - TTL_MS;
      for (const [key, entry] of seen) {
        if (entry.at >= cutoff) continue;
        const event = store.get(EVENTS, entry.namespace, entry.name);
        if (!event) seen.delete(key);
        else if (!store.isFrozen(event)) store.delete(EVENTS, entry.namespace, entry.name);
      }
    });
    return () => {
      unsubscribe();
      stopSweep();
    };
  },
};

import { parseTime } from '../core/clock.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { EVENTS } from './kinds.ts';

/** The API server's --event-ttl. */
const TTL_MS = 60 * 60_000;
const SWEEP_MS = 60_000;
/**
 * A real cluster keeps events in etcd; the sandbox keeps them in memory, so it also bounds their
 * number: 10,000 pods starting write ~70,000 events, which would be most of the sandbox's memory.
 */
export const MAX_EVENTS = 10_000;

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
    let trimQueued = false;
    const trimOldest = () => {
      trimQueued = false;
      const excess = seen.size - Math.floor(MAX_EVENTS * 0.9);
      if (excess <= 0) return;
      const oldest = [...seen.values()].sort((a, b) => a.at - b.at);
      let removed = 0;
      for (const entry of oldest) {
        if (removed >= excess) break;
        const event = store.get(EVENTS, entry.namespace, entry.name);
        if (event && store.isFrozen(event)) continue;
        if (event) store.delete(EVENTS, entry.namespace, entry.name);
        seen.delete(`${entry.namespace}/${entry.name}`);
        removed++;
      }
    };
    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind !== 'Event') return;
      if (type === 'DELETED') seen.delete(`${object.metadata.namespace}/${object.metadata.name}`);
      else track(object);
      if (seen.size > MAX_EVENTS && !trimQueued) {
        trimQueued = true;
        setImmediate(trimOldest);
      }
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

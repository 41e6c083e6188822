import { SimClock } from './clock.ts';
import { LogStore } from './logs.ts';
import { healthyRuntime, type Runtime } from './runtime.ts';
import { ObjectStore } from './store.ts';

/** Everything a controller, a fault or an API handler needs, passed as one bundle. */
export interface Cluster {
  store: ObjectStore;
  clock: SimClock;
  logs: LogStore;
  runtime: Runtime;
}

export function createCluster(
  options: { speed?: number; runtime?: Runtime; startTime?: number } = {},
): Cluster {
  const clock = new SimClock(options.speed ?? 1, options.startTime);
  return {
    store: new ObjectStore(clock),
    clock,
    logs: new LogStore(),
    runtime: options.runtime ?? healthyRuntime,
  };
}

import { parseQuantity } from '../../kube/quantity.ts';
import { rt } from '../core/resources.ts';
import { serviceKey } from './topology.ts';
import { containerStartedAt, mainContainer, numberAnnotation, readyReplicas, type World } from './world.ts';

export const POOL_SIZE_ANNOTATION = 'sandbox.sre-nanobot.dev/db-pool-size';

export interface PostgresState {
  up: boolean;
  maxConnections: number;
  /** superuser_reserved_connections: slots ordinary clients cannot take. */
  reserved: number;
  active: number;
  idle: number;
  idleInTransaction: number;
  total: number;
  exhausted: boolean;
}

export interface RedisState {
  up: boolean;
  connectedClients: number;
  maxMemoryBytes: number;
}

const TICK_MS = 1_000;
const DEFAULT_POOL = 10;
const POD = rt('Pod');

/**
 * Connections to the databases: each dependent replica holds a pool; leaking pod instances hold
 * more and more until `max_connections` is reached. A database restart drops every connection,
 * but the leaking instances grow their share back; only replacing them returns the slots.
 */
export class DatabaseModel {
  private tick = -1;
  private readonly pg = new Map<string, PostgresState>();

  constructor(private readonly world: World) {}

  postgres(namespace: string, name: string): PostgresState {
    const tick = Math.floor(this.world.clock.now() / TICK_MS);
    if (tick !== this.tick) {
      this.tick = tick;
      this.pg.clear();
    }
    const key = serviceKey(namespace, name);
    let state = this.pg.get(key);
    if (!state) {
      state = this.computePostgres(namespace, name);
      this.pg.set(key, state);
    }
    return state;
  }

  private computePostgres(namespace: string, name: string): PostgresState {
    const { store, topology, effects, clock } = this.world;
    const key = serviceKey(namespace, name);
    const backend = topology.backendOf(namespace, name);
    const container = mainContainer(backend?.template);
    const args = [...(container?.command ?? []), ...(container?.args ?? [])].join(' ');
    const maxConnections = Number(/max_connections=(\d+)/.exec(args)?.[1] ?? 100);
    const reserved = 3;
    const { count, pods } = topology.readyEndpoints(namespace, name);
    const up = count > 0;
    if (!up) {
      return {
        up,
        maxConnections,
        reserved,
        active: 0,
        idle: 0,
        idleInTransaction: 0,
        total: 0,
        exhausted: false,
      };
    }
    const dbStart = Math.max(0, ...pods.map((p) => containerStartedAt(p, mainContainer(p)?.name) ?? 0));
    let pooled = 0;
    for (const client of topology.dependentsOf(key)) {
      const pool = numberAnnotation(client.template, POOL_SIZE_ANNOTATION) ?? DEFAULT_POOL;
      pooled += pool * readyReplicas(store, client.workload);
    }
    const now = clock.now();
    let leaked = 0;
    for (const [uid, leak] of effects.connectionLeaks) {
      if (leak.database !== key) continue;
      const pod = store.get(POD, leak.namespace, leak.pod);
      if (!pod || pod.metadata.uid !== uid) continue;
      const from = Math.max(leak.since, dbStart, containerStartedAt(pod, mainContainer(pod)?.name) ?? 0);
      leaked += Math.max(0, Math.floor((leak.perMinute * (now - from)) / 60_000));
    }
    // Clients share the slots not reserved for superusers; the exporter holds one of those.
    const ordinary = Math.min(maxConnections - reserved, pooled + leaked);
    const total = ordinary + 1;
    const idleInTransaction = Math.min(leaked, ordinary);
    const busy = Math.max(1, Math.round((total - idleInTransaction) * 0.2));
    return {
      up,
      maxConnections,
      reserved,
      active: busy,
      idle: Math.max(0, total - idleInTransaction - busy),
      idleInTransaction,
      total,
      exhausted: pooled + leaked >= maxConnections - reserved,
    };
  }

  redis(namespace: string, name: string): RedisState {
    const { store, topology } = this.world;
    const key = serviceKey(namespace, name);
    const up = topology.readyEndpoints(namespace, name).count > 0;
    let clients = 1;
    for (const client of topology.dependentsOf(key)) clients += 4 * readyReplicas(store, client.workload);
    const backend = topology.backendOf(namespace, name);
    const limit = parseQuantity(mainContainer(backend?.template)?.resources?.limits?.memory) ?? 0;
    return { up, connectedClients: up ? clients : 0, maxMemoryBytes: Math.round(limit * 0.75) };
  }
}

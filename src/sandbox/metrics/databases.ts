import { rt } from '../core/resources.ts';
import type { Collector } from './context.ts';
import { labels } from './exposition.ts';

/** postgres_exporter and redis_exporter basics for every database Service. */
export const databases: Collector = {
  name: 'databases',
  collect(ctx, out) {
    const pgUp = out.family(
      'pg_up',
      'gauge',
      'Whether the last scrape of metrics from PostgreSQL was able to connect to the server (1 for yes, 0 for no).',
    );
    const activity = out.family('pg_stat_activity_count', 'gauge', 'number of connections in this state');
    const maxConnections = out.family(
      'pg_settings_max_connections',
      'gauge',
      'Sets the maximum number of concurrent connections.',
    );
    const reserved = out.family(
      'pg_settings_superuser_reserved_connections',
      'gauge',
      'Sets the number of connection slots reserved for superusers.',
    );
    const redisUp = out.family('redis_up', 'gauge', 'Information about the Redis instance');
    const redisClients = out.family('redis_connected_clients', 'gauge', 'connected_clients metric');
    const redisMaxMemory = out.family('redis_memory_max_bytes', 'gauge', 'memory_max_bytes metric');
    const runtime = ctx.runtime;
    if (!runtime) return;
    for (const svc of ctx.store.list(rt('Service'))) {
      if (svc.spec?.clusterIP === 'None') continue;
      const namespace = svc.metadata.namespace ?? 'default';
      const name = svc.metadata.name;
      const protocol = runtime.traffic.service(namespace, name)?.protocol;
      const l = labels({ namespace, service: name });
      if (protocol === 'postgres') {
        const pg = runtime.databases.postgres(namespace, name);
        pgUp(l, pg.up ? 1 : 0);
        maxConnections(l, pg.maxConnections);
        reserved(l, pg.reserved);
        if (!pg.up) continue;
        for (const [state, value] of [
          ['active', pg.active],
          ['idle', pg.idle],
          ['idle in transaction', pg.idleInTransaction],
          ['idle in transaction (aborted)', 0],
        ] as const) {
          activity(`${l},${labels({ datname: 'app', state })}`, value);
        }
      } else if (protocol === 'redis') {
        const state = runtime.databases.redis(namespace, name);
        redisUp(l, state.up ? 1 : 0);
        redisClients(l, state.connectedClients);
        redisMaxMemory(l, state.maxMemoryBytes);
      }
    }
  },
};

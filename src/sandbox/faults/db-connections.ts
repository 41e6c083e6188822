import { rt } from '../core/resources.ts';
import { DEPENDS_ON, parseDependencies, type ServiceRef } from '../runtime/topology.ts';
import { resolveTarget } from './targets.ts';
import { badRequest, type FaultContext, type FaultType, type Target } from './types.ts';
import { instancesGone, instancesOf, workloadHealthy } from './workloads.ts';

const SERVICE = rt('Service');

const isPostgres = (ctx: FaultContext, s: ServiceRef) =>
  ctx.cluster.store.get(SERVICE, s.namespace, s.name)?.spec?.clusterIP !== 'None' &&
  ctx.runtime.traffic.service(s.namespace, s.name)?.protocol === 'postgres';

/** The database service a target names: the StatefulSet's own Service, or the client's postgres dependency. */
function databaseOf(ctx: FaultContext, target: Target): ServiceRef {
  const namespace = target.namespace ?? 'default';
  const template = target.object.spec?.template;
  const candidates =
    target.kind === 'statefulset'
      ? ctx.runtime.topology.servicesSelecting(namespace, template?.metadata?.labels)
      : parseDependencies(template?.metadata?.annotations?.[DEPENDS_ON], namespace);
  const db = candidates.find((s) => isPostgres(ctx, s));
  if (!db) throw badRequest(`found no PostgreSQL service for ${target.kind}/${target.name}`);
  return db;
}

/**
 * A client's connection pool leaks: its pod instances open connections and never return them until
 * PostgreSQL's max_connections is reached and every client is refused. Restarting the leaking client
 * closes its connections; restarting the database only resets the count until the leak refills it.
 */
export const dbConnectionsExhausted: FaultType = {
  name: 'db_connections_exhausted',
  description:
    'A client workload leaks PostgreSQL connections until max_connections is reached: "FATAL:  sorry, too many clients already", errors rise.',
  targets: ['statefulset', 'deployment'],
  defaultTarget: { target: 'statefulset/postgres' },
  params: [
    {
      name: 'client',
      type: 'string',
      description: 'Deployment whose pods leak connections (when the target is the database)',
      default: 'the first Deployment that depends on the database',
    },
    {
      name: 'perMinute',
      type: 'number',
      description: 'Connections each leaking pod opens per minute',
      default: 30,
      min: 1,
      max: 10_000,
    },
  ],
  inject(ctx, target, params) {
    const { store } = ctx.cluster;
    const { effects, topology, databases, dependencies } = ctx.runtime;
    const db = databaseOf(ctx, target);
    let client = target;
    if (target.kind === 'statefulset') {
      const name =
        (params.client as string | undefined) ??
        topology.dependentsOf(db.key).find((d) => d.workload.kind === 'Deployment')?.workload.name;
      if (!name) throw badRequest(`no Deployment depends on ${db.name}; pass params.client`);
      client = resolveTarget(
        store,
        'db_connections_exhausted',
        ['deployment'],
        `deployment/${name}`,
        db.namespace,
      );
    }
    const perMinute = Number(params.perMinute ?? 30);
    const instances = instancesOf(store, client);
    const since = ctx.now();
    for (const [uid, pod] of instances) {
      effects.connectionLeaks.set(uid, { namespace: db.namespace, pod, database: db.key, perMinute, since });
    }
    const max = databases.postgres(db.namespace, db.name).maxConnections;
    const host = dependencies.peer(db).host;
    return {
      params: { client: client.name, perMinute },
      symptoms: `Pods of deployment/${client.name} hold ever more connections to ${host} until max_connections (${max}) is reached (pg_stat_activity_count → pg_settings_max_connections, many "idle in transaction"); clients log "FATAL: sorry, too many clients already" / "remaining connection slots are reserved for non-replication superuser connections" and their error rate rises.`,
      fix: `Restart the leaking client: kubectl rollout restart deployment/${client.name} -n ${client.namespace}. Restarting ${db.name} only frees the slots until the leak fills them again.`,
      isCleared: () =>
        instancesGone(store, client.namespace, instances) &&
        !databases.postgres(db.namespace, db.name).exhausted &&
        workloadHealthy(store, client),
      remove: () => {
        for (const uid of instances.keys()) effects.connectionLeaks.delete(uid);
      },
    };
  },
};

import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import { describe, finding } from '../finding.ts';
import { percent } from '../signals/format.ts';
import { POOL_EXHAUSTED, TOO_MANY_CLIENTS } from '../signals/log-patterns.ts';
import { type LogHit, matchLines, peerOf, podLogLines, quote } from '../signals/logs.ts';
import { isActive } from '../signals/pods.ts';
import { podsSelectedBy, serviceForPeer, servicesSelecting } from '../signals/services.ts';
import type { ObjectRef, Pattern } from '../types.ts';

interface Database {
  key: string;
  service?: K8sObject;
  server?: Pod;
  serverLine?: string;
  refused: { pod: Pod; hit: LogHit }[];
  pools: { pod: Pod; hit: LogHit }[];
  ratio?: number;
}

/** Databases that refuse connections, keyed by their Service (or server pod), with who is refused and whose pool is full. */
function databases(ev: Evidence): Map<string, Database> {
  const out = new Map<string, Database>();
  const entry = (key: string, init: Partial<Database>) => {
    const d = out.get(key) ?? { key, refused: [], pools: [], ...init };
    out.set(key, d);
    return d;
  };
  for (const pod of ev.list('Pod')) {
    if (!isActive(pod)) continue;
    const lines = podLogLines(ev, pod);
    const refusals = matchLines(lines, TOO_MANY_CLIENTS);
    const tooMany = refusals.find((h) => h.match[0].startsWith('sorry')) ?? refusals.at(-1);
    const pool = matchLines(lines, POOL_EXHAUSTED).at(-1);
    if (!tooMany && !pool) continue;
    const hit = (tooMany ?? pool)!;
    const peer = serviceForPeer(ev, peerOf(hit.line.text), pod.metadata.namespace);
    const own = servicesSelecting(ev, pod)[0];
    // A server logs the refusal without naming a peer; a client names the database it dialled.
    if (tooMany && !peer && own) {
      const d = entry(`${own.metadata.namespace}/${own.metadata.name}`, { service: own });
      d.server ??= pod;
      d.serverLine ??= tooMany.line.text;
      continue;
    }
    const db = peer ?? dependencyOf(ev, pod);
    const key = db ? `${db.metadata.namespace}/${db.metadata.name}` : `unknown/${pod.metadata.namespace}`;
    const d = entry(key, { service: db });
    if (tooMany) d.refused.push({ pod, hit: tooMany });
    if (pool) d.pools.push({ pod, hit: pool });
  }
  // A client whose full pool names no database waits on the one that is refusing clients in its namespace.
  for (const [key, d] of out) {
    if (!key.startsWith('unknown/')) continue;
    const ns = key.slice('unknown/'.length);
    const db = [...out.values()].find(
      (x) => x !== d && x.service?.metadata.namespace === ns && (x.server || x.refused.length),
    );
    if (!db) continue;
    db.pools.push(...d.pools);
    db.refused.push(...d.refused);
    out.delete(key);
  }
  for (const s of ev.metrics('db_connections_ratio')) {
    if (s.value < 0.9) continue;
    const svc = s.labels.service ? ev.get('Service', s.labels.namespace, s.labels.service) : undefined;
    const key = svc
      ? `${svc.metadata.namespace}/${svc.metadata.name}`
      : `${s.labels.namespace}/${s.labels.pod ?? s.labels.instance ?? 'database'}`;
    entry(key, { service: svc }).ratio = s.value;
  }
  return out;
}

/** The single database a client is configured for, when its log line names none. */
function dependencyOf(ev: Evidence, pod: Pod): K8sObject | undefined {
  for (const c of pod.spec.containers) {
    for (const e of c.env ?? []) {
      if (e.value && /DB|DATABASE|PG|POSTGRES|MYSQL/i.test(e.name)) {
        const svc = serviceForPeer(
          ev,
          peerOf(`host=${e.value.replace(/^\w+:\/\/(?:[^@]*@)?/, '').split(/[:/]/)[0]}`),
          pod.metadata.namespace,
        );
        if (svc) return svc;
      }
    }
  }
  return undefined;
}

const workloadName = (ev: Evidence, pod: Pod) => describe(ev.workloadOf(pod) ?? refOf(pod));

export const dbConnectionExhaustion: Pattern = {
  id: 'db_connection_exhaustion',
  detect(ev) {
    return [...databases(ev).values()]
      .filter((d) => d.server || d.refused.length || (d.ratio ?? 0) >= 0.9 || d.pools.length >= 1)
      .filter((d) => d.server || d.refused.length || d.ratio !== undefined)
      .map((d) => {
        const serverPod = d.server ?? (d.service ? podsSelectedBy(ev, d.service)[0] : undefined);
        const workload = serverPod ? ev.workloadOf(serverPod) : null;
        const resource: ObjectRef = serverPod
          ? refOf(serverPod)
          : d.service
            ? refOf(d.service)
            : { kind: 'Service', name: d.key };
        const dbName = workload
          ? describe(workload)
          : d.service
            ? `Service ${d.service.metadata.name}`
            : 'the database';
        const leakers = [...new Set(d.pools.map((p) => workloadName(ev, p.pod)))];
        const refusedClients = [...new Set(d.refused.map((r) => workloadName(ev, r.pod)))];
        const quoteLine = d.serverLine ?? d.refused[0]?.hit.line.text ?? d.pools[0]?.hit.line.text ?? '';
        const leak = leakers.length
          ? ` ${leakers.join(' and ')} ${leakers.length > 1 ? 'hold' : 'holds'} its whole connection pool and waits for more ("${quote(d.pools[0].hit.line.text, 140)}"): it leaks connections.`
          : '';
        return finding(ev, {
          pattern: 'db_connection_exhaustion',
          severity: 'critical',
          resource,
          workload,
          summary: `${dbName} has no free connections: clients are refused`,
          rootCause: `${dbName} has reached its connection limit${d.ratio !== undefined ? ` (${percent(d.ratio)} of max_connections in use)` : ''}: new connections are refused with "${quote(quoteLine, 120)}".${leak}${
            refusedClients.length ? ` Refused clients: ${refusedClients.join(', ')}.` : ''
          }`,
          evidence: [
            d.serverLine && `log of ${d.server?.metadata.name}: ${quote(d.serverLine)}`,
            ...d.refused.slice(0, 2).map((r) => `log of ${r.pod.metadata.name}: ${quote(r.hit.line.text)}`),
            ...d.pools.slice(0, 2).map((p) => `log of ${p.pod.metadata.name}: ${quote(p.hit.line.text)}`),
            d.ratio !== undefined &&
              `pg_stat_activity_count / pg_settings_max_connections: ${percent(d.ratio)}`,
          ],
          whys: [
            `Why do ${refusedClients[0] ?? 'clients'} fail? ${dbName} refuses their connections.`,
            `Why? All of its connection slots (max_connections) are taken.`,
            leakers.length
              ? `Why are they taken? ${leakers.join(', ')} opens connections and never returns them (pool exhausted).`
              : 'Why are they taken? More clients (or pool slots) than the database allows.',
          ],
          runbook: leakers.length ? 'restart_leaking_client' : 'raise_max_connections',
          confidence: d.server || d.ratio !== undefined ? 0.9 : 0.8,
          subjects: [...(d.service ? [refOf(d.service)] : [])],
          needs: serverPod?.spec.nodeName ? [{ kind: 'Node', name: serverPod.spec.nodeName }] : [],
        });
      });
  },
};

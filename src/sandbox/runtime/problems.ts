import type { KubeObject } from '../core/types.ts';
import type { DependencyHealth } from './dependencies.ts';
import { clientIP } from './profiles/format.ts';
import type { AppContext, AppProfile, Problem } from './profiles/index.ts';
import { isPodReady } from './topology.ts';
import type { World } from './world.ts';

/** A problem a container writes about, and how often (share of log ticks that carry a line). */
export interface ActiveProblem {
  problem: Problem;
  intensity: number;
}

const dependencyProblem = (world: World, dep: DependencyHealth): Problem | undefined => {
  switch (dep.state) {
    case 'refused':
      return { kind: 'refused', peer: dep.peer };
    case 'dns-timeout':
      return { kind: 'dns-timeout', peer: dep.peer, dnsIP: world.dependencies.dnsIP() };
    case 'no-such-host':
      return { kind: 'no-such-host', peer: dep.peer, dnsIP: world.dependencies.dnsIP() };
    case 'too-many-clients':
      return { kind: 'too-many-clients', peer: dep.peer };
    case 'cert-expired':
      return { kind: 'cert-expired', peer: dep.peer, now: world.clock.now(), notAfter: dep.notAfter ?? 0 };
    case 'upstream-error':
      return { kind: 'upstream-error', peer: dep.peer, status: 503 };
    default:
      return undefined;
  }
};

/** Everything going wrong for the main container of a pod right now, from its own point of view. */
export function problemsOf(
  world: World,
  pod: KubeObject,
  app: AppContext,
  profile: AppProfile,
  memoryBytes: number,
  memoryLimit: number | undefined,
): ActiveProblem[] {
  const { effects, traffic, topology, databases, clock } = world;
  const uid = pod.metadata.uid ?? '';
  const out: ActiveProblem[] = [];
  for (const dep of world.dependencies.of(pod, app.namespace)) {
    const problem = dependencyProblem(world, dep);
    if (problem)
      out.push({ problem, intensity: Math.max(0.3, Math.min(1, dep.weight * dep.failureRatio * 1.5)) });
  }
  const bad = traffic.badConfig(pod);
  if (bad) out.push({ problem: { kind: 'bad-config', ...bad }, intensity: Math.max(0.3, bad.errorRatio) });

  const cert = world.dependencies.servingCertificate(app.namespace, pod)?.certificate;
  const now = clock.now();
  if (cert && (cert.notAfter < now || cert.notBefore > now)) {
    out.push({ problem: { kind: 'tls-rejected', clientIP: clientIP(`${app.seed}/client`) }, intensity: 0.8 });
  }
  for (const s of topology.servicesOf(pod)) {
    const t = traffic.service(s.namespace, s.name);
    if (t?.protocol === 'http' && t.readyEndpoints > 0 && t.utilization >= 1 && isPodReady(pod)) {
      out.push({
        problem: { kind: 'overloaded', inflight: 512 },
        intensity: Math.min(1, t.utilization - 0.5),
      });
    }
    if (t?.protocol === 'postgres' && databases.postgres(s.namespace, s.name).exhausted) {
      out.push({ problem: { kind: 'server-too-many-clients' }, intensity: 0.8 });
    }
  }
  const leak = effects.connectionLeaks.get(uid);
  if (leak) {
    const [ns, name] = leak.database.split('/');
    const db = databases.postgres(ns, name);
    if (db.exhausted) {
      const peer = world.dependencies.peer({ namespace: ns, name, key: leak.database });
      out.push({ problem: { kind: 'pool-exhausted', peer, open: db.idleInTransaction }, intensity: 0.6 });
    }
  }
  if (effects.memoryLeaks.has(uid) && memoryLimit && memoryBytes > 0.75 * memoryLimit) {
    out.push({ problem: { kind: 'memory-pressure', heapBytes: memoryBytes * 0.85 }, intensity: 0.4 });
  }
  if (effects.unresponsivePods.has(uid)) out.push({ problem: { kind: 'api-unreachable' }, intensity: 1 });
  return out.filter((p) => profile.problemLine(app, now, 0, p.problem) !== undefined);
}

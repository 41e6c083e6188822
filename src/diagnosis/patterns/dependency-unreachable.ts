import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import { describe, finding } from '../finding.ts';
import { groupByWorkload, type PodCase, podList } from '../signals/group.ts';
import { CONNECT_TIMEOUT, CONNECTION_REFUSED, DNS_PATTERNS } from '../signals/log-patterns.ts';
import { type LogHit, matchLines, peerOf, podLogLines, quote } from '../signals/logs.ts';
import { isActive, isPodReady } from '../signals/pods.ts';
import { endpointCounts, podsSelectedBy, serviceForPeer } from '../signals/services.ts';
import type { ObjectRef, Pattern } from '../types.ts';

interface Failure {
  hit: LogHit;
  refused: boolean;
  service?: K8sObject;
  peer: string;
}

/** A Service port whose targetPort no selected pod listens on: clients are refused however healthy the pods are. */
function portMismatch(svc: K8sObject, pods: Pod[], port: number | undefined): string | undefined {
  const ports = (svc.spec?.ports ?? []) as { port: number; targetPort?: number | string; name?: string }[];
  const p = ports.find((x) => x.port === port) ?? (ports.length === 1 ? ports[0] : undefined);
  if (!p || !pods.length) return undefined;
  const target = p.targetPort ?? p.port;
  const declared = pods[0].spec.containers.flatMap((c) => c.ports ?? []);
  if (!declared.length) return undefined;
  const ok =
    typeof target === 'number' || /^\d+$/.test(String(target))
      ? declared.some((d) => d.containerPort === Number(target))
      : declared.some((d) => d.name === target);
  return ok
    ? undefined
    : `Service ${svc.metadata.name} forwards port ${p.port} to targetPort ${target}, but its pods listen on ${declared.map((d) => d.containerPort).join(', ')}`;
}

function targetState(
  ev: Evidence,
  f: Failure,
  port: number | undefined,
): { cause: string; needs: ObjectRef[]; runbook: string; root: boolean } {
  const svc = f.service;
  const how = f.refused ? 'connection refused' : 'connection timed out';
  if (!svc)
    return {
      cause: `${f.peer} does not answer (${how}); it is not a Service of this cluster`,
      needs: [],
      runbook: 'restart_dependency',
      root: false,
    };
  const pods = podsSelectedBy(ev, svc);
  const behind = [
    ...new Map(
      pods
        .map((p) => ev.workloadOf(p))
        .filter((w) => w !== null)
        .map((w) => [`${w.kind}/${w.name}`, w]),
    ).values(),
  ];
  const needs: ObjectRef[] = [refOf(svc), ...behind, ...pods.map(refOf)];
  const mismatch = portMismatch(svc, pods.filter(isPodReady), port);
  if (mismatch) return { cause: `${mismatch} (${how})`, needs: [], runbook: 'fix_service_port', root: true };
  const counts = endpointCounts(ev, svc);
  const name = `Service ${svc.metadata.namespace}/${svc.metadata.name}`;
  if (counts.ready === 0) {
    const states = pods
      .slice(0, 2)
      .map(
        (p) =>
          `${p.metadata.name} ${isPodReady(p) ? 'ready' : (p.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? p.status?.phase ?? 'not ready')}`,
      );
    return {
      cause: `${name} has no ready endpoints (${states.join(', ') || 'no pods'}), so connections are ${f.refused ? 'refused' : 'dropped'}`,
      needs,
      runbook: 'restart_dependency',
      root: false,
    };
  }
  return {
    cause: `${name} has ${counts.ready} ready endpoint(s) but they ${f.refused ? 'refuse' : 'do not answer'} connections`,
    needs,
    runbook: 'restart_dependency',
    root: false,
  };
}

export const dependencyUnreachable: Pattern = {
  id: 'dependency_unreachable',
  detect(ev) {
    const cases: PodCase<Failure>[] = [];
    for (const pod of ev.list('Pod')) {
      if (!isActive(pod)) continue;
      // A failed lookup also times out or is refused (by the resolver): that is dns_failure's, not ours.
      const lines = podLogLines(ev, pod);
      const dns = new Set(matchLines(lines, DNS_PATTERNS).map((h) => h.index));
      const refused = matchLines(lines, CONNECTION_REFUSED).findLast((h) => !dns.has(h.index));
      const timeout = refused
        ? undefined
        : matchLines(lines, CONNECT_TIMEOUT).findLast((h) => !dns.has(h.index));
      const hit = refused ?? timeout;
      if (!hit) continue;
      const peer = peerOf(hit.line.text);
      const service = serviceForPeer(ev, peer, pod.metadata.namespace);
      const own = service && podsSelectedBy(ev, service).some((p) => p.metadata.name === pod.metadata.name);
      if (own) continue;
      const label = peer.host ?? peer.ip ?? 'a dependency';
      cases.push({
        pod,
        data: { hit, refused: !!refused, service, peer: `${label}${peer.port ? `:${peer.port}` : ''}` },
      });
    }
    return groupByWorkload(ev, cases, (c) =>
      c.data.service ? `svc/${c.data.service.metadata.name}` : c.data.peer,
    ).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const target = targetState(ev, data, peerOf(data.hit.line.text).port);
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      const who = describe(workload ?? refOf(pod));
      return finding(ev, {
        pattern: 'dependency_unreachable',
        severity: target.root || target.needs.length ? 'critical' : 'warning',
        resource: pod,
        workload,
        summary: `Pod ${pod.metadata.name}${others} cannot reach ${data.service ? `Service ${data.service.metadata.name}` : data.peer}`,
        rootCause: `${who} cannot connect to ${data.peer}: ${target.cause}.`,
        evidence: [
          `log of ${pod.metadata.name}${data.hit.line.previous ? ' (previous instance)' : ''}: ${quote(data.hit.line.text)}`,
          data.service &&
            `service ${data.service.metadata.name}: clusterIP ${data.service.spec?.clusterIP}, ports ${JSON.stringify(data.service.spec?.ports ?? [])}`,
        ],
        whys: [
          `Why is ${who} failing? Its calls to ${data.peer} fail (${data.refused ? 'connection refused' : 'timeout'}).`,
          `Why? ${target.cause[0].toUpperCase()}${target.cause.slice(1)}.`,
        ],
        runbook: target.runbook,
        confidence: data.service ? 0.8 : 0.6,
        subjects: group.map((c) => refOf(c.pod)),
        needs: target.needs,
      });
    });
  },
};

import { type Evidence, refOf } from '../evidence/evidence.ts';
import { describe, eventLine, finding, latestEvent } from '../finding.ts';
import { type ClusterDns, clusterDns, dnsDown } from '../signals/cluster-dns.ts';
import { groupByWorkload, type PodCase, podList } from '../signals/group.ts';
import { DNS_ERRORS, DNS_PATTERNS } from '../signals/log-patterns.ts';
import { keyLine, matchLines, podLogLines, quote } from '../signals/logs.ts';
import { containersOf, isActive } from '../signals/pods.ts';
import { clusterNameMissing } from '../signals/services.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

/** The cluster DNS itself is down: every lookup in the cluster fails. */
function dnsOutage(ev: Evidence, dns: ClusterDns): Detected | undefined {
  if (!dnsDown(dns)) return undefined;
  const pod = dns.pods.find((p) => containersOf(p).some((c) => !c.status?.ready)) ?? dns.pods[0];
  const state = pod
    ? containersOf(pod)
        .map((c) => c.status?.state?.waiting?.reason ?? (c.status?.ready ? 'ready' : 'running, not ready'))
        .join(', ')
    : undefined;
  const probe = pod && latestEvent(ev, refOf(pod), ['Unhealthy', 'BackOff', 'FailedScheduling']);
  const logs = pod ? ev.logsOf(pod, pod.spec.containers[0]?.name ?? '') : {};
  const line = keyLine(logs.current?.length ? logs.current : (logs.previous ?? []));
  const scaled =
    dns.workload &&
    ev.get(dns.workload.kind, dns.workload.namespace, dns.workload.name)?.spec?.replicas === 0;
  const svc = dns.service
    ? `Service ${dns.service.metadata.name} (${dns.service.spec?.clusterIP ?? 'no IP'})`
    : 'the DNS Service';
  const why = scaled
    ? `${describe(dns.workload)} is scaled to 0`
    : !dns.pods.length
      ? 'no DNS pod is running'
      : `${dns.ready}/${dns.pods.length} DNS pods are ready (${pod?.metadata.name}: ${state}${probe ? `; ${probe.message?.slice(0, 120)}` : ''})`;
  const resource: ObjectRef =
    dns.workload ??
    (dns.service ? refOf(dns.service) : { kind: 'Service', namespace: 'kube-system', name: 'kube-dns' });
  return finding(ev, {
    pattern: 'dns_failure',
    severity: 'critical',
    resource,
    workload: dns.workload ?? null,
    summary: `Cluster DNS is down: ${svc} has no ready endpoints`,
    rootCause: `The cluster DNS does not answer: ${why}, so ${svc} has no ready endpoints and every name lookup in the cluster fails.${line ? ` DNS pod log: "${quote(line, 160)}".` : ''}`,
    evidence: [
      `${svc}: ${dns.endpoints ?? 0} ready endpoints`,
      `DNS pods: ${dns.pods.map((p) => p.metadata.name).join(', ') || 'none'} (${dns.ready} ready)`,
      probe && eventLine(ev, probe),
      line && `log of ${pod?.metadata.name}: ${quote(line)}`,
    ],
    whys: [
      'Why do applications fail to reach their dependencies? Their name lookups time out.',
      `Why? ${svc} has no ready endpoints.`,
      `Why? ${why[0].toUpperCase()}${why.slice(1)}.`,
    ],
    runbook: 'restart_coredns',
    confidence: 0.9,
    subjects: [...(dns.service ? [refOf(dns.service)] : []), ...dns.pods.map(refOf)],
    needs: dns.pods.map(refOf),
  });
}

interface Lookup {
  host?: string;
  kind: string;
  line: string;
}

/** Applications whose logs show failed lookups; what the lookups say decides the cause. */
function failedLookups(ev: Evidence, dns: ClusterDns | undefined, down: boolean): Detected[] {
  const cases: PodCase<Lookup>[] = [];
  for (const pod of ev.list('Pod')) {
    if (!isActive(pod) || pod.metadata.labels?.['k8s-app'] === 'kube-dns') continue;
    const hits = matchLines(podLogLines(ev, pod), DNS_PATTERNS);
    const hit = hits.at(-1);
    if (!hit) continue;
    const kind = DNS_ERRORS.find((d) => d.re.test(hit.line.text))?.kind ?? 'unknown';
    cases.push({ pod, data: { host: hit.match[1], kind, line: hit.line.text } });
  }
  const dnsRef = dns?.service ? refOf(dns.service) : dns?.workload;
  return groupByWorkload(ev, cases, (c) => c.data.host ?? '').map(({ workload, cases: group }) => {
    const { pod, data } = group[0];
    const ns = pod.metadata.namespace;
    const missing =
      !down && data.host !== undefined && data.kind !== 'timeout' && clusterNameMissing(ev, data.host, ns);
    const cause = down
      ? `the cluster DNS is down, so the lookup of ${data.host ?? 'its dependencies'} ${data.kind === 'timeout' ? 'times out' : 'fails'}`
      : missing
        ? `it looks up "${data.host}", but no Service of that name exists in namespace ${data.host?.split('.')[1] ?? ns} (services there: ${
            ev
              .list('Service', data.host?.split('.')[1] ?? ns)
              .map((s) => s.metadata.name)
              .slice(0, 8)
              .join(', ') || 'none'
          })`
        : data.kind === 'timeout'
          ? `lookups of ${data.host ?? 'its dependencies'} time out although the cluster DNS has ready endpoints: the pod cannot reach it (network policy, node network) or the upstream resolver is slow`
          : `the name ${data.host ?? '(unknown)'} does not resolve`;
    const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
    return finding(ev, {
      pattern: 'dns_failure',
      severity: down || missing ? 'critical' : 'warning',
      resource: pod,
      workload,
      summary: `Pod ${pod.metadata.name}${others} cannot resolve ${data.host ?? 'names'}`,
      rootCause: `${describe(workload ?? refOf(pod))} fails name resolution: ${cause}. Its log: "${quote(data.line, 200)}".`,
      evidence: [
        `log of ${pod.metadata.name}: ${quote(data.line)}`,
        dns?.service &&
          `cluster DNS Service ${dns.service.metadata.name}: ${dns.endpoints ?? '?'} ready endpoints`,
      ],
      whys: [
        `Why is ${describe(workload ?? refOf(pod))} failing requests? It cannot resolve ${data.host ?? 'the names of its dependencies'}.`,
        `Why? ${cause[0].toUpperCase()}${cause.slice(1)}.`,
      ],
      runbook: down ? 'restart_coredns' : missing ? 'fix_service_name' : 'investigate_dns',
      confidence: down || missing ? 0.9 : 0.6,
      subjects: group.map((c) => refOf(c.pod)),
      needs: down && dnsRef ? [dnsRef, ...(dns?.workload ? [dns.workload] : [])] : [],
    });
  });
}

export const dnsFailure: Pattern = {
  id: 'dns_failure',
  detect(ev) {
    const dns = clusterDns(ev);
    const outage = dns ? dnsOutage(ev, dns) : undefined;
    return [...(outage ? [outage] : []), ...failedLookups(ev, dns, outage !== undefined)];
  },
};

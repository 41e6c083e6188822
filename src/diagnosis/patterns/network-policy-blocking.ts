import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import { describe, finding } from '../finding.ts';
import { clusterDns } from '../signals/cluster-dns.ts';
import { configuredServices } from '../signals/dependencies.ts';
import { groupByWorkload, type PodCase, podList } from '../signals/group.ts';
import { CONNECT_TIMEOUT, DNS_ERRORS } from '../signals/log-patterns.ts';

import { matchLines, peerOf, podLogLines, quote } from '../signals/logs.ts';
import { type Direction, deniedBy, describePolicy } from '../signals/network-policy.ts';
import { isActive, isPodReady, resolvePort } from '../signals/pods.ts';
import { podsSelectedBy, serviceForPeer } from '../signals/services.ts';
import type { Pattern } from '../types.ts';

const DNS_TIMEOUTS = DNS_ERRORS.filter((d) => d.kind === 'timeout').map((d) => d.re);

interface Blocked {
  target: K8sObject;
  direction: Direction;
  policies: K8sObject[];
  line?: string;
  port?: number;
}

/** The first way traffic from `client` to a Service's pods is dropped by policy, if it is. */
function blocked(
  ev: Evidence,
  client: Pod,
  svc: K8sObject,
  servicePort: number | undefined,
): Omit<Blocked, 'line'> | undefined {
  const dest = podsSelectedBy(ev, svc)[0];
  if (!dest) return undefined;
  const ports = (svc.spec?.ports ?? []) as { port: number; targetPort?: number | string }[];
  const sp = ports.find((p) => p.port === servicePort) ?? ports[0];
  const target = sp?.targetPort ?? sp?.port;
  const container =
    dest.spec.containers.find((c) => resolvePort(c, target) !== undefined) ?? dest.spec.containers[0];
  const port = container ? resolvePort(container, target) : undefined;
  const name = typeof target === 'string' ? target : undefined;
  const egress = deniedBy(ev, client, 'Egress', dest, port, name);
  if (egress) return { target: svc, direction: 'Egress', policies: egress, port };
  const ingress = deniedBy(ev, dest, 'Ingress', client, port, name);
  if (ingress) return { target: svc, direction: 'Ingress', policies: ingress, port };
  return undefined;
}

export const networkPolicyBlocking: Pattern = {
  id: 'network_policy_blocking',
  detect(ev) {
    if (!ev.list('NetworkPolicy').length) return [];
    const dns = clusterDns(ev);
    const cases: PodCase<Blocked>[] = [];
    for (const pod of ev.list('Pod')) {
      if (!isActive(pod) || pod.metadata.labels?.['k8s-app'] === 'kube-dns') continue;
      const lines = podLogLines(ev, pod);
      let found: Blocked | undefined;
      const dnsTimeout = matchLines(lines, DNS_TIMEOUTS).at(-1);
      if (dnsTimeout && dns?.service) {
        const b = blocked(ev, pod, dns.service, 53);
        if (b) found = { ...b, line: dnsTimeout.line.text };
      }
      for (const hit of found ? [] : matchLines(lines, CONNECT_TIMEOUT).reverse()) {
        const peer = peerOf(hit.line.text);
        const svc = serviceForPeer(ev, peer, pod.metadata.namespace);
        const b = svc && blocked(ev, pod, svc, peer.port);
        if (b) {
          found = { ...b, line: hit.line.text };
          break;
        }
      }
      if (!found && !isPodReady(pod)) {
        for (const svc of configuredServices(ev, pod)) {
          const b = blocked(ev, pod, svc, undefined);
          if (b) {
            found = b;
            break;
          }
        }
      }
      if (found) cases.push({ pod, data: found });
    }
    return groupByWorkload(
      ev,
      cases,
      (c) => `${c.data.target.metadata.namespace}/${c.data.target.metadata.name}`,
    ).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const policy = data.policies[0];
      const side =
        data.direction === 'Egress'
          ? `egress from ${pod.metadata.namespace}/${pod.metadata.name}`
          : `ingress to the pods of Service ${data.target.metadata.name}`;
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      const cause = `${describePolicy(policy, data.direction)} selects the ${data.direction === 'Egress' ? 'client' : 'server'} and allows no ${side.split(' ')[0]} for this traffic${data.port ? ` on port ${data.port}` : ''}`;
      return finding(ev, {
        pattern: 'network_policy_blocking',
        severity: 'critical',
        resource: policy,
        workload,
        summary: `NetworkPolicy ${policy.metadata.name} blocks ${describe(workload ?? refOf(pod))}${others} from reaching Service ${data.target.metadata.name}`,
        rootCause: `Traffic from ${describe(workload ?? refOf(pod))} to Service ${data.target.metadata.namespace}/${data.target.metadata.name}${data.port ? ` (port ${data.port})` : ''} is dropped: ${cause}.${data.line ? ` The client logs: "${quote(data.line, 160)}".` : ''}`,
        evidence: [
          data.line && `log of ${pod.metadata.name}: ${quote(data.line)}`,
          ...data.policies.slice(0, 2).map((p) => describePolicy(p, data.direction)),
        ],
        whys: [
          `Why does ${describe(workload ?? refOf(pod))} fail to reach ${data.target.metadata.name}? Its connections time out.`,
          `Why? The packets are dropped by a NetworkPolicy on the ${side}.`,
          `Why? ${cause[0].toUpperCase()}${cause.slice(1)}.`,
        ],
        runbook: 'fix_network_policy',
        confidence: data.line ? 0.9 : 0.65,
        subjects: group.map((c) => refOf(c.pod)),
      });
    });
  },
};

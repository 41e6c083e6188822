import type { Evidence } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import { type LogLine, matchLines, peerOf, podLogLines } from './logs.ts';
import { serviceForPeer } from './services.ts';

const HOSTISH = /(?:^|[/@=\s,])([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*)(?::(\d+))?(?=$|[/?\s,])/g;

/**
 * The Services a pod talks to, as its configuration names them: env values holding a Service name,
 * `name.namespace`, an in-cluster DNS name or a URL to one (`DB_HOST=postgres.shop.svc.cluster.local`,
 * `REDIS_URL=redis://redis:6379`). Only names that are Services in the evidence count.
 */
export function configuredServices(ev: Evidence, pod: Pod): K8sObject[] {
  const found = new Map<string, K8sObject>();
  const ns = pod.metadata.namespace;
  for (const c of pod.spec?.containers ?? []) {
    for (const e of c.env ?? []) {
      if (!e.value || e.value.length > 300) continue;
      for (const m of e.value.matchAll(HOSTISH)) {
        const host = m[1];
        if (!host.includes('.') && !/(HOST|ADDR|URL|URI|ENDPOINT|SERVICE|SERVER|DSN)/i.test(e.name)) continue;
        const svc = serviceForPeer(ev, { host }, ns);
        if (svc && !(svc.metadata.namespace === ns && selectsSelf(svc, pod)))
          found.set(`${svc.metadata.namespace}/${svc.metadata.name}`, svc);
      }
    }
  }
  return [...found.values()];
}

const selectsSelf = (svc: K8sObject, pod: Pod) => {
  const sel = svc.spec?.selector as Record<string, string> | undefined;
  return !!sel && Object.entries(sel).every(([k, v]) => pod.metadata.labels?.[k] === v);
};

/** The Service a log line is about, if it names one. */
export function serviceInLine(
  ev: Evidence,
  line: LogLine | string,
  fromNamespace: string | undefined,
): K8sObject | undefined {
  return serviceForPeer(ev, peerOf(typeof line === 'string' ? line : line.text), fromNamespace);
}

/** Services named in the lines of a pod's log that match `patterns` (the peers it failed to reach). */
export function loggedPeers(ev: Evidence, pod: Pod, patterns: RegExp[]): K8sObject[] {
  const found = new Map<string, K8sObject>();
  for (const h of matchLines(podLogLines(ev, pod), patterns)) {
    const svc = serviceInLine(ev, h.line, pod.metadata.namespace);
    if (svc) found.set(`${svc.metadata.namespace}/${svc.metadata.name}`, svc);
  }
  return [...found.values()];
}

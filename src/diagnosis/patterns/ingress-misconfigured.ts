import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject } from '../evidence/shapes.ts';
import { eventLine, finding, latestEvent } from '../finding.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

interface Backend {
  service: string;
  port?: { number?: number; name?: string };
  host?: string;
  path?: string;
}

function backendsOf(ing: K8sObject): Backend[] {
  const out: Backend[] = [];
  const def = ing.spec?.defaultBackend?.service;
  if (def?.name) out.push({ service: def.name, port: def.port });
  for (const rule of ing.spec?.rules ?? []) {
    for (const p of rule.http?.paths ?? []) {
      const s = p.backend?.service;
      if (s?.name) out.push({ service: s.name, port: s.port, host: rule.host, path: p.path });
    }
  }
  return out;
}

const portText = (p: Backend['port']) => (p?.name ? `"${p.name}"` : String(p?.number ?? '?'));

/** What is wrong with one Ingress, each problem one sentence, with the object it points at. */
function problems(ev: Evidence, ing: K8sObject): { text: string; ref?: ObjectRef }[] {
  const ns = ing.metadata.namespace;
  const out: { text: string; ref?: ObjectRef }[] = [];
  const cls: string | undefined =
    ing.spec?.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  const classes = ev.list('IngressClass');
  if (cls && classes.length && !classes.some((c) => c.metadata.name === cls)) {
    out.push({
      text: `ingressClassName "${cls}" matches no IngressClass (the cluster has: ${classes.map((c) => c.metadata.name).join(', ')}), so no controller serves it`,
    });
  }
  const services = ev.list('Service', ns);
  for (const b of backendsOf(ing)) {
    const where = `${b.host ?? '*'}${b.path ?? ''}`;
    const svc = ev.get('Service', ns, b.service);
    if (!svc) {
      if (!ev.has('Service')) continue;
      out.push({
        text: `the backend of ${where} is Service "${b.service}", which does not exist in namespace ${ns} (services: ${
          services
            .map((s) => s.metadata.name)
            .slice(0, 8)
            .join(', ') || 'none'
        })`,
        ref: { kind: 'Service', namespace: ns, name: b.service },
      });
      continue;
    }
    const ports = (svc.spec?.ports ?? []) as { name?: string; port: number }[];
    const ok = b.port?.name
      ? ports.some((p) => p.name === b.port?.name)
      : b.port?.number === undefined || ports.some((p) => p.port === b.port?.number);
    if (!ok) {
      out.push({
        text: `the backend of ${where} uses port ${portText(b.port)} of Service ${b.service}, which exposes ${ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(', ') || 'no ports'}`,
        ref: refOf(svc),
      });
    }
  }
  for (const tls of (ing.spec?.tls ?? []) as { secretName?: string; hosts?: string[] }[]) {
    if (tls.secretName && ev.has('Secret') && !ev.get('Secret', ns, tls.secretName)) {
      out.push({
        text: `TLS Secret "${tls.secretName}" for ${(tls.hosts ?? []).join(', ') || 'its hosts'} does not exist, so the controller serves a default certificate`,
        ref: { kind: 'Secret', namespace: ns, name: tls.secretName },
      });
    }
  }
  return out;
}

function detectIngress(ev: Evidence, ing: K8sObject): Detected | undefined {
  const found = problems(ev, ing);
  if (!found.length) return undefined;
  const event = latestEvent(ev, refOf(ing));
  const first = found[0].text;
  return finding(ev, {
    pattern: 'ingress_misconfigured',
    severity: found.some((p) => !p.text.startsWith('TLS')) ? 'critical' : 'warning',
    resource: ing,
    workload: null,
    summary: `Ingress ${ing.metadata.name} routes traffic to something that is not there`,
    rootCause: `Ingress ${ing.metadata.namespace}/${ing.metadata.name}: ${found.map((p) => p.text).join('; ')}.`,
    evidence: [
      ...found.map((p) => p.text),
      event && eventLine(ev, event),
      `rules: ${JSON.stringify(ing.spec?.rules ?? []).slice(0, 300)}`,
    ],
    whys: [
      `Why do requests to ${ing.spec?.rules?.[0]?.host ?? ing.metadata.name} fail? The ingress controller has nowhere valid to send them.`,
      `Why? ${first[0].toUpperCase()}${first.slice(1)}.`,
    ],
    runbook: 'fix_ingress_backend',
    confidence: 0.9,
    subjects: found.map((p) => p.ref).filter((r) => r !== undefined),
  });
}

export const ingressMisconfigured: Pattern = {
  id: 'ingress_misconfigured',
  detect: (ev) =>
    ev
      .list('Ingress')
      .map((i) => detectIngress(ev, i))
      .filter((f) => f !== undefined),
};

import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { KeyedObject } from '../evidence/shapes.ts';
import { describe, finding } from '../finding.ts';
import { formatDuration } from '../signals/format.ts';
import { groupByWorkload, type PodCase, podList } from '../signals/group.ts';
import { CERT_EXPIRED, TLS_REJECTED } from '../signals/log-patterns.ts';
import { type LogHit, matchLines, type Peer, peerAround, podLogLines, quote } from '../signals/logs.ts';
import { isActive } from '../signals/pods.ts';
import { serviceForPeer } from '../signals/services.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

const SOON_MS = 7 * 86_400_000;
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Who presents a Secret's certificate: pods that mount it and Ingresses that terminate TLS with it. */
function usersOf(
  ev: Evidence,
  secret: KeyedObject,
): { pods: ObjectRef[]; workloads: ObjectRef[]; ingresses: ObjectRef[] } {
  const ns = secret.metadata.namespace;
  const name = secret.metadata.name;
  const pods = ev
    .list('Pod', ns)
    .filter(
      (p) =>
        isActive(p) &&
        (p.spec.volumes ?? []).some(
          (v) => v.secret?.secretName === name || v.projected?.sources?.some((s) => s.secret?.name === name),
        ),
    );
  const workloads = [
    ...new Map(
      pods
        .map((p) => ev.workloadOf(p))
        .filter((w) => w !== null)
        .map((w) => [`${w.kind}/${w.name}`, w]),
    ).values(),
  ];
  const ingresses = ev
    .list('Ingress', ns)
    .filter((i) => ((i.spec?.tls ?? []) as { secretName?: string }[]).some((t) => t.secretName === name))
    .map(refOf);
  return { pods: pods.map(refOf), workloads, ingresses };
}

interface ClientHit extends LogHit {
  peer: Peer;
}

function expiredSecrets(ev: Evidence, clientHits: Map<string, ClientHit>): Detected[] {
  const out: Detected[] = [];
  for (const secret of ev.list('Secret')) {
    const cert = secret.certificate;
    if (!cert || cert.notAfter - ev.now > SOON_MS) continue;
    const expired = cert.notAfter <= ev.now;
    const users = usersOf(ev, secret);
    if (!expired && !users.pods.length && !users.ingresses.length) continue;
    const served = [...users.workloads.map(describe), ...users.ingresses.map((i) => `Ingress ${i.name}`)];
    const hosts = cert.dnsNames.length ? cert.dnsNames : [cert.subject];
    const clientLine = [...clientHits.values()].find((h) => hosts.some((host) => h.line.text.includes(host)))
      ?.line.text;
    const when = expired
      ? `expired ${formatDuration(ev.now - cert.notAfter)} ago (notAfter ${iso(cert.notAfter)})`
      : `expires in ${formatDuration(cert.notAfter - ev.now)} (notAfter ${iso(cert.notAfter)})`;
    out.push(
      finding(ev, {
        pattern: 'cert_expired',
        severity: expired ? (served.length ? 'critical' : 'warning') : 'warning',
        resource: secret,
        workload: users.workloads[0] ?? null,
        summary: `TLS certificate in Secret ${secret.metadata.name} ${expired ? 'has expired' : 'expires soon'} (${hosts[0]})`,
        rootCause: `The certificate for ${hosts.join(', ')} in Secret ${secret.metadata.namespace}/${secret.metadata.name} ${when}${served.length ? `; ${served.join(', ')} present it, so TLS clients reject the connection` : ''}.${
          clientLine ? ` A client logs: "${quote(clientLine, 160)}".` : ''
        }`,
        evidence: [
          `secret ${secret.metadata.name} (${String(secret.type ?? 'kubernetes.io/tls')}): subject ${cert.subject}, notBefore ${iso(cert.notBefore)}, notAfter ${iso(cert.notAfter)}`,
          served.length > 0 && `served by: ${served.join(', ')}`,
          clientLine && `client log: ${quote(clientLine)}`,
          secret.metadata.annotations?.['cert-manager.io/issuer-name'] &&
            `issued by cert-manager issuer ${secret.metadata.annotations['cert-manager.io/issuer-name']}`,
        ],
        whys: [
          `Why do TLS clients of ${hosts[0]} fail? They reject the server certificate.`,
          `Why? It ${when}.`,
          'Why was it not renewed? Its renewal (cert-manager or manual) did not happen before notAfter.',
        ],
        runbook: 'renew_certificate',
        confidence: 0.95,
        subjects: [...users.pods, ...users.workloads, ...users.ingresses],
      }),
    );
  }
  return out;
}

/** Clients that reject a peer's certificate; correlation ties them to the expired Secret when there is one. */
function clientFailures(ev: Evidence, hits: Map<string, ClientHit>): Detected[] {
  const cases: PodCase<ClientHit>[] = [];
  for (const pod of ev.list('Pod')) {
    const hit = hits.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    if (hit) cases.push({ pod, data: hit });
  }
  return groupByWorkload(ev, cases).map(({ workload, cases: group }) => {
    const { pod, data } = group[0];
    const peer = data.peer;
    const svc = serviceForPeer(ev, peer, pod.metadata.namespace);
    const after = /is after (\S+)|NotAfter: ([^,;)]+)/.exec(data.line.text);
    const target = svc
      ? `Service ${svc.metadata.namespace}/${svc.metadata.name}`
      : (peer.host ?? peer.ip ?? 'a TLS peer');
    const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
    return finding(ev, {
      pattern: 'cert_expired',
      severity: 'critical',
      resource: pod,
      workload,
      summary: `Pod ${pod.metadata.name}${others} rejects the expired certificate of ${target}`,
      rootCause: `${describe(workload ?? refOf(pod))} cannot talk TLS to ${target}: its certificate has expired${after ? ` (notAfter ${after[1] ?? after[2]})` : ''}. Log: "${quote(data.line.text, 200)}".`,
      evidence: [`log of ${pod.metadata.name}: ${quote(data.line.text)}`],
      whys: [
        `Why does ${describe(workload ?? refOf(pod))} fail calls to ${target}? The TLS handshake fails.`,
        `Why? ${target} presents an expired certificate.`,
      ],
      runbook: 'renew_certificate',
      confidence: 0.85,
      subjects: group.map((c) => refOf(c.pod)),
      needs: svc ? [refOf(svc)] : [],
    });
  });
}

export const certExpired: Pattern = {
  id: 'cert_expired',
  detect(ev) {
    const clientHits = new Map<string, ClientHit>();
    for (const pod of ev.list('Pod')) {
      if (!isActive(pod)) continue;
      const lines = podLogLines(ev, pod);
      const hit = matchLines(lines, CERT_EXPIRED).at(-1);
      if (hit)
        clientHits.set(`${pod.metadata.namespace}/${pod.metadata.name}`, {
          ...hit,
          peer: peerAround(lines, hit),
        });
    }
    const secrets = expiredSecrets(ev, clientHits);
    const certificates = expiringCertificates(ev, new Set(secrets.map((f) => f.resource.name)));
    return [
      ...secrets,
      ...certificates,
      ...clientFailures(ev, clientHits),
      ...rejectingServers(ev, secrets.length + certificates.length > 0),
    ];
  },
};

/** Servers whose TLS handshakes fail with "bad certificate" while no expired Secret was found: a weaker sign. */
function rejectingServers(ev: Evidence, explained: boolean): Detected[] {
  if (explained) return [];
  return ev.list('Pod').flatMap((pod) => {
    if (!isActive(pod)) return [];
    const hits = matchLines(podLogLines(ev, pod, 'current'), TLS_REJECTED);
    if (hits.length < 3) return [];
    return [
      finding(ev, {
        pattern: 'cert_expired',
        severity: 'warning',
        resource: pod,
        summary: `Clients reject the TLS certificate pod ${pod.metadata.name} presents`,
        rootCause: `Clients abort TLS handshakes with pod ${pod.metadata.name} ("${quote(hits[0].line.text, 160)}"): the certificate it serves is expired or untrusted.`,
        evidence: hits.slice(0, 2).map((h) => `log: ${quote(h.line.text)}`),
        whys: [
          'Why do clients fail? The TLS handshake is rejected.',
          'Why? They do not accept the certificate this server presents.',
        ],
        runbook: 'renew_certificate',
        confidence: 0.5,
      }),
    ];
  });
}

/** cert-manager Certificates whose expiry metric says expired or due within a week (their Secret may be unreadable). */
function expiringCertificates(ev: Evidence, seen: Set<string>): Detected[] {
  return ev
    .metrics('cert_expiry_seconds')
    .filter((s) => s.value * 1000 < SOON_MS && !seen.has(s.labels.name))
    .map((s) => {
      const expired = s.value <= 0;
      const when = expired
        ? `expired ${formatDuration(-s.value * 1000)} ago`
        : `expires in ${formatDuration(s.value * 1000)}`;
      return finding(ev, {
        pattern: 'cert_expired',
        severity: expired ? 'critical' : 'warning',
        resource: { kind: 'Certificate', namespace: s.labels.namespace, name: s.labels.name },
        workload: null,
        summary: `Certificate ${s.labels.name} ${expired ? 'has expired' : 'expires soon'}`,
        rootCause: `cert-manager Certificate ${s.labels.namespace}/${s.labels.name} ${when} and was not renewed.`,
        evidence: [`certmanager_certificate_expiration_timestamp_seconds - time() = ${Math.round(s.value)}s`],
        whys: [
          'Why do TLS clients fail? The certificate they are shown is no longer valid.',
          `Why? Certificate ${s.labels.name} ${when}.`,
        ],
        runbook: 'renew_certificate',
        confidence: 0.9,
      });
    });
}

import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { issueCertificate, secretCertificate } from '../runtime/certificates.ts';
import { describeTarget } from './targets.ts';
import { badRequest, type FaultContext, type FaultType, type Target } from './types.ts';

const SECRET = rt('Secret');
const DAY = 86_400_000;

/** The TLS Secret a target stands for: itself, an Ingress's first TLS secret, or one a Deployment mounts. */
function tlsSecretOf(ctx: FaultContext, target: Target): KubeObject {
  const namespace = target.namespace ?? 'default';
  const { store } = ctx.cluster;
  let name: string | undefined = target.name;
  if (target.kind === 'ingress') name = target.object.spec?.tls?.[0]?.secretName;
  if (target.kind === 'deployment') {
    name = ctx.runtime.dependencies.servingCertificate(
      namespace,
      target.object.spec?.template ?? {},
    )?.secretName;
  }
  const secret = name ? store.get(SECRET, namespace, name) : undefined;
  if (secret?.type !== 'kubernetes.io/tls') {
    throw badRequest(`${describeTarget(target)} does not hold or use a kubernetes.io/tls Secret`);
  }
  return secret;
}

/**
 * The certificate in a TLS Secret is past its notAfter (the renewal never happened): servers present
 * it, clients reject it. The expiry lives in the Secret's data, so writing a renewed certificate there
 * clears it; restarting the pods that serve it does not.
 */
export const certExpired: FaultType = {
  name: 'cert_expired',
  description:
    "A TLS Secret's certificate has expired: clients fail with x509 errors, handshakes are rejected.",
  targets: ['secret', 'ingress', 'deployment'],
  defaultTarget: { target: 'secret/api-tls' },
  params: [
    {
      name: 'expiredDaysAgo',
      type: 'number',
      description: 'Days since the certificate expired',
      default: 1,
      min: 0.01,
      max: 3650,
    },
  ],
  inject(ctx, target, params) {
    const { store } = ctx.cluster;
    const secret = tlsSecretOf(ctx, target);
    const namespace = secret.metadata.namespace ?? 'default';
    const name = secret.metadata.name;
    const original = secret.data;
    const before = secretCertificate(secret);
    const hosts = before?.dnsNames.length ? before.dnsNames : [name];
    const days = Number(params.expiredDaysAgo ?? 1);
    const notAfter = ctx.now() - days * DAY;
    const cert = issueCertificate({
      commonName: hosts[0],
      dnsNames: hosts,
      notBefore: notAfter - 90 * DAY,
      notAfter,
    });
    const expiredData = {
      ...(original ?? {}),
      'tls.crt': Buffer.from(cert.certPem).toString('base64'),
      'tls.key': Buffer.from(cert.keyPem).toString('base64'),
    };
    store.mutate(SECRET, namespace, name, (draft) => {
      draft.data = expiredData;
      delete draft.stringData;
    });
    const mounted = (['Deployment', 'StatefulSet', 'DaemonSet'] as const).flatMap((kind) =>
      store
        .list(rt(kind), namespace)
        .filter((w) =>
          (w.spec?.template?.spec?.volumes ?? []).some((v: any) => v.secret?.secretName === name),
        )
        .map((w) => `${kind.toLowerCase()}/${w.metadata.name}`),
    );
    const ingresses = store
      .list(rt('Ingress'), namespace)
      .filter((i) => (i.spec?.tls ?? []).some((t: any) => t.secretName === name))
      .map((i) => `ingress/${i.metadata.name}`);
    const seen = [
      ...(mounted.length
        ? [
            `${mounted.join(', ')} ${mounted.length > 1 ? 'serve' : 'serves'} it: their clients log "x509: certificate has expired or is not yet valid: current time … is after …", the servers log TLS handshake errors and callers get 502s`,
          ]
        : []),
      ...(ingresses.length
        ? [
            `${ingresses.join(', ')} ${ingresses.length > 1 ? 'present' : 'presents'} it: TLS probes of ${hosts[0]} fail (probe_success 0)`,
          ]
        : []),
    ];
    return {
      params: { expiredDaysAgo: days },
      symptoms: `Secret ${name} holds a certificate for ${hosts[0]} that expired ${new Date(notAfter).toISOString()} (certmanager_certificate_expiration_timestamp_seconds < time())${seen.length ? `; ${seen.join('; ')}` : ''}.`,
      fix: `Renew the certificate and write it into the Secret (kubectl create secret tls ${name} -n ${namespace} --cert=new.crt --key=new.key --dry-run=client -o yaml | kubectl apply -f -, or let cert-manager re-issue it). Restarting the pods that serve it does not help.`,
      isCleared: () => {
        const now = store.get(SECRET, namespace, name);
        const info = now && secretCertificate(now);
        return !!info && info.notBefore <= ctx.now() && info.notAfter > ctx.now();
      },
      remove: () => {
        const now = store.get(SECRET, namespace, name);
        if ((now?.data as Record<string, string> | undefined)?.['tls.crt'] !== expiredData['tls.crt']) return;
        store.mutate(SECRET, namespace, name, (draft) => {
          draft.data = original;
        });
      },
    };
  },
};

import { rt } from '../core/resources.ts';
import { secretCertificate } from '../runtime/certificates.ts';
import type { Collector } from './context.ts';
import { labels } from './exposition.ts';

/** Certificate expiry as cert-manager and a blackbox TLS probe of each Ingress host report it. */
export const certificates: Collector = {
  name: 'certificates',
  collect(ctx, out) {
    const expiry = out.family(
      'certmanager_certificate_expiration_timestamp_seconds',
      'gauge',
      'The date after which the certificate expires. Expressed as a Unix Epoch Time.',
    );
    const ready = out.family(
      'certmanager_certificate_ready_status',
      'gauge',
      'The ready status of the certificate.',
    );
    const probeExpiry = out.family(
      'probe_ssl_earliest_cert_expiry',
      'gauge',
      'Returns last SSL chain expiry in unixtime',
    );
    const probeSuccess = out.family(
      'probe_success',
      'gauge',
      'Displays whether or not the probe was a success',
    );
    const now = ctx.now;
    const valid = new Map<string, number | undefined>();
    for (const secret of ctx.store.list(rt('Secret'))) {
      if (secret.type !== 'kubernetes.io/tls') continue;
      const namespace = secret.metadata.namespace ?? 'default';
      const cert = secretCertificate(secret);
      valid.set(
        `${namespace}/${secret.metadata.name}`,
        cert && cert.notBefore <= now && cert.notAfter > now ? cert.notAfter : undefined,
      );
      const annotations = secret.metadata.annotations ?? {};
      const l = labels({
        namespace,
        name: secret.metadata.name,
        issuer_name: annotations['cert-manager.io/issuer-name'] ?? '',
        issuer_kind: annotations['cert-manager.io/issuer-kind'] ?? '',
        issuer_group: 'cert-manager.io',
      });
      if (cert) expiry(l, Math.floor(cert.notAfter / 1000));
      const isReady = !!cert && cert.notAfter > now;
      for (const condition of ['True', 'False', 'Unknown']) {
        ready(
          `${l},condition="${condition}"`,
          (condition === 'True') === isReady && condition !== 'Unknown' ? 1 : 0,
        );
      }
    }
    const traffic = ctx.runtime?.traffic;
    for (const ingress of ctx.store.list(rt('Ingress'))) {
      const namespace = ingress.metadata.namespace ?? 'default';
      for (const tls of ingress.spec?.tls ?? []) {
        const secret = ctx.store.get(rt('Secret'), namespace, tls.secretName ?? '');
        const cert = secret && secretCertificate(secret);
        const backend = (ingress.spec?.rules ?? [])[0]?.http?.paths?.[0]?.backend?.service?.name;
        const serving =
          !traffic || !backend || (traffic.service(namespace, backend)?.readyEndpoints ?? 0) > 0;
        for (const host of tls.hosts ?? []) {
          const l = labels({ namespace, ingress: ingress.metadata.name, host, instance: `https://${host}` });
          if (cert) probeExpiry(l, Math.floor(cert.notAfter / 1000));
          probeSuccess(l, valid.get(`${namespace}/${tls.secretName}`) !== undefined && serving ? 1 : 0);
        }
      }
    }
  },
};

import type { KubeObject } from '../core/types.ts';
import { issueCertificate } from '../runtime/certificates.ts';
import { secret, service } from './builders.ts';
import type { ShopSize } from './shop.ts';

/** How the shop is reached: ClusterIP Services, TLS certificates and the nginx Ingresses. */

const DAY = 86_400_000;

const tlsSecret = (
  namespace: string,
  name: string,
  hosts: string[],
  now: number,
  ageDays: number,
  lifeDays: number,
) => {
  const notBefore = now - ageDays * DAY;
  const cert = issueCertificate({
    commonName: hosts[0],
    dnsNames: hosts,
    notBefore,
    notAfter: notBefore + lifeDays * DAY,
    seed: `${namespace}/${name}`,
  });
  const s = secret(namespace, name, { 'tls.crt': cert.certPem, 'tls.key': cert.keyPem }, 'kubernetes.io/tls');
  s.metadata.annotations = {
    'cert-manager.io/issuer-kind': 'ClusterIssuer',
    'cert-manager.io/issuer-name': 'letsencrypt-prod',
    'cert-manager.io/common-name': hosts[0],
    'cert-manager.io/alt-names': hosts.join(','),
  };
  return s;
};

const ingress = (
  namespace: string,
  name: string,
  host: string,
  backend: string,
  port: string,
  tlsSecretName: string,
) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: {
    name,
    namespace,
    annotations: {
      'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
      ...(port === 'https' ? { 'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS' } : {}),
    },
  },
  spec: {
    ingressClassName: 'nginx',
    tls: [{ hosts: [host], secretName: tlsSecretName }],
    rules: [
      {
        host,
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { name: port } } } },
          ],
        },
      },
    ],
  },
});

export function shopNetwork(size: ShopSize, now: number): KubeObject[] {
  const ns = size.namespace;
  const ip = (n: number) => `10.96.${size.ipBlock}.${n}`;
  const appPorts = [{ name: 'http', port: 8080, targetPort: 'http' }];
  return [
    tlsSecret(
      ns,
      'api-tls',
      [`api.${size.domain}`, `api-service.${ns}.svc`, `api-service.${ns}.svc.cluster.local`],
      now,
      30,
      90,
    ),
    tlsSecret(ns, 'shop-tls', [size.domain], now, 10, 90),
    service({
      namespace: ns,
      name: 'api-service',
      selector: { app: 'api-service' },
      clusterIP: ip(11),
      annotations: { 'sandbox.sre-nanobot.dev/rps': String(size.rps.api) },
      ports: [
        { name: 'https', port: 8443, targetPort: 'https' },
        { name: 'http', port: 8080, targetPort: 'http' },
      ],
    }),
    service({
      namespace: ns,
      name: 'web-frontend',
      selector: { app: 'web-frontend' },
      clusterIP: ip(12),
      annotations: { 'sandbox.sre-nanobot.dev/rps': String(size.rps.web) },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    }),
    service({
      namespace: ns,
      name: 'payment-service',
      selector: { app: 'payment-service' },
      clusterIP: ip(13),
      annotations: { 'sandbox.sre-nanobot.dev/rps': String(size.rps.payment) },
      ports: appPorts,
    }),
    service({
      namespace: ns,
      name: 'checkout',
      selector: { app: 'checkout' },
      clusterIP: ip(14),
      annotations: { 'sandbox.sre-nanobot.dev/rps': String(size.rps.checkout) },
      ports: appPorts,
    }),
    service({
      namespace: ns,
      name: 'postgres',
      selector: { app: 'postgres' },
      clusterIP: ip(21),
      ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }],
    }),
    service({
      namespace: ns,
      name: 'postgres-headless',
      selector: { app: 'postgres' },
      clusterIP: 'None',
      ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }],
    }),
    service({
      namespace: ns,
      name: 'redis',
      selector: { app: 'redis' },
      clusterIP: ip(22),
      ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }],
    }),
    service({
      namespace: ns,
      name: 'redis-headless',
      selector: { app: 'redis' },
      clusterIP: 'None',
      ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }],
    }),
    ingress(ns, 'api', `api.${size.domain}`, 'api-service', 'https', 'api-tls'),
    ingress(ns, 'web', size.domain, 'web-frontend', 'http', 'shop-tls'),
  ];
}

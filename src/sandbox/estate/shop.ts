import type { KubeObject } from '../core/types.ts';
import { issueCertificate } from '../runtime/certificates.ts';
import {
  configMap,
  deployment,
  execProbe,
  httpProbe,
  labelsFor,
  secret,
  service,
  statefulSet,
} from './builders.ts';

/**
 * The demo shop: a web frontend, an API, checkout and payments over PostgreSQL and Redis, with an
 * HPA, a PDB, a quota and TLS ingresses. Production runs it at size; staging is a smaller copy.
 */

export interface ShopSize {
  namespace: string;
  /** Third octet of the namespace's cluster IPs. */
  ipBlock: number;
  domain: string;
  replicas: { api: number; web: number; payment: number; checkout: number };
  rps: { api: number; web: number; payment: number; checkout: number };
  autoscale: boolean;
}

export const PRODUCTION: ShopSize = {
  namespace: 'production',
  ipBlock: 10,
  domain: 'shop.example.com',
  replicas: { api: 3, web: 2, payment: 2, checkout: 2 },
  rps: { api: 150, web: 80, payment: 30, checkout: 40 },
  autoscale: true,
};

export const STAGING: ShopSize = {
  namespace: 'staging',
  ipBlock: 20,
  domain: 'staging.shop.example.com',
  replicas: { api: 1, web: 1, payment: 1, checkout: 1 },
  rps: { api: 8, web: 5, payment: 2, checkout: 3 },
  autoscale: false,
};

const DAY = 86_400_000;
const PART_OF = 'shop';

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

export function shop(size: ShopSize, now: number): KubeObject[] {
  const ns = size.namespace;
  const ip = (n: number) => `10.96.${size.ipBlock}.${n}`;
  const appPorts = [{ name: 'http', port: 8080, targetPort: 'http' }];
  const objects: KubeObject[] = [
    configMap(ns, 'api-service-config', {
      LOG_LEVEL: 'info',
      CACHE_TTL_SECONDS: '60',
      FEATURE_FLAGS: 'search-v2',
    }),
    configMap(ns, 'web-frontend-nginx', {
      'default.conf':
        'server {\n  listen 80;\n  root /usr/share/nginx/html;\n  location /api/ { proxy_pass https://api-service:8443; }\n  location /checkout/ { proxy_pass http://checkout:8080; }\n}\n',
    }),
    secret(ns, 'postgres-credentials', {
      POSTGRES_USER: 'app',
      POSTGRES_PASSWORD: 'pg-Zq8r4LmT2v',
      POSTGRES_DB: 'app',
    }),
    secret(ns, 'payment-db-credentials', {
      DB_HOST: `postgres.${ns}.svc.cluster.local`,
      DB_USER: 'payments',
      DB_PASSWORD: 'pay-7Hc2xWq9Ne',
      DATABASE_URL: `postgres://payments:pay-7Hc2xWq9Ne@postgres.${ns}.svc.cluster.local:5432/app?sslmode=disable`,
    }),
    tlsSecret(
      ns,
      'api-tls',
      [`api.${size.domain}`, `api-service.${ns}.svc`, `api-service.${ns}.svc.cluster.local`],
      now,
      30,
      90,
    ),
    tlsSecret(ns, 'shop-tls', [size.domain], now, 10, 90),

    deployment({
      namespace: ns,
      name: 'api-service',
      replicas: size.replicas.api,
      partOf: PART_OF,
      annotations: {
        'sandbox.sre-nanobot.dev/depends-on': 'postgres,redis',
        'sandbox.sre-nanobot.dev/capacity-rps': '100',
        'sandbox.sre-nanobot.dev/db-pool-size': '10',
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '8080',
      },
      container: {
        name: 'api-service',
        image: 'ghcr.io/acme/api-service:1.8.2',
        ports: [
          { name: 'http', containerPort: 8080 },
          { name: 'https', containerPort: 8443 },
        ],
        envFrom: [{ configMapRef: { name: 'api-service-config' } }],
        env: [
          { name: 'DB_HOST', value: `postgres.${ns}.svc.cluster.local` },
          { name: 'REDIS_ADDR', value: `redis.${ns}.svc.cluster.local:6379` },
          {
            name: 'DB_PASSWORD',
            valueFrom: { secretKeyRef: { name: 'postgres-credentials', key: 'POSTGRES_PASSWORD' } },
          },
          { name: 'TLS_CERT_FILE', value: '/etc/tls/tls.crt' },
          { name: 'TLS_KEY_FILE', value: '/etc/tls/tls.key' },
        ],
        requests: { cpu: '250m', memory: '256Mi' },
        limits: { cpu: '1', memory: '512Mi' },
        readinessProbe: httpProbe('/readyz', 'http', 5, 5),
        livenessProbe: httpProbe('/healthz', 'http', 10, 10),
        volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }],
      },
      volumes: [{ name: 'tls', secret: { secretName: 'api-tls', defaultMode: 420 } }],
    }),
    deployment({
      namespace: ns,
      name: 'web-frontend',
      replicas: size.replicas.web,
      partOf: PART_OF,
      annotations: {
        'sandbox.sre-nanobot.dev/profile': 'nginx',
        'sandbox.sre-nanobot.dev/depends-on': 'api-service,checkout',
        'sandbox.sre-nanobot.dev/capacity-rps': '400',
      },
      container: {
        name: 'web-frontend',
        image: 'ghcr.io/acme/web-frontend:2.14.0',
        ports: [{ name: 'http', containerPort: 80 }],
        requests: { cpu: '100m', memory: '64Mi' },
        limits: { cpu: '500m', memory: '128Mi' },
        readinessProbe: httpProbe('/', 'http', 2, 5),
        livenessProbe: httpProbe('/', 'http', 5, 10),
        volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d', readOnly: true }],
      },
      volumes: [{ name: 'nginx-conf', configMap: { name: 'web-frontend-nginx' } }],
    }),
    deployment({
      namespace: ns,
      name: 'payment-service',
      replicas: size.replicas.payment,
      partOf: PART_OF,
      annotations: {
        'sandbox.sre-nanobot.dev/depends-on': 'postgres',
        'sandbox.sre-nanobot.dev/capacity-rps': '40',
        'sandbox.sre-nanobot.dev/db-pool-size': '5',
      },
      container: {
        name: 'payment-service',
        image: 'ghcr.io/acme/payment-service:3.2.1',
        ports: [{ name: 'http', containerPort: 8080 }],
        envFrom: [{ secretRef: { name: 'payment-db-credentials' } }],
        env: [{ name: 'PAYMENT_PROVIDER', value: 'stripe' }],
        requests: { cpu: '200m', memory: '256Mi' },
        limits: { cpu: '500m', memory: '512Mi' },
        readinessProbe: httpProbe('/ready', 'http', 5, 5),
        livenessProbe: httpProbe('/health', 'http', 10, 10),
      },
    }),
    deployment({
      namespace: ns,
      name: 'checkout',
      replicas: size.replicas.checkout,
      partOf: PART_OF,
      annotations: {
        'sandbox.sre-nanobot.dev/depends-on': 'payment-service,redis',
        'sandbox.sre-nanobot.dev/capacity-rps': '60',
      },
      container: {
        name: 'checkout',
        image: 'ghcr.io/acme/checkout:1.4.0',
        ports: [{ name: 'http', containerPort: 8080 }],
        env: [
          { name: 'PAYMENT_URL', value: `http://payment-service.${ns}.svc.cluster.local:8080` },
          { name: 'REDIS_ADDR', value: `redis.${ns}.svc.cluster.local:6379` },
        ],
        requests: { cpu: '200m', memory: '192Mi' },
        limits: { cpu: '500m', memory: '384Mi' },
        readinessProbe: httpProbe('/readyz', 'http', 5, 5),
        livenessProbe: httpProbe('/healthz', 'http', 10, 10),
      },
    }),
    statefulSet({
      namespace: ns,
      name: 'postgres',
      replicas: 1,
      serviceName: 'postgres-headless',
      partOf: PART_OF,
      claims: [{ name: 'data', storage: '10Gi', storageClassName: 'standard' }],
      container: {
        name: 'postgres',
        image: 'postgres:16.2',
        args: ['-c', 'max_connections=100', '-c', 'shared_buffers=256MB'],
        ports: [{ name: 'postgres', containerPort: 5432 }],
        envFrom: [{ secretRef: { name: 'postgres-credentials' } }],
        env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
        requests: { cpu: '500m', memory: '1Gi' },
        limits: { cpu: '2', memory: '2Gi' },
        readinessProbe: execProbe(['pg_isready', '-U', 'app', '-d', 'app'], 3, 5),
        livenessProbe: execProbe(['pg_isready', '-U', 'app', '-d', 'app'], 15, 10),
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
      },
    }),
    statefulSet({
      namespace: ns,
      name: 'redis',
      replicas: 1,
      serviceName: 'redis-headless',
      partOf: PART_OF,
      claims: [{ name: 'data', storage: '2Gi', storageClassName: 'standard' }],
      container: {
        name: 'redis',
        image: 'redis:7.2.4-alpine',
        args: ['--save', '300', '100', '--maxmemory', '192mb', '--maxmemory-policy', 'allkeys-lru'],
        ports: [{ name: 'redis', containerPort: 6379 }],
        requests: { cpu: '100m', memory: '128Mi' },
        limits: { cpu: '500m', memory: '256Mi' },
        readinessProbe: execProbe(['redis-cli', 'ping'], 2, 5),
        livenessProbe: execProbe(['redis-cli', 'ping'], 10, 10),
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      },
    }),
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
  return [...objects, ...(size.autoscale ? productionGuards(ns) : [])];
}

/** What keeps production safe: autoscaling, a disruption budget and a quota. */
function productionGuards(ns: string): KubeObject[] {
  return [
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api-service', namespace: ns, labels: labelsFor('api-service', PART_OF) },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api-service' },
        minReplicas: 3,
        maxReplicas: 10,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
          },
        ],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'api-service', namespace: ns, labels: labelsFor('api-service', PART_OF) },
      spec: {
        maxUnavailable: 1,
        selector: { matchLabels: { app: 'api-service' } },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'compute-quota', namespace: ns },
      spec: {
        hard: {
          'requests.cpu': '16',
          'requests.memory': '32Gi',
          'limits.cpu': '32',
          'limits.memory': '64Gi',
          pods: '60',
        },
      },
    },
  ];
}

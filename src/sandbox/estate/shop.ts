import type { KubeObject } from '../core/types.ts';
import { configMap, deployment, execProbe, httpProbe, secret, statefulSet } from './builders.ts';
import { productionGuards } from './shop-guards.ts';
import { shopNetwork } from './shop-network.ts';

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

const PART_OF = 'shop';

export function shop(size: ShopSize, now: number): KubeObject[] {
  const ns = size.namespace;
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
  ];
  return [...objects, ...shopNetwork(size, now), ...(size.autoscale ? productionGuards(ns, PART_OF) : [])];
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../core/cluster.ts';
import { DEPLOYMENTS, ENDPOINT_SLICES, ENDPOINTS, PODS, SERVICES } from './kinds.ts';
import { container, deployment, podsOf, startTestCluster, waitFor } from './testkit.ts';

const service = (name: string, selector?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default', labels: { tier: 'web' } },
  spec: { ...(selector ? { selector } : {}), ports: [{ name: 'web', port: 80, targetPort: 'http' }] },
});

const endpoints = (cluster: Cluster, name: string): any => cluster.store.get(ENDPOINTS, 'default', name);
const slices = (cluster: Cluster, name: string) =>
  cluster.store
    .list(ENDPOINT_SLICES, 'default')
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);

test('Endpoints and EndpointSlices list ready and unready pods with named target ports resolved', async (t) => {
  const { cluster, stop } = startTestCluster({
    runtime: { probe: (p) => ({ ready: p.metadata.labels?.track !== 'canary', live: true }) },
  });
  t.after(stop);
  const { store } = cluster;
  const podSpec = {
    containers: [
      container({
        ports: [{ name: 'http', containerPort: 8080 }],
        readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 1 },
      }),
    ],
  };
  store.create(SERVICES, service('web', { app: 'web' }));
  store.create(SERVICES, service('external'));
  store.create(DEPLOYMENTS, deployment('web', { replicas: 2, podSpec }));
  const canary = deployment('web-canary', { replicas: 1, podSpec });
  canary.spec.selector.matchLabels = { app: 'web', track: 'canary' };
  canary.spec.template.metadata.labels = { app: 'web', track: 'canary' };
  store.create(DEPLOYMENTS, canary);

  const ep = await waitFor('2 ready, 1 not ready', () => {
    const e = endpoints(cluster, 'web');
    return e?.subsets?.[0]?.addresses?.length === 2 && e.subsets[0].notReadyAddresses?.length === 1 && e;
  });
  assert.deepEqual(ep.subsets[0].ports, [{ name: 'web', port: 8080, protocol: 'TCP' }]);
  assert.equal(ep.metadata.labels?.tier, 'web');
  const address = ep.subsets[0].addresses[0];
  assert.equal(address.targetRef.kind, 'Pod');
  assert.ok(address.nodeName && /^10\.244\./.test(address.ip));
  assert.equal(endpoints(cluster, 'external'), undefined);

  const [slice] = slices(cluster, 'web');
  assert.match(slice.metadata.name, /^web-\w{5}$/);
  assert.equal(slice.addressType, 'IPv4');
  assert.equal(
    slice.metadata.labels?.['endpointslice.kubernetes.io/managed-by'],
    'endpointslice-controller.k8s.io',
  );
  assert.equal((slice.endpoints as any[]).filter((e) => e.conditions.ready).length, 2);
  assert.deepEqual(slice.ports, [{ name: 'web', port: 8080, protocol: 'TCP' }]);

  const gone = podsOf(cluster, 'web-canary')[0];
  store.delete(DEPLOYMENTS, 'default', 'web-canary');
  await waitFor(
    'canary pod gone from endpoints',
    () =>
      !endpoints(cluster, 'web')?.subsets?.[0]?.notReadyAddresses &&
      !store.get(PODS, 'default', gone.metadata.name),
  );
  store.delete(SERVICES, 'default', 'web');
  await waitFor(
    'endpoints and slices removed',
    () => !endpoints(cluster, 'web') && slices(cluster, 'web').length === 0,
  );
});

test('a frozen Endpoints object from a snapshot is left as it is', async (t) => {
  const { cluster, stop } = startTestCluster({
    seed: ({ store }) => {
      store.create(SERVICES, service('api', { app: 'api' }));
      const frozen = store.create(ENDPOINTS, {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: 'api', namespace: 'default' },
        subsets: [
          { addresses: [{ ip: '10.244.9.9' }], ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] },
        ],
      });
      store.freeze(frozen);
    },
  });
  t.after(stop);
  const { store } = cluster;
  const before = store.mustGet(ENDPOINTS, 'default', 'api').metadata.resourceVersion;
  store.create(
    DEPLOYMENTS,
    deployment('api', {
      replicas: 1,
      podSpec: { containers: [container({ ports: [{ name: 'http', containerPort: 8080 }] })] },
    }),
  );
  await waitFor('pod running', () => podsOf(cluster, 'api')[0]?.status?.phase === 'Running');
  await waitFor('a few seconds pass', () => slices(cluster, 'api').length === 1);
  assert.equal(store.mustGet(ENDPOINTS, 'default', 'api').metadata.resourceVersion, before);
  assert.equal((store.mustGet(ENDPOINTS, 'default', 'api').subsets as any)[0].addresses[0].ip, '10.244.9.9');
});

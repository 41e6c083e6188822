import fc from 'fast-check';

/** fast-check generators for fuzz.test.ts: requests a client could send, and object bodies for each kind. */
const SEGMENTS = [
  'api',
  'apis',
  'v1',
  'v2',
  'apps',
  'autoscaling',
  'namespaces',
  'default',
  'pods',
  'deployments',
  'services',
  'nodes',
  'events',
  'horizontalpodautoscalers',
  'persistentvolumeclaims',
  'x',
  'status',
  'scale',
  'log',
  'eviction',
  'binding',
  'watch',
  'metrics.k8s.io',
  'v1beta1',
  'authorization.k8s.io',
  'selfsubjectaccessreviews',
  'openapi',
  'v3',
  'version',
  'healthz',
  '..',
  '%zz',
  '%2F',
  '',
];

const QUERY_KEYS = [
  'watch',
  'labelSelector',
  'fieldSelector',
  'limit',
  'continue',
  'resourceVersion',
  'timeoutSeconds',
  'container',
  'tailLines',
  'sinceSeconds',
  'sinceTime',
  'previous',
  'follow',
  'limitBytes',
  'dryRun',
  'propagationPolicy',
  'gracePeriodSeconds',
  'includeObject',
  'sendInitialEvents',
];

const CONTENT_TYPES = [
  'application/json',
  'application/yaml',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/json-patch+json',
  'application/apply-patch+yaml',
  'application/vnd.kubernetes.protobuf',
  'text/plain',
];

const ACCEPTS = [
  'application/json',
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
  'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io',
  'application/vnd.kubernetes.protobuf,application/json',
  'text/html',
];

const value = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer().map(String),
  fc.constantFrom(
    'true',
    '1',
    '0',
    '-1',
    'All',
    'Orphan',
    'app=x',
    'metadata.name=x',
    '99999999999999999999',
  ),
);

const ENDPOINTS = [
  '/api/v1/namespaces',
  '/api/v1/namespaces/default',
  '/api/v1/namespaces/default/status',
  '/api/v1/nodes',
  '/api/v1/pods',
  '/api/v1/namespaces/default/pods',
  '/api/v1/namespaces/default/pods/x',
  '/api/v1/namespaces/default/pods/x/status',
  '/api/v1/namespaces/default/pods/x/log',
  '/api/v1/namespaces/default/pods/x/eviction',
  '/api/v1/namespaces/default/pods/x/binding',
  '/api/v1/namespaces/default/services',
  '/api/v1/namespaces/default/services/x',
  '/api/v1/namespaces/default/configmaps',
  '/api/v1/namespaces/default/events',
  '/api/v1/namespaces/default/persistentvolumeclaims/x',
  '/api/v1/watch/namespaces/default/pods',
  '/apis/apps/v1/namespaces/default/deployments',
  '/apis/apps/v1/namespaces/default/deployments/x',
  '/apis/apps/v1/namespaces/default/deployments/x/scale',
  '/apis/apps/v1/namespaces/default/deployments/x/status',
  '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers',
  '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/x',
  '/apis/policy/v1/namespaces/default/poddisruptionbudgets',
  '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods',
  '/apis/metrics.k8s.io/v1beta1/nodes/x',
  '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
];

const randomPath = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SEGMENTS) }, fc.string({ maxLength: 8 })), {
    maxLength: 8,
  })
  .map((segments) => `/${segments.map((s) => s.replace(/[?#]/g, '')).join('/')}`);

const path = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ENDPOINTS) },
  { weight: 1, arbitrary: randomPath },
);

const query = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), value), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''));

const kubeObject = fc.record({
  apiVersion: fc.constantFrom('v1', 'apps/v1', 'autoscaling/v1', 'policy/v1', 'x'),
  kind: fc.constantFrom(
    'Pod',
    'Deployment',
    'Service',
    'Scale',
    'Eviction',
    'Binding',
    'ConfigMap',
    'Namespace',
  ),
  metadata: fc.oneof(
    fc.record(
      {
        name: fc.oneof(fc.constant('x'), fc.string({ maxLength: 10 })),
        namespace: fc.constantFrom('default', 'y'),
      },
      { requiredKeys: [] },
    ),
    fc.jsonValue(),
  ),
  spec: fc.jsonValue(),
  status: fc.jsonValue(),
  data: fc.jsonValue(),
});

const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 40 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  kubeObject.map((o) => JSON.stringify(o)),
  fc.constantFrom(
    '{"spec":{"replicas":3}}',
    '[{"op":"replace","path":"/spec/replicas","value":"x"}]',
    '{',
    'null',
    '[]',
  ),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.concat([Buffer.from('k8s\0'), Buffer.from(bytes)])),
);

export const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND'),
  path,
  query,
  contentType: fc.option(fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.string({ maxLength: 20 }))),
  accept: fc.option(fc.constantFrom(...ACCEPTS)),
  body,
});

const TYPED = [
  { path: '/api/v1/namespaces/default/pods', apiVersion: 'v1', kind: 'Pod' },
  { path: '/apis/apps/v1/namespaces/default/deployments', apiVersion: 'apps/v1', kind: 'Deployment' },
  { path: '/apis/apps/v1/namespaces/default/statefulsets', apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { path: '/apis/batch/v1/namespaces/default/jobs', apiVersion: 'batch/v1', kind: 'Job' },
  { path: '/apis/batch/v1/namespaces/default/cronjobs', apiVersion: 'batch/v1', kind: 'CronJob' },
  { path: '/api/v1/namespaces/default/services', apiVersion: 'v1', kind: 'Service' },
  {
    path: '/api/v1/namespaces/default/persistentvolumeclaims',
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
  },
  { path: '/api/v1/namespaces/default/events', apiVersion: 'v1', kind: 'Event' },
  { path: '/api/v1/nodes', apiVersion: 'v1', kind: 'Node' },
  {
    path: '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers',
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
  },
  {
    path: '/apis/policy/v1/namespaces/default/poddisruptionbudgets',
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
  },
  {
    path: '/apis/networking.k8s.io/v1/namespaces/default/ingresses',
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
  },
];

/** Mostly well-typed values with odd contents, sometimes anything at all. */
const often = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: fc.jsonValue() });
const quantity = fc.oneof(fc.constantFrom('1', '250m', '1.5Gi', '0', '1e3', '64Mi'), fc.nat());
const resources = fc.record(
  {
    limits: fc.dictionary(fc.constantFrom('cpu', 'memory', 'x'), quantity),
    requests: fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity),
  },
  { requiredKeys: [] },
);
const container = fc.record(
  {
    name: often(fc.constant('c')),
    image: often(fc.constant('nginx:1')),
    resources: often(resources),
    ports: often(
      fc.array(
        fc.record(
          { containerPort: fc.integer({ min: -1, max: 70000 }), name: fc.string() },
          { requiredKeys: [] },
        ),
      ),
    ),
  },
  { requiredKeys: [] },
);
const containerState = fc.constantFrom(
  { running: { startedAt: '2024-01-01T00:00:00Z' } },
  { running: {} },
  { waiting: { reason: 'CrashLoopBackOff' } },
  { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: 'garbage' } },
  {},
);
const status = fc.record(
  {
    phase: often(fc.constantFrom('Running', 'Pending', 'Failed', 'Bound', '')),
    conditions: often(
      fc.array(
        fc.record(
          { type: fc.string(), status: fc.constantFrom('True', 'False'), reason: fc.string() },
          { requiredKeys: [] },
        ),
      ),
    ),
    containerStatuses: often(
      fc.array(
        fc.record(
          {
            name: fc.constant('c'),
            ready: fc.boolean(),
            restartCount: fc.nat(),
            state: often(containerState),
            lastState: often(containerState),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
    replicas: often(fc.nat()),
    readyReplicas: often(fc.nat()),
    capacity: often(fc.dictionary(fc.constantFrom('cpu', 'storage'), quantity)),
    loadBalancer: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const podSpec = fc.record(
  {
    containers: often(fc.array(container, { minLength: 1, maxLength: 2 })),
    restartPolicy: often(fc.constantFrom('Always', 'Never', 'OnFailure')),
    nodeName: often(fc.constantFrom('n1', '')),
  },
  { requiredKeys: [] },
);
const loosely = fc.record(
  {
    replicas: often(fc.integer({ min: -1, max: 5 })),
    selector: often(fc.constant({ matchLabels: { app: 'a' } })),
    template: often(fc.record({ metadata: fc.constant({ labels: { app: 'a' } }), spec: podSpec })),
    containers: often(fc.array(container, { minLength: 1, maxLength: 2 })),
    ports: often(
      fc.array(
        fc.record(
          {
            port: fc.integer({ min: -1, max: 70000 }),
            targetPort: fc.oneof(fc.nat(), fc.string()),
            name: fc.string(),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 2 },
      ),
    ),
    type: often(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Bogus')),
    schedule: often(fc.constantFrom('*/5 * * * *', 'nonsense')),
    minAvailable: often(fc.oneof(fc.nat(5), fc.constantFrom('50%', 'x%'))),
    rules: often(
      fc.array(fc.record({ host: fc.string(), http: fc.jsonValue() }, { requiredKeys: [] }), {
        maxLength: 2,
      }),
    ),
    scaleTargetRef: often(fc.record({ kind: fc.constant('Deployment'), name: fc.constant('x') })),
    maxReplicas: often(fc.integer({ min: 0, max: 10 })),
    accessModes: often(fc.constant(['ReadWriteOnce'])),
    resources: often(fc.record({ requests: fc.record({ storage: quantity }) })),
    jobTemplate: often(fc.record({ spec: fc.record({ template: fc.record({ spec: podSpec }) }) })),
  },
  { requiredKeys: [] },
);

export const typedWrite = fc.record({
  target: fc.constantFrom(...TYPED),
  name: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/),
  spec: often(loosely),
  status: fc.option(often(status)),
  extra: fc.option(
    often(fc.record({ kind: fc.constant('Pod'), name: fc.string(), namespace: fc.constant('default') })),
  ),
});

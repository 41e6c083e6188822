/**
 * Where Kubernetes declares `patchStrategy: merge` (k8s.io/api struct tags), keyed by the path of
 * the list inside the object: `spec.template.spec.containers` and `spec.template.spec.containers[].env`.
 * A list with a `key` merges element-by-element on that field; one without merges as a set of
 * primitives. Every list not named here is replaced whole, as for a JSON merge patch.
 */
export interface ListMerge {
  key?: string;
}

export type StrategicSchema = ReadonlyMap<string, ListMerge>;

type Fields = Record<string, ListMerge>;

const OBJECT_META: Fields = { ownerReferences: { key: 'uid' }, finalizers: {} };

const CONTAINER: Fields = {
  ports: { key: 'containerPort' },
  env: { key: 'name' },
  volumeMounts: { key: 'mountPath' },
  volumeDevices: { key: 'devicePath' },
};

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

const POD_SPEC: Fields = {
  ...Object.fromEntries(CONTAINER_LISTS.map((list) => [list, { key: 'name' }])),
  volumes: { key: 'name' },
  imagePullSecrets: { key: 'name' },
  hostAliases: { key: 'ip' },
  topologySpreadConstraints: { key: 'topologyKey' },
  resourceClaims: { key: 'name' },
  schedulingGates: { key: 'name' },
};

const CONDITIONS: Fields = { conditions: { key: 'type' } };

const at = (prefix: string, fields: Fields): [string, ListMerge][] =>
  Object.entries(fields).map(([field, merge]) => [`${prefix}.${field}`, merge]);

const podSpec = (prefix: string): [string, ListMerge][] => [
  ...at(prefix, POD_SPEC),
  ...CONTAINER_LISTS.flatMap((list) => at(`${prefix}.${list}[]`, CONTAINER)),
];

const podTemplate = (prefix: string) => [
  ...at(`${prefix}.metadata`, OBJECT_META),
  ...podSpec(`${prefix}.spec`),
];

const templated = (prefix: string) => [...podTemplate(prefix), ...at('status', CONDITIONS)];

const KIND_PATHS: Record<string, [string, ListMerge][]> = {
  Pod: [
    ...podSpec('spec'),
    ...at('status', { ...CONDITIONS, podIPs: { key: 'ip' }, hostIPs: { key: 'ip' } }),
  ],
  PodTemplate: podTemplate('template'),
  Deployment: templated('spec.template'),
  ReplicaSet: templated('spec.template'),
  StatefulSet: templated('spec.template'),
  DaemonSet: templated('spec.template'),
  Job: templated('spec.template'),
  CronJob: [
    ...at('spec.jobTemplate.metadata', OBJECT_META),
    ...podTemplate('spec.jobTemplate.spec.template'),
  ],
  Service: [...at('spec', { ports: { key: 'port' } }), ...at('status', CONDITIONS)],
  Node: [...at('spec', { podCIDRs: {} }), ...at('status', { ...CONDITIONS, addresses: { key: 'type' } })],
  Namespace: at('status', CONDITIONS),
  PersistentVolumeClaim: at('status', CONDITIONS),
  HorizontalPodAutoscaler: at('status', CONDITIONS),
  PodDisruptionBudget: at('status', CONDITIONS),
  ServiceAccount: [['secrets', { key: 'name' }]],
};

const cache = new Map<string, StrategicSchema>();

/** The merge strategies for a kind; kinds Kubernetes gives no list strategies get only ObjectMeta's. */
export function strategicSchemaFor(kind: string): StrategicSchema {
  let schema = cache.get(kind);
  if (!schema) {
    schema = new Map([...at('metadata', OBJECT_META), ...(KIND_PATHS[kind] ?? [])]);
    cache.set(kind, schema);
  }
  return schema;
}

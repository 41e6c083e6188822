/**
 * Field types the real API server enforces while decoding, for the fields controllers, tables and
 * kubectl read: a body with `replicas: "3"` is a 400 there and must not reach the store here.
 */
export type Shape =
  | 'string'
  | 'int32'
  | 'int64'
  | 'boolean'
  | 'object'
  | 'stringMap'
  | 'stringArray'
  | 'objectArray'
  | 'intOrString'
  | 'quantityMap';

export type Rule = [path: string, shape: Shape];

const CONTAINER_FIELDS: Rule[] = [
  ['name', 'string'],
  ['image', 'string'],
  ['imagePullPolicy', 'string'],
  ['command', 'stringArray'],
  ['args', 'stringArray'],
  ['ports', 'objectArray'],
  ['ports[].containerPort', 'int32'],
  ['ports[].name', 'string'],
  ['ports[].protocol', 'string'],
  ['env', 'objectArray'],
  ['env[].name', 'string'],
  ['env[].value', 'string'],
  ['envFrom', 'objectArray'],
  ['resources', 'object'],
  ['resources.limits', 'quantityMap'],
  ['resources.requests', 'quantityMap'],
  ['livenessProbe', 'object'],
  ['readinessProbe', 'object'],
  ['startupProbe', 'object'],
  ['volumeMounts', 'objectArray'],
  ['volumeMounts[].name', 'string'],
  ['volumeMounts[].mountPath', 'string'],
];

const podSpec = (p: string): Rule[] => [
  [p, 'object'],
  [`${p}.containers`, 'objectArray'],
  [`${p}.initContainers`, 'objectArray'],
  ...CONTAINER_FIELDS.flatMap(([field, shape]): Rule[] => [
    [`${p}.containers[].${field}`, shape],
    [`${p}.initContainers[].${field}`, shape],
  ]),
  [`${p}.nodeName`, 'string'],
  [`${p}.nodeSelector`, 'stringMap'],
  [`${p}.tolerations`, 'objectArray'],
  [`${p}.volumes`, 'objectArray'],
  [`${p}.volumes[].name`, 'string'],
  [`${p}.restartPolicy`, 'string'],
  [`${p}.serviceAccountName`, 'string'],
  [`${p}.schedulerName`, 'string'],
  [`${p}.priorityClassName`, 'string'],
  [`${p}.terminationGracePeriodSeconds`, 'int64'],
  [`${p}.activeDeadlineSeconds`, 'int64'],
  [`${p}.affinity`, 'object'],
];

const selector = (p: string): Rule[] => [
  [p, 'object'],
  [`${p}.matchLabels`, 'stringMap'],
  [`${p}.matchExpressions`, 'objectArray'],
  [`${p}.matchExpressions[].key`, 'string'],
  [`${p}.matchExpressions[].operator`, 'string'],
  [`${p}.matchExpressions[].values`, 'stringArray'],
];

const template = (p: string): Rule[] => [
  [p, 'object'],
  [`${p}.metadata`, 'object'],
  [`${p}.metadata.labels`, 'stringMap'],
  [`${p}.metadata.annotations`, 'stringMap'],
  ...podSpec(`${p}.spec`),
];

const conditions: Rule[] = [
  ['status.conditions', 'objectArray'],
  ['status.conditions[].type', 'string'],
  ['status.conditions[].status', 'string'],
];

const workloadStatus: Rule[] = [
  'replicas',
  'readyReplicas',
  'availableReplicas',
  'updatedReplicas',
  'currentReplicas',
  'unavailableReplicas',
  'currentNumberScheduled',
  'desiredNumberScheduled',
  'numberReady',
  'numberAvailable',
  'updatedNumberScheduled',
].map((field): Rule => [`status.${field}`, 'int32']);

const workload: Rule[] = [
  ['spec.replicas', 'int32'],
  ['spec.minReadySeconds', 'int32'],
  ['spec.paused', 'boolean'],
  ...selector('spec.selector'),
  ...template('spec.template'),
  ...workloadStatus,
  ...conditions,
];

const containerStatuses = (p: string): Rule[] => [
  [p, 'objectArray'],
  [`${p}[].name`, 'string'],
  [`${p}[].ready`, 'boolean'],
  [`${p}[].restartCount`, 'int32'],
  [`${p}[].state`, 'object'],
  [`${p}[].lastState`, 'object'],
  [`${p}[].image`, 'string'],
];

export const RULES_BY_KIND: Record<string, Rule[]> = {
  Pod: [
    ...podSpec('spec'),
    ['status.phase', 'string'],
    ['status.podIP', 'string'],
    ['status.hostIP', 'string'],
    ['status.reason', 'string'],
    ['status.startTime', 'string'],
    ...containerStatuses('status.containerStatuses'),
    ...containerStatuses('status.initContainerStatuses'),
    ...conditions,
  ],
  Deployment: workload,
  ReplicaSet: workload,
  StatefulSet: [...workload, ['spec.serviceName', 'string'], ['spec.volumeClaimTemplates', 'objectArray']],
  DaemonSet: workload,
  Job: [
    ['spec.completions', 'int32'],
    ['spec.parallelism', 'int32'],
    ['spec.backoffLimit', 'int32'],
    ['spec.suspend', 'boolean'],
    ...selector('spec.selector'),
    ...template('spec.template'),
    ['status.active', 'int32'],
    ['status.succeeded', 'int32'],
    ['status.failed', 'int32'],
    ...conditions,
  ],
  CronJob: [
    ['spec.schedule', 'string'],
    ['spec.suspend', 'boolean'],
    ['spec.jobTemplate', 'object'],
    ['spec.jobTemplate.spec', 'object'],
    ...template('spec.jobTemplate.spec.template'),
    ['status.active', 'objectArray'],
  ],
  Service: [
    ['spec.type', 'string'],
    ['spec.clusterIP', 'string'],
    ['spec.clusterIPs', 'stringArray'],
    ['spec.selector', 'stringMap'],
    ['spec.ports', 'objectArray'],
    ['spec.ports[].port', 'int32'],
    ['spec.ports[].nodePort', 'int32'],
    ['spec.ports[].name', 'string'],
    ['spec.ports[].protocol', 'string'],
    ['spec.ports[].targetPort', 'intOrString'],
    ['spec.externalName', 'string'],
  ],
  Endpoints: [['subsets', 'objectArray']],
  EndpointSlice: [
    ['endpoints', 'objectArray'],
    ['ports', 'objectArray'],
  ],
  ConfigMap: [
    ['data', 'stringMap'],
    ['binaryData', 'stringMap'],
    ['immutable', 'boolean'],
  ],
  Secret: [
    ['data', 'stringMap'],
    ['stringData', 'stringMap'],
    ['type', 'string'],
    ['immutable', 'boolean'],
  ],
  Namespace: [
    ['spec.finalizers', 'stringArray'],
    ['status.phase', 'string'],
  ],
  Node: [
    ['spec.unschedulable', 'boolean'],
    ['spec.taints', 'objectArray'],
    ['spec.taints[].key', 'string'],
    ['spec.taints[].effect', 'string'],
    ['spec.podCIDR', 'string'],
    ['status.capacity', 'quantityMap'],
    ['status.allocatable', 'quantityMap'],
    ['status.addresses', 'objectArray'],
    ['status.nodeInfo', 'object'],
    ...conditions,
  ],
  PersistentVolumeClaim: [
    ['spec.accessModes', 'stringArray'],
    ['spec.storageClassName', 'string'],
    ['spec.volumeName', 'string'],
    ['spec.resources', 'object'],
    ['spec.resources.requests', 'quantityMap'],
    ['spec.resources.limits', 'quantityMap'],
    ['status.phase', 'string'],
    ['status.capacity', 'quantityMap'],
  ],
  PersistentVolume: [
    ['spec.capacity', 'quantityMap'],
    ['spec.accessModes', 'stringArray'],
    ['spec.claimRef', 'object'],
    ['status.phase', 'string'],
  ],
  ResourceQuota: [
    ['spec.hard', 'quantityMap'],
    ['status.hard', 'quantityMap'],
    ['status.used', 'quantityMap'],
  ],
  Event: [
    ['involvedObject', 'object'],
    ['involvedObject.kind', 'string'],
    ['involvedObject.name', 'string'],
    ['involvedObject.namespace', 'string'],
    ['reason', 'string'],
    ['message', 'string'],
    ['type', 'string'],
    ['count', 'int32'],
    ['source', 'object'],
  ],
  HorizontalPodAutoscaler: [
    ['spec.minReplicas', 'int32'],
    ['spec.maxReplicas', 'int32'],
    ['spec.scaleTargetRef', 'object'],
    ['spec.scaleTargetRef.name', 'string'],
    ['spec.scaleTargetRef.kind', 'string'],
    ['spec.metrics', 'objectArray'],
    ['spec.targetCPUUtilizationPercentage', 'int32'],
    ['status.currentReplicas', 'int32'],
    ['status.desiredReplicas', 'int32'],
  ],
  PodDisruptionBudget: [
    ['spec.minAvailable', 'intOrString'],
    ['spec.maxUnavailable', 'intOrString'],
    ...selector('spec.selector'),
  ],
  Ingress: [
    ['spec.ingressClassName', 'string'],
    ['spec.rules', 'objectArray'],
    ['spec.rules[].host', 'string'],
    ['spec.tls', 'objectArray'],
  ],
  StorageClass: [
    ['provisioner', 'string'],
    ['allowVolumeExpansion', 'boolean'],
  ],
};

export const META_RULES: Rule[] = [
  ['metadata', 'object'],
  ['metadata.name', 'string'],
  ['metadata.generateName', 'string'],
  ['metadata.namespace', 'string'],
  ['metadata.uid', 'string'],
  ['metadata.resourceVersion', 'string'],
  ['metadata.creationTimestamp', 'string'],
  ['metadata.deletionTimestamp', 'string'],
  ['metadata.deletionGracePeriodSeconds', 'int64'],
  ['metadata.generation', 'int64'],
  ['metadata.labels', 'stringMap'],
  ['metadata.annotations', 'stringMap'],
  ['metadata.finalizers', 'stringArray'],
  ['metadata.ownerReferences', 'objectArray'],
  ['metadata.ownerReferences[].apiVersion', 'string'],
  ['metadata.ownerReferences[].kind', 'string'],
  ['metadata.ownerReferences[].name', 'string'],
  ['metadata.ownerReferences[].uid', 'string'],
  ['metadata.ownerReferences[].controller', 'boolean'],
  ['spec', 'object'],
  ['status', 'object'],
];

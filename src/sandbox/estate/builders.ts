import type { KubeObject } from '../core/types.ts';

/** Small constructors for the estate's objects, so each estate file reads like a manifest. */

export interface ContainerOptions {
  name: string;
  image: string;
  ports: { name: string; containerPort: number; protocol?: string }[];
  requests: { cpu: string; memory: string };
  limits: { cpu?: string; memory: string };
  env?: Record<string, unknown>[];
  envFrom?: Record<string, unknown>[];
  args?: string[];
  readinessProbe?: Record<string, unknown>;
  livenessProbe?: Record<string, unknown>;
  volumeMounts?: Record<string, unknown>[];
}

export interface WorkloadOptions {
  namespace: string;
  name: string;
  replicas: number;
  container: ContainerOptions;
  /** Pod template annotations: dependencies, capacity, profile. */
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  volumes?: Record<string, unknown>[];
  serviceAccountName?: string;
  partOf?: string;
}

export const labelsFor = (name: string, partOf?: string, extra: Record<string, string> = {}) => ({
  app: name,
  'app.kubernetes.io/name': name,
  ...(partOf ? { 'app.kubernetes.io/part-of': partOf } : {}),
  ...extra,
});

export const httpProbe = (
  path: string,
  port: string | number,
  delay: number,
  period: number,
  failures = 3,
) => ({
  httpGet: { path, port, scheme: 'HTTP' },
  initialDelaySeconds: delay,
  periodSeconds: period,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: failures,
});

export const execProbe = (command: string[], delay: number, period: number, failures = 3) => ({
  exec: { command },
  initialDelaySeconds: delay,
  periodSeconds: period,
  timeoutSeconds: 5,
  successThreshold: 1,
  failureThreshold: failures,
});

const container = (c: ContainerOptions) => ({
  name: c.name,
  image: c.image,
  imagePullPolicy: 'IfNotPresent',
  ...(c.args ? { args: c.args } : {}),
  ports: c.ports.map((p) => ({ protocol: 'TCP', ...p })),
  ...(c.env ? { env: c.env } : {}),
  ...(c.envFrom ? { envFrom: c.envFrom } : {}),
  resources: { requests: c.requests, limits: c.limits },
  ...(c.readinessProbe ? { readinessProbe: c.readinessProbe } : {}),
  ...(c.livenessProbe ? { livenessProbe: c.livenessProbe } : {}),
  ...(c.volumeMounts ? { volumeMounts: c.volumeMounts } : {}),
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
});

function template(o: WorkloadOptions) {
  return {
    metadata: {
      labels: labelsFor(o.name, o.partOf, o.labels),
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    spec: {
      ...(o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {}),
      containers: [container(o.container)],
      ...(o.volumes ? { volumes: o.volumes } : {}),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
    },
  };
}

export function deployment(o: WorkloadOptions, extra: { changeCause?: string } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: o.name,
      namespace: o.namespace,
      labels: labelsFor(o.name, o.partOf, o.labels),
      ...(extra.changeCause ? { annotations: { 'kubernetes.io/change-cause': extra.changeCause } } : {}),
    },
    spec: {
      replicas: o.replicas,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: { app: o.name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: template(o),
    },
  };
}

export function statefulSet(
  o: WorkloadOptions & {
    serviceName: string;
    claims: { name: string; storage: string; storageClassName: string }[];
  },
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: o.name, namespace: o.namespace, labels: labelsFor(o.name, o.partOf, o.labels) },
    spec: {
      replicas: o.replicas,
      serviceName: o.serviceName,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      selector: { matchLabels: { app: o.name } },
      template: template(o),
      volumeClaimTemplates: o.claims.map((c) => ({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: c.name },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: c.storageClassName,
          resources: { requests: { storage: c.storage } },
          volumeMode: 'Filesystem',
        },
      })),
    },
  };
}

export function daemonSet(
  o: Omit<WorkloadOptions, 'replicas'> & { tolerateEverything?: boolean },
): KubeObject {
  const t = template({ ...o, replicas: 0 });
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: o.name, namespace: o.namespace, labels: labelsFor(o.name, o.partOf, o.labels) },
    spec: {
      selector: { matchLabels: { app: o.name } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      template: {
        ...t,
        spec: {
          ...t.spec,
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          ...(o.tolerateEverything ? { tolerations: [{ operator: 'Exists' }] } : {}),
        },
      },
    },
  };
}

export function service(o: {
  namespace: string;
  name: string;
  selector: Record<string, string>;
  clusterIP: string;
  ports: { name: string; port: number; targetPort: string | number; protocol?: string }[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: o.name,
      namespace: o.namespace,
      labels: o.labels ?? labelsFor(o.name),
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: o.clusterIP,
      clusterIPs: [o.clusterIP],
      selector: o.selector,
      ports: o.ports.map((p) => ({ protocol: 'TCP', ...p })),
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
  };
}

export const configMap = (namespace: string, name: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data,
});

export const secret = (
  namespace: string,
  name: string,
  values: Record<string, string>,
  type = 'Opaque',
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace },
  type,
  data: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
});

export const namespace = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
});

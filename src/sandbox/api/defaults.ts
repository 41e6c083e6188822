import { randomUUID } from 'node:crypto';
import type { Cluster } from '../core/cluster.ts';
import { type ResourceType, rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { isRecord } from './decode.ts';
import { defaultPod, defaultPodTemplate } from './defaults-pod.ts';
import { defaultService } from './defaults-service.ts';

type Obj = Record<string, any>;
type Defaulter = (cluster: Cluster, obj: KubeObject) => void;

/** The object's spec when it is an object; defaulters leave malformed objects alone. */
const specOf = (obj: KubeObject): Obj | undefined => (isRecord(obj.spec) ? obj.spec : undefined);

const withSpec =
  (fill: (spec: Obj, obj: KubeObject, cluster: Cluster) => void): Defaulter =>
  (cluster, obj) => {
    const spec = specOf(obj);
    if (spec) fill(spec, obj, cluster);
  };

const objectField = (parent: Obj, key: string): Obj => {
  if (!isRecord(parent[key])) parent[key] = {};
  return parent[key];
};

const statusOf = (obj: KubeObject): Obj => {
  if (!isRecord(obj.status)) obj.status = {};
  return obj.status;
};

const deployment = withSpec((spec) => {
  spec.replicas ??= 1;
  const strategy = objectField(spec, 'strategy');
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = objectField(strategy, 'rollingUpdate');
    rolling.maxUnavailable ??= '25%';
    rolling.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplate(spec.template);
});

const replicaSet = withSpec((spec) => {
  spec.replicas ??= 1;
  defaultPodTemplate(spec.template);
});

const statefulSet = withSpec((spec) => {
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  const strategy = objectField(spec, 'updateStrategy');
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') objectField(strategy, 'rollingUpdate').partition ??= 0;
  spec.revisionHistoryLimit ??= 10;
  const retention = objectField(spec, 'persistentVolumeClaimRetentionPolicy');
  retention.whenDeleted ??= 'Retain';
  retention.whenScaled ??= 'Retain';
  for (const claim of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) {
    if (!isRecord(claim)) continue;
    claim.apiVersion ??= 'v1';
    claim.kind ??= 'PersistentVolumeClaim';
    if (isRecord(claim.spec)) claim.spec.volumeMode ??= 'Filesystem';
  }
  defaultPodTemplate(spec.template);
});

const daemonSet = withSpec((spec) => {
  const strategy = objectField(spec, 'updateStrategy');
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = objectField(strategy, 'rollingUpdate');
    rolling.maxUnavailable ??= 1;
    rolling.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(spec.template);
});

function defaultJobSpec(spec: Obj): void {
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultPodTemplate(spec.template);
}

/** Jobs get a selector on their own uid, and matching template labels, unless the user manages it. */
const job = withSpec((spec, obj) => {
  defaultJobSpec(spec);
  if (spec.manualSelector === true || spec.selector !== undefined || !isRecord(spec.template)) return;
  obj.metadata.uid ??= randomUUID();
  const uid = obj.metadata.uid;
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  const metadata = objectField(spec.template, 'metadata');
  metadata.labels = {
    ...(isRecord(metadata.labels) ? metadata.labels : {}),
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': obj.metadata.name,
    'controller-uid': uid,
    'job-name': obj.metadata.name,
  };
});

const cronJob = withSpec((spec) => {
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  if (isRecord(spec.jobTemplate) && isRecord(spec.jobTemplate.spec)) {
    const jobSpec = spec.jobTemplate.spec;
    jobSpec.backoffLimit ??= 6;
    jobSpec.completionMode ??= 'NonIndexed';
    jobSpec.suspend ??= false;
    defaultPodTemplate(jobSpec.template);
  }
});

const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

const persistentVolumeClaim: Defaulter = (cluster, pvc) => {
  const spec = specOf(pvc);
  if (spec) {
    spec.volumeMode ??= 'Filesystem';
    if (spec.storageClassName === undefined) {
      const defaultClass = cluster.store
        .list(rt('StorageClass'))
        .find((sc) => DEFAULT_CLASS_ANNOTATIONS.some((a) => sc.metadata.annotations?.[a] === 'true'));
      if (defaultClass) spec.storageClassName = defaultClass.metadata.name;
    }
  }
  statusOf(pvc).phase ??= 'Pending';
};

const persistentVolume: Defaulter = (_cluster, pv) => {
  const spec = specOf(pv);
  if (spec) {
    spec.persistentVolumeReclaimPolicy ??= 'Retain';
    spec.volumeMode ??= 'Filesystem';
  }
  statusOf(pv).phase ??= 'Pending';
};

const namespace: Defaulter = (_cluster, ns) => {
  if (typeof ns.metadata.name === 'string' && ns.metadata.name) {
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
  }
  if (!isRecord(ns.spec)) ns.spec = {};
  const spec = ns.spec as Obj;
  spec.finalizers ??= ['kubernetes'];
  statusOf(ns).phase ??= 'Active';
};

const node: Defaulter = (_cluster, n) => {
  if (!isRecord(n.spec)) n.spec = {};
  if (isRecord(n.status) && isRecord(n.status.capacity)) n.status.allocatable ??= { ...n.status.capacity };
};

const DEFAULTERS: Record<string, Defaulter> = {
  '/Pod': (_cluster, pod) => defaultPod(pod),
  '/Service': defaultService,
  '/Namespace': namespace,
  '/Node': node,
  '/PersistentVolumeClaim': persistentVolumeClaim,
  '/PersistentVolume': persistentVolume,
  '/Secret': (_cluster, secret) => {
    secret.type ??= 'Opaque';
  },
  'apps/Deployment': deployment,
  'apps/ReplicaSet': replicaSet,
  'apps/StatefulSet': statefulSet,
  'apps/DaemonSet': daemonSet,
  'batch/Job': job,
  'batch/CronJob': cronJob,
  'autoscaling/HorizontalPodAutoscaler': withSpec((spec, hpa) => {
    spec.minReplicas ??= 1;
    // autoscaling/v2 scales on 80% CPU when no metric is given
    const noMetrics = !Array.isArray(spec.metrics) || spec.metrics.length === 0;
    if (hpa.apiVersion === 'autoscaling/v2' && noMetrics) {
      spec.metrics = [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
        },
      ];
    }
  }),
  'storage.k8s.io/StorageClass': (_cluster, sc) => {
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  'networking.k8s.io/NetworkPolicy': withSpec((spec) => {
    spec.policyTypes ??= spec.egress !== undefined ? ['Ingress', 'Egress'] : ['Ingress'];
  }),
};

/**
 * Fills in what the real API server defaults (and its default admission plugins add) before an
 * object is stored: what `kubectl describe`/`get -o yaml` show and controllers rely on.
 * Mutates `obj`, which must be a private copy.
 */
export function applyDefaults(cluster: Cluster, type: ResourceType, obj: KubeObject): void {
  if (!isRecord(obj.metadata)) return;
  DEFAULTERS[`${type.group}/${type.kind}`]?.(cluster, obj);
}

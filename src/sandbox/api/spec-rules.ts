import { parseQuantity } from '../../kube/quantity.ts';
import { matchesSelector } from '../../kube/selectors.ts';
import type { Cluster } from '../core/cluster.ts';
import type { StatusCause } from '../core/errors.ts';
import { type ResourceType, rt as typeOf } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { invalidValue, LABEL_MESSAGE, required, unsupported } from './causes.ts';
import { isRecord } from './decode.ts';

type Obj = Record<string, any>;
type Rules = (obj: KubeObject, cluster: Cluster, old?: KubeObject) => StatusCause[];

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ALWAYS = ['Always'];
const JOB_RESTART = ['OnFailure', 'Never'];

const records = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const specOf = (obj: KubeObject): Obj => (isRecord(obj.spec) ? obj.spec : {});

const portCause = (field: string, port: unknown): StatusCause[] =>
  typeof port === 'number' && (port < 1 || port > 65535)
    ? [invalidValue(field, port, 'must be between 1 and 65535, inclusive')]
    : [];

const nonNegative = (field: string, value: unknown): StatusCause[] =>
  typeof value === 'number' && value < 0
    ? [invalidValue(field, value, 'must be greater than or equal to 0')]
    : [];

function containerCauses(c: Obj, field: string, seen: Set<string>): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!c.name) causes.push(required(`${field}.name`));
  else if (!LABEL.test(c.name)) causes.push(invalidValue(`${field}.name`, c.name, LABEL_MESSAGE));
  else if (seen.has(c.name)) {
    causes.push({
      reason: 'FieldValueDuplicate',
      message: `Duplicate value: "${c.name}"`,
      field: `${field}.name`,
    });
  }
  seen.add(c.name);
  if (!c.image) causes.push(required(`${field}.image`));
  causes.push(
    ...records(c.ports).flatMap((p, i) => portCause(`${field}.ports[${i}].containerPort`, p.containerPort)),
  );
  const requests: Obj = isRecord(c.resources?.requests) ? c.resources.requests : {};
  const limits: Obj = isRecord(c.resources?.limits) ? c.resources.limits : {};
  for (const [resource, request] of Object.entries(requests)) {
    const limit = limits[resource];
    if (limit === undefined) continue;
    if ((parseQuantity(request) ?? 0) > (parseQuantity(limit) ?? 0)) {
      causes.push(
        invalidValue(
          `${field}.resources.requests`,
          String(request),
          `must be less than or equal to ${resource} limit of ${limit}`,
        ),
      );
    }
  }
  return causes;
}

function podSpecCauses(spec: unknown, path: string, restartPolicies: string[]): StatusCause[] {
  if (!isRecord(spec)) return [required(`${path}.containers`)];
  const causes: StatusCause[] = [];
  const containers = records(spec.containers);
  if (!containers.length) causes.push(required(`${path}.containers`));
  const seen = new Set<string>();
  causes.push(...containers.flatMap((c, i) => containerCauses(c, `${path}.containers[${i}]`, seen)));
  const init = records(spec.initContainers);
  causes.push(...init.flatMap((c, i) => containerCauses(c, `${path}.initContainers[${i}]`, seen)));
  if (spec.restartPolicy !== undefined && !restartPolicies.includes(spec.restartPolicy as string)) {
    causes.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, restartPolicies));
  }
  return causes;
}

const isEmptySelector = (selector: Obj) =>
  Object.keys(isRecord(selector.matchLabels) ? selector.matchLabels : {}).length === 0 &&
  records(selector.matchExpressions).length === 0;

function templateCauses(spec: Obj, what: string, restartPolicies: string[]): StatusCause[] {
  const causes: StatusCause[] = [];
  const template: Obj = isRecord(spec.template) ? spec.template : {};
  const labels = isRecord(template.metadata?.labels) ? template.metadata.labels : {};
  if (!isRecord(spec.selector)) causes.push(required('spec.selector'));
  else if (isEmptySelector(spec.selector)) {
    causes.push(invalidValue('spec.selector', spec.selector, `empty selector is invalid for ${what}`));
  } else if (!matchesSelector(spec.selector, labels)) {
    causes.push(
      invalidValue('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'),
    );
  }
  return [...causes, ...podSpecCauses(template.spec, 'spec.template.spec', restartPolicies)];
}

const workload =
  (what: string): Rules =>
  (obj) => {
    const spec = specOf(obj);
    return [...nonNegative('spec.replicas', spec.replicas), ...templateCauses(spec, what, ALWAYS)];
  };

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

const service: Rules = (obj, cluster, old) => {
  const spec = specOf(obj);
  const causes: StatusCause[] = [];
  if (!SERVICE_TYPES.includes(spec.type)) return [unsupported('spec.type', spec.type, SERVICE_TYPES)];
  if (spec.type === 'ExternalName') return spec.externalName ? [] : [required('spec.externalName')];
  const ports = records(spec.ports);
  if (!ports.length && spec.clusterIP !== 'None') causes.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    causes.push(...portCause(`spec.ports[${i}].port`, p.port));
    if (p.port === undefined) causes.push(required(`spec.ports[${i}].port`));
    if (ports.length > 1 && !p.name) causes.push(required(`spec.ports[${i}].name`));
    if (p.name && names.has(p.name)) {
      causes.push({
        reason: 'FieldValueDuplicate',
        message: `Duplicate value: "${p.name}"`,
        field: `spec.ports[${i}].name`,
      });
    }
    names.add(p.name);
  });
  if (!old && spec.clusterIP && spec.clusterIP !== 'None') {
    const taken = cluster.store
      .list(typeOf('Service'))
      .some((s) => s.spec?.clusterIP === spec.clusterIP && s.metadata.uid !== obj.metadata.uid);
    if (taken) {
      causes.push(
        invalidValue(
          'spec.clusterIPs',
          [spec.clusterIP],
          `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
        ),
      );
    }
  }
  return causes;
};

const RULES: Record<string, Rules> = {
  Pod: (obj) => podSpecCauses(obj.spec, 'spec', ['Always', 'OnFailure', 'Never']),
  Deployment: workload('deployment'),
  ReplicaSet: workload('replicaset'),
  StatefulSet: workload('statefulset'),
  DaemonSet: (obj) => templateCauses(specOf(obj), 'daemonset', ALWAYS),
  Job: (obj) => {
    const spec = specOf(obj);
    return [
      ...nonNegative('spec.parallelism', spec.parallelism),
      ...nonNegative('spec.completions', spec.completions),
      ...nonNegative('spec.backoffLimit', spec.backoffLimit),
      ...templateCauses(spec, 'job', JOB_RESTART),
    ];
  },
  CronJob: (obj) => {
    const spec = specOf(obj);
    const causes: StatusCause[] = spec.schedule ? [] : [required('spec.schedule')];
    const template = spec.jobTemplate?.spec?.template;
    return [...causes, ...podSpecCauses(template?.spec, 'spec.jobTemplate.spec.template.spec', JOB_RESTART)];
  },
  Service: service,
  PersistentVolumeClaim: (obj, _cluster, old) => {
    if (old) return [];
    const spec = specOf(obj);
    const causes: StatusCause[] = [];
    if (!Array.isArray(spec.accessModes) || !spec.accessModes.length) {
      causes.push(required('spec.accessModes', 'at least 1 access mode is required'));
    }
    if (spec.resources?.requests?.storage === undefined) causes.push(required('spec.resources[storage]'));
    return causes;
  },
  HorizontalPodAutoscaler: (obj) => {
    const spec = specOf(obj);
    const causes: StatusCause[] = [];
    if (!spec.scaleTargetRef?.kind) causes.push(required('spec.scaleTargetRef.kind'));
    if (!spec.scaleTargetRef?.name) causes.push(required('spec.scaleTargetRef.name'));
    if (!(spec.maxReplicas >= 1))
      causes.push(
        invalidValue('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than or equal to 1'),
      );
    else if (typeof spec.minReplicas === 'number' && spec.minReplicas > spec.maxReplicas) {
      causes.push(
        invalidValue('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'),
      );
    }
    return causes;
  },
  PodDisruptionBudget: (obj) => {
    const spec = specOf(obj);
    return spec.minAvailable !== undefined && spec.maxUnavailable !== undefined
      ? [invalidValue('spec', spec, 'minAvailable and maxUnavailable cannot be both set')]
      : [];
  },
};

/** Per-kind rules on the object's content (after defaulting), as the real validation words them. */
export function specCauses(
  cluster: Cluster,
  rt: ResourceType,
  obj: KubeObject,
  old?: KubeObject,
): StatusCause[] {
  return RULES[rt.kind]?.(obj, cluster, old) ?? [];
}

import { parseQuantity } from '../../kube/quantity.ts';
import type { StatusCause } from '../core/errors.ts';
import type { ResourceType } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { forbidden, immutable } from './causes.ts';
import { isRecord } from './decode.ts';

type Obj = Record<string, any>;
type Rule = (spec: Obj, oldSpec: Obj, obj: KubeObject, old: KubeObject) => StatusCause[];

/** Structural equality that ignores key order (patches and PUTs reorder keys freely). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  if (keys.length !== Object.keys(b).filter((k) => b[k] !== undefined).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

const without = (spec: Obj, keys: string[]): Obj => {
  const copy = { ...spec };
  for (const k of keys) delete copy[k];
  return copy;
};

const POD_UPDATE_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** A pod spec with the fields an update may change blanked out. */
function podSpecMask(spec: Obj): Obj {
  const images = (list: unknown) =>
    Array.isArray(list) ? list.map((c) => (isRecord(c) ? { ...c, image: undefined } : c)) : list;
  return {
    ...without(spec, ['activeDeadlineSeconds', 'tolerations', 'terminationGracePeriodSeconds']),
    containers: images(spec.containers),
    initContainers: images(spec.initContainers),
  };
}

const pod: Rule = (spec, oldSpec) => {
  const oldTolerations = Array.isArray(oldSpec.tolerations) ? oldSpec.tolerations : [];
  const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  const keptTolerations = oldTolerations.every((t) => tolerations.some((n) => deepEqual(n, t)));
  return deepEqual(podSpecMask(spec), podSpecMask(oldSpec)) && keptTolerations
    ? []
    : [forbidden('spec', POD_UPDATE_MESSAGE)];
};

const selectorImmutable = (spec: Obj, oldSpec: Obj): StatusCause[] =>
  deepEqual(spec.selector, oldSpec.selector) ? [] : [immutable('spec.selector', spec.selector)];

const STATEFULSET_MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

const statefulSet = (spec: Obj, oldSpec: Obj): StatusCause[] =>
  deepEqual(without(spec, STATEFULSET_MUTABLE), without(oldSpec, STATEFULSET_MUTABLE))
    ? []
    : [
        forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      ];

const job: Rule = (spec, oldSpec) => [
  ...selectorImmutable(spec, oldSpec),
  ...(deepEqual(spec.template, oldSpec.template) ? [] : [immutable('spec.template', '(pod template)')]),
  ...(spec.completions === oldSpec.completions ? [] : [immutable('spec.completions', spec.completions)]),
];

const service: Rule = (spec, oldSpec) =>
  oldSpec.clusterIP && spec.type !== 'ExternalName' && spec.clusterIP !== oldSpec.clusterIP
    ? [immutable('spec.clusterIP', spec.clusterIP)]
    : [];

const storageOf = (spec: Obj) => parseQuantity(spec.resources?.requests?.storage);

const persistentVolumeClaim: Rule = (spec, oldSpec, _obj, old) => {
  const bound = Boolean(oldSpec.volumeName) || old.status?.phase === 'Bound';
  const resizable = (s: Obj) => without(s, ['resources', 'volumeAttributesClassName', 'volumeName']);
  const otherChanges = !deepEqual(resizable(spec), resizable(oldSpec));
  const storageChanged = storageOf(spec) !== storageOf(oldSpec);
  if (otherChanges || (!bound && storageChanged)) {
    return [
      forbidden(
        'spec',
        'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      ),
    ];
  }
  const requested = storageOf(spec) ?? 0;
  const capacity = parseQuantity(old.status?.capacity?.storage);
  if (requested < (storageOf(oldSpec) ?? 0) && (capacity === undefined || requested < capacity)) {
    return [forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity')];
  }
  return [];
};

const SPEC_RULES: Record<string, Rule> = {
  Pod: pod,
  Deployment: selectorImmutable,
  ReplicaSet: selectorImmutable,
  DaemonSet: selectorImmutable,
  StatefulSet: (spec, oldSpec) => [...selectorImmutable(spec, oldSpec), ...statefulSet(spec, oldSpec)],
  Job: job,
  Service: service,
  PersistentVolumeClaim: persistentVolumeClaim,
};

const IMMUTABLE_DATA = 'field is immutable when `immutable` is set';

function immutableData(obj: KubeObject, old: KubeObject): StatusCause[] {
  if (old.immutable !== true) return [];
  if (obj.immutable !== true) return [forbidden('immutable', IMMUTABLE_DATA)];
  const changed = !deepEqual(obj.data, old.data) || !deepEqual(obj.binaryData, old.binaryData);
  return changed ? [forbidden('data', IMMUTABLE_DATA)] : [];
}

/** What may not change once set, per kind. */
export function updateCauses(rt: ResourceType, obj: KubeObject, old: KubeObject): StatusCause[] {
  if (rt.kind === 'ConfigMap' || rt.kind === 'Secret') return immutableData(obj, old);
  const rule = SPEC_RULES[rt.kind];
  if (!rule) return [];
  return rule(isRecord(obj.spec) ? obj.spec : {}, isRecord(old.spec) ? old.spec : {}, obj, old);
}

/** Fields the server allocated that a replacement may omit: they carry over, as on a real server. */
export function carryOverAllocated(rt: ResourceType, obj: KubeObject, old: KubeObject): void {
  if (rt.kind !== 'Service' || !isRecord(obj.spec) || !isRecord(old.spec)) return;
  const spec = obj.spec as Obj;
  const oldSpec = old.spec as Obj;
  if (spec.type === 'ExternalName') return;
  if (spec.clusterIP === undefined || spec.clusterIP === '') {
    spec.clusterIP = oldSpec.clusterIP;
    spec.clusterIPs ??= oldSpec.clusterIPs;
  }
  const oldPorts: Obj[] = Array.isArray(oldSpec.ports) ? oldSpec.ports.filter(isRecord) : [];
  for (const port of Array.isArray(spec.ports) ? spec.ports.filter(isRecord) : []) {
    if (port.nodePort !== undefined) continue;
    const same = oldPorts.find(
      (p) => p.port === port.port && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'),
    );
    if (same?.nodePort !== undefined) port.nodePort = same.nodePort;
  }
}

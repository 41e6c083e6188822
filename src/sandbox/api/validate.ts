import type { Cluster } from '../core/cluster.ts';
import type { StatusCause } from '../core/errors.ts';
import type { ResourceType } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import {
  DNS1035_MESSAGE,
  invalidObject,
  invalidValue,
  LABEL_MESSAGE,
  LABEL_VALUE_MESSAGE,
  QUALIFIED_NAME_MESSAGE,
  required,
  SUBDOMAIN_MESSAGE,
} from './causes.ts';
import { specCauses } from './spec-rules.ts';
import { updateCauses } from './update-rules.ts';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** How each kind's names are checked: most are DNS subdomains, a few labels, RBAC names path segments. */
function nameRule(kind: string): { test: (name: string) => boolean; message: string; max: number } {
  if (kind === 'Namespace') return { test: (n) => LABEL.test(n), message: LABEL_MESSAGE, max: 63 };
  if (kind === 'Service') return { test: (n) => DNS1035.test(n), message: DNS1035_MESSAGE, max: 63 };
  if (['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'].includes(kind)) {
    return {
      test: (n) => n !== '.' && n !== '..' && !/[/%]/.test(n),
      message: 'may not contain \'/\' or \'%\' and may not be "." or ".."',
      max: 253,
    };
  }
  return { test: (n) => SUBDOMAIN.test(n), message: SUBDOMAIN_MESSAGE, max: 253 };
}

function nameCauses(kind: string, name: string): StatusCause[] {
  if (!name) return [required('metadata.name', 'name or generateName is required')];
  const rule = nameRule(kind);
  if (name.length > rule.max)
    return [invalidValue('metadata.name', name, `must be no more than ${rule.max} characters`)];
  return rule.test(name) ? [] : [invalidValue('metadata.name', name, rule.message)];
}

function labelCauses(labels: Record<string, string> | undefined): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (prefix !== undefined && (!SUBDOMAIN.test(prefix) || prefix.length > 253)) {
      causes.push(invalidValue('metadata.labels', key, `prefix part ${SUBDOMAIN_MESSAGE}`));
    } else if (name.length > 63 || !QUALIFIED_NAME.test(name)) {
      causes.push(invalidValue('metadata.labels', key, QUALIFIED_NAME_MESSAGE));
    }
    if (value.length > 63)
      causes.push(invalidValue('metadata.labels', value, 'must be no more than 63 characters'));
    else if (!LABEL_VALUE.test(value))
      causes.push(invalidValue('metadata.labels', value, LABEL_VALUE_MESSAGE));
  }
  return causes;
}

function annotationCauses(annotations: Record<string, string> | undefined): StatusCause[] {
  let bytes = 0;
  for (const [k, v] of Object.entries(annotations ?? {}))
    bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
  if (bytes <= MAX_ANNOTATIONS_BYTES) return [];
  return [
    {
      reason: 'FieldValueTooLong',
      message: `Too long: must have at most ${MAX_ANNOTATIONS_BYTES} bytes`,
      field: 'metadata.annotations',
    },
  ];
}

function fail(rt: ResourceType, obj: KubeObject, causes: StatusCause[]): void {
  if (causes.length) throw invalidObject(rt, obj.metadata.name ?? '', causes);
}

/** Validation of a new object, after defaulting: 422 Invalid with one cause per problem. */
export function validateCreate(cluster: Cluster, rt: ResourceType, obj: KubeObject): void {
  fail(rt, obj, [
    ...nameCauses(rt.kind, obj.metadata.name),
    ...labelCauses(obj.metadata.labels),
    ...annotationCauses(obj.metadata.annotations),
    ...specCauses(cluster, rt, obj),
  ]);
}

/** Validation of a replacement for `old`: the object rules plus what may not change once set. */
export function validateUpdate(cluster: Cluster, rt: ResourceType, obj: KubeObject, old: KubeObject): void {
  fail(rt, obj, [
    ...labelCauses(obj.metadata.labels),
    ...annotationCauses(obj.metadata.annotations),
    ...specCauses(cluster, rt, obj, old),
    ...updateCauses(rt, obj, old),
  ]);
}

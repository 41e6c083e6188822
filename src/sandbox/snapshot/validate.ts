import { findByKind, findStoredKind, RESOURCE_TYPES } from '../core/resources.ts';
import {
  cronJobProblem,
  jobProblem,
  podSpecProblem,
  replicasProblem,
  workloadProblem,
} from './checks-pods.ts';
import { eventProblem, hpaProblem, serviceProblem } from './checks-services.ts';
import { isObj, type Obj, type Problem, shown, stringMap } from './problem.ts';

export type { Problem } from './problem.ts';

const SNAPSHOT_KINDS = [...new Set(RESOURCE_TYPES.filter((t) => !t.virtual).map((t) => t.kind))].sort();

/**
 * Checks what the sandbox's controllers and the API rely on, the way the real API server would
 * reject it: identity (apiVersion, kind, metadata.name), string labels and annotations, and each
 * kind's structure (containers, selectors matching templates, ports, numbers where numbers belong).
 */
export function validateObject(obj: unknown): Problem | undefined {
  if (!isObj(obj)) return { message: `must be a mapping (an object), not ${shown(obj)}` };
  for (const field of ['apiVersion', 'kind'] as const) {
    if (typeof obj[field] !== 'string' || !obj[field]) return { field, message: 'is required' };
  }
  const kind = obj.kind as string;
  const apiVersion = obj.apiVersion as string;
  if (!findStoredKind(kind)) {
    return {
      field: 'kind',
      message: `unknown kind "${kind}"; a snapshot may hold ${SNAPSHOT_KINDS.join(', ')}`,
    };
  }
  if (!findByKind(apiVersion, kind)) {
    const served = RESOURCE_TYPES.filter((t) => t.kind === kind && !t.virtual).map((t) =>
      t.group ? `${t.group}/${t.version}` : t.version,
    );
    return {
      field: 'apiVersion',
      message: `${kind} is not served as "${apiVersion}"; use ${served.join(' or ')}`,
    };
  }
  return metadataProblem(obj.metadata) ?? CHECKS.find((c) => c.kinds.includes(kind))?.check(obj);
}

function metadataProblem(metadata: unknown): Problem | undefined {
  if (!isObj(metadata)) return { field: 'metadata', message: 'is required' };
  if (typeof metadata.name !== 'string' || !metadata.name)
    return { field: 'metadata.name', message: 'is required' };
  if (metadata.namespace !== undefined && (typeof metadata.namespace !== 'string' || !metadata.namespace)) {
    return { field: 'metadata.namespace', message: 'must be a non-empty string' };
  }
  for (const map of ['labels', 'annotations'] as const) {
    const problem = stringMap(metadata[map], `metadata.${map}`);
    if (problem) return problem;
  }
  const refs = metadata.ownerReferences;
  if (refs === undefined) return undefined;
  if (!Array.isArray(refs)) return { field: 'metadata.ownerReferences', message: 'must be a list' };
  for (const [i, ref] of refs.entries()) {
    for (const field of ['kind', 'name']) {
      if (!isObj(ref) || typeof ref[field] !== 'string' || !ref[field]) {
        return { field: `metadata.ownerReferences[${i}].${field}`, message: 'is required' };
      }
    }
  }
  return undefined;
}
interface Check {
  kinds: string[];
  check(obj: Obj): Problem | undefined;
}

const CHECKS: Check[] = [
  { kinds: ['Pod'], check: (obj) => podSpecProblem(obj.spec, 'spec') },
  {
    kinds: ['Deployment', 'ReplicaSet', 'StatefulSet'],
    check: (obj) => replicasProblem(obj) ?? workloadProblem(obj),
  },
  { kinds: ['DaemonSet'], check: workloadProblem },
  { kinds: ['Job'], check: jobProblem },
  { kinds: ['CronJob'], check: cronJobProblem },
  { kinds: ['Service'], check: serviceProblem },
  { kinds: ['HorizontalPodAutoscaler'], check: hpaProblem },
  { kinds: ['Event'], check: eventProblem },
];

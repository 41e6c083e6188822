import { Evidence, type Gap, type PodLogs, type Sample } from './evidence.ts';
import { tail } from './limits.ts';
import { keysOnly } from './redact.ts';
import { inScope } from './scope.ts';
import type { K8sObject, Pod } from './shapes.ts';

const LOGS = 'sandbox.sre-nanobot.dev/logs';
const PREVIOUS_LOGS = 'sandbox.sre-nanobot.dev/previous-logs';

export interface ObjectsSource {
  objects: K8sObject[];
  /** Extra log tails by `namespace/pod/container` (a snapshot's come from its pod annotations). */
  logs?: Map<string, PodLogs>;
  metrics?: Sample[];
  gaps?: Gap[];
  namespaces?: string[] | 'all';
  /** `wall` for a live cluster; snapshots (the default) are read as of their newest activity. */
  clock?: 'wall' | 'capture';
  /** The objects were read for the scope already (a live collection): keep them all. */
  scoped?: boolean;
}

/**
 * Evidence from a list of Kubernetes objects, as snapshot files hold them: Secrets and ConfigMaps
 * reduced to their keys, pod logs taken from the `sandbox.sre-nanobot.dev/logs[.<container>]` and
 * `…/previous-logs[.<container>]` annotations (and removed from the pods), objects outside the scope dropped.
 */
export function evidenceFromObjects(source: ObjectsSource): Evidence {
  const namespaces = source.namespaces ?? 'all';
  const logs = new Map(source.logs);
  const objects: K8sObject[] = [];
  for (const obj of source.objects) {
    if (!source.scoped && !inScope(obj, namespaces)) continue;
    if (obj.kind === 'Secret' || obj.kind === 'ConfigMap') objects.push(keysOnly(obj));
    else if (obj.kind === 'Pod') objects.push(takeLogs(obj as Pod, logs));
    else objects.push(obj);
  }
  return new Evidence({
    objects,
    logs,
    metrics: source.metrics,
    gaps: source.gaps,
    clock: source.clock,
  });
}

function takeLogs(pod: Pod, logs: Map<string, PodLogs>): Pod {
  const annotations = pod.metadata.annotations;
  if (!annotations) return pod;
  const first = pod.spec?.containers?.[0]?.name;
  const kept: Record<string, string> = {};
  let found = false;
  for (const [key, value] of Object.entries(annotations)) {
    const which =
      key === LOGS || key.startsWith(`${LOGS}.`)
        ? 'current'
        : key === PREVIOUS_LOGS || key.startsWith(`${PREVIOUS_LOGS}.`)
          ? 'previous'
          : undefined;
    if (!which) {
      kept[key] = value;
      continue;
    }
    found = true;
    const prefix = which === 'current' ? LOGS : PREVIOUS_LOGS;
    const container = key === prefix ? first : key.slice(prefix.length + 1);
    if (!container) continue;
    const logKey = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}/${container}`;
    const entry = logs.get(logKey) ?? {};
    entry[which] = tail(String(value));
    logs.set(logKey, entry);
  }
  return found ? { ...pod, metadata: { ...pod.metadata, annotations: kept } } : pod;
}

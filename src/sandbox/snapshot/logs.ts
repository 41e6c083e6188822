import { parseTime } from '../core/clock.ts';
import type { Cluster } from '../core/cluster.ts';
import type { LogLine } from '../core/logs.ts';
import type { KubeObject } from '../core/types.ts';

export const LOGS_ANNOTATION = 'sandbox.sre-nanobot.dev/logs';
export const PREVIOUS_LOGS_ANNOTATION = 'sandbox.sre-nanobot.dev/previous-logs';

interface ContainerLogText {
  current?: string;
  previous?: string;
}

/**
 * Puts the logs a snapshot gives in a Pod's annotations where `kubectl logs` reads them. The
 * unsuffixed annotations belong to the first container; `….<container>` to the one named. Lines
 * are a second apart: the current log ends now, the previous one when that instance terminated.
 */
export function loadPodLogs(cluster: Cluster, pod: KubeObject): void {
  const byContainer = logAnnotations(pod);
  if (!byContainer.size) return;
  const namespace = pod.metadata.namespace ?? 'default';
  const now = cluster.clock.now();
  const statuses: { name: string; lastState?: { terminated?: { finishedAt?: string } } }[] =
    pod.status?.containerStatuses ?? [];
  for (const [container, text] of byContainer) {
    const current = timed(text.current ?? '', now);
    const lastExit = parseTime(statuses.find((s) => s.name === container)?.lastState?.terminated?.finishedAt);
    const previousEnd = lastExit ?? (current[0]?.time ?? now) - 1000;
    const previous = text.previous === undefined ? undefined : timed(text.previous, previousEnd);
    cluster.logs.set(namespace, pod.metadata.name, container, current, previous);
  }
}

function logAnnotations(pod: KubeObject): Map<string, ContainerLogText> {
  const first: string | undefined = pod.spec?.containers?.[0]?.name;
  const out = new Map<string, ContainerLogText>();
  for (const [key, value] of Object.entries(pod.metadata.annotations ?? {})) {
    for (const [prefix, which] of [
      [LOGS_ANNOTATION, 'current'],
      [PREVIOUS_LOGS_ANNOTATION, 'previous'],
    ] as const) {
      const container =
        key === prefix ? first : key.startsWith(`${prefix}.`) ? key.slice(prefix.length + 1) : undefined;
      if (!container) continue;
      const entry = out.get(container) ?? {};
      entry[which] = value;
      out.set(container, entry);
    }
  }
  return out;
}

function timed(text: string, end: number): LogLine[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => ({ time: end - (lines.length - 1 - i) * 1000, text: line }));
}

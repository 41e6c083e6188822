import type { Pod } from './wire.ts';

/**
 * The STATUS column of `kubectl get pods`: the most telling reason among the pod's phase, its
 * init containers and its containers (CrashLoopBackOff, OOMKilled, Init:1/2, Terminating, …).
 */
export function podStatus(pod: Pod): string {
  const status = pod.status ?? {};
  let reason = status.reason || status.phase || 'Unknown';
  const inits = status.initContainerStatuses ?? [];
  let initializing = false;
  for (const [i, c] of inits.entries()) {
    const term = c.state?.terminated;
    if (term && term.exitCode === 0) continue;
    initializing = true;
    if (term)
      reason = `Init:${term.reason || (term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`)}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing')
      reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${pod.spec?.initContainers?.length ?? inits.length}`;
    break;
  }
  if (!initializing) {
    let hasRunning = false;
    for (const c of [...(status.containerStatuses ?? [])].reverse()) {
      const { waiting, terminated, running } = c.state ?? {};
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated)
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (running && c.ready) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp) return status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

export interface ContainerCounts {
  ready: number;
  total: number;
  restarts: number;
  /** When the most recent restart's previous instance ended, if any. */
  lastRestartAt?: string;
}

export function containerCounts(pod: Pod): ContainerCounts {
  const statuses = pod.status?.containerStatuses ?? [];
  let lastRestartAt: string | undefined;
  for (const c of statuses) {
    const ended = c.lastState?.terminated?.finishedAt;
    if (ended && (!lastRestartAt || ended > lastRestartAt)) lastRestartAt = ended;
  }
  return {
    ready: statuses.filter((c) => c.ready).length,
    total: pod.spec?.containers?.length ?? statuses.length,
    restarts: statuses.reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
    lastRestartAt,
  };
}

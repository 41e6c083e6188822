import type { Container, ContainerStatus, Pod, Probe } from '../evidence/shapes.ts';

export interface ContainerView {
  spec: Container;
  status: ContainerStatus | undefined;
  init: boolean;
}

/** Each container of a pod (init containers first) with its status. */
export function containersOf(pod: Pod): ContainerView[] {
  const out: ContainerView[] = [];
  const statuses = pod.status?.containerStatuses ?? [];
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  for (const spec of pod.spec?.initContainers ?? []) {
    out.push({ spec, status: initStatuses.find((s) => s.name === spec.name), init: true });
  }
  for (const spec of pod.spec?.containers ?? []) {
    out.push({ spec, status: statuses.find((s) => s.name === spec.name), init: false });
  }
  return out;
}

export const condition = (pod: Pod, type: string) => pod.status?.conditions?.find((c) => c.type === type);

export const isPodReady = (pod: Pod): boolean => condition(pod, 'Ready')?.status === 'True';

const isTerminal = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** A pod that is, or should be, serving: not finished, not being deleted. */
export const isActive = (pod: Pod): boolean => !isTerminal(pod) && !pod.metadata.deletionTimestamp;

/** The latest termination of a container: the current one when it is down, else the previous. */
export const lastTermination = (status: ContainerStatus | undefined) =>
  status?.state?.terminated ?? status?.lastState?.terminated;

/**
 * Whether a pod shows trouble worth reading its logs for: not ready, restarting, waiting on an error,
 * or terminated with a failure.
 */
export function looksUnhealthy(pod: Pod): boolean {
  if (pod.status?.phase === 'Succeeded') return false;
  if (pod.status?.phase === 'Failed') return true;
  if (pod.status?.phase === 'Running' && !isPodReady(pod)) return true;
  return containersOf(pod).some(({ status }) => {
    if (!status) return false;
    const waiting = status.state?.waiting?.reason;
    if (waiting && waiting !== 'ContainerCreating' && waiting !== 'PodInitializing') return true;
    return (status.restartCount ?? 0) > 0 || (status.state?.terminated?.exitCode ?? 0) !== 0;
  });
}

/** The port number a probe or Service port names on a container: a number, or a named container port. */
export function resolvePort(container: Container, port: number | string | undefined): number | undefined {
  if (port === undefined) return undefined;
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** `HTTP GET :8081/healthz`, `TCP :5432`, `exec [pg_isready]`: what a probe checks, in one phrase. */
export function describeProbe(probe: Probe): string {
  if (probe.httpGet) return `HTTP GET ${probe.httpGet.path ?? '/'} on port ${probe.httpGet.port}`;
  if (probe.tcpSocket) return `TCP connect to port ${probe.tcpSocket.port}`;
  if (probe.grpc) return `gRPC health check on port ${probe.grpc.port}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}]`;
  return 'probe';
}

export const probePort = (probe: Probe): number | string | undefined =>
  probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;

/** The ports a container declares, as `8080 (http)`, for messages. */
export const declaredPorts = (container: Container): string =>
  (container.ports ?? [])
    .map((p) => (p.name ? `${p.containerPort} (${p.name})` : `${p.containerPort}`))
    .join(', ') || 'none declared';

/** What an exit code says about how a process ended. */
export function exitMeaning(code: number | undefined, reason?: string): string {
  if (reason === 'OOMKilled') return 'killed by the kernel for exceeding its memory limit';
  switch (code) {
    case undefined:
      return 'exited';
    case 0:
      return 'exited with exit code 0 (success), which a long-running container should not do';
    case 1:
      return 'exited with exit code 1 (application error)';
    case 2:
      return 'exited with exit code 2 (a Go panic or bad usage)';
    case 126:
      return 'exited with exit code 126 (command not executable)';
    case 127:
      return 'exited with exit code 127 (command not found)';
    case 128 + 6:
      return 'aborted (exit code 134, SIGABRT)';
    case 128 + 9:
      return 'was killed (exit code 137, SIGKILL)';
    case 128 + 11:
      return 'crashed with a segmentation fault (exit code 139, SIGSEGV)';
    case 128 + 15:
      return 'was terminated (exit code 143, SIGTERM)';
    default:
      return `exited with exit code ${code}`;
  }
}

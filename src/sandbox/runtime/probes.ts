import type { ContainerSpec } from '../core/runtime.ts';

/** Why a probe failed, in the words the kubelet records in an `Unhealthy` event. */
export type ProbeFailure = 'refused' | 'unavailable';

function resolvePort(container: ContainerSpec, port: unknown): number {
  if (typeof port === 'number') return port;
  const named = (container.ports ?? []).find((p: any) => p.name === port);
  return Number(named?.containerPort ?? port ?? container.ports?.[0]?.containerPort ?? 8080);
}

/**
 * The failure text of a container's liveness or readiness probe: a dead process refuses the
 * connection; a hung one answers 503 (HTTP) or times out. Containers without that probe fall back to
 * a TCP-style message on their first port.
 */
export function probeFailureMessage(
  container: ContainerSpec,
  which: 'liveness' | 'readiness',
  podIP: string,
  failure: ProbeFailure,
): string {
  const probe = which === 'liveness' ? container.livenessProbe : container.readinessProbe;
  const prefix = which === 'liveness' ? 'Liveness probe failed: ' : 'Readiness probe failed: ';
  if (probe?.httpGet) {
    const port = resolvePort(container, probe.httpGet.port);
    const scheme = String(probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${podIP}:${port}${probe.httpGet.path ?? '/'}`;
    return failure === 'unavailable'
      ? `${prefix}HTTP probe failed with statuscode: 503`
      : `${prefix}Get "${url}": dial tcp ${podIP}:${port}: connect: connection refused`;
  }
  if (probe?.exec) {
    const command = (probe.exec.command ?? []).join(' ');
    if (command.includes('pg_isready')) return `${prefix}/var/run/postgresql:5432 - no response`;
    if (command.includes('redis-cli'))
      return `${prefix}Could not connect to Redis at 127.0.0.1:6379: Connection refused`;
    return `${prefix}command ${JSON.stringify(command)} timed out`;
  }
  if (probe?.grpc) {
    const port = resolvePort(container, probe.grpc.port);
    return `${prefix}timeout: failed to connect service ":${port}" within 1s: context deadline exceeded`;
  }
  const port = resolvePort(container, probe?.tcpSocket?.port);
  return failure === 'unavailable'
    ? `${prefix}dial tcp ${podIP}:${port}: i/o timeout`
    : `${prefix}dial tcp ${podIP}:${port}: connect: connection refused`;
}

import type { Evidence } from '../evidence/evidence.ts';
import type { Container, KubeEvent, Pod, Probe } from '../evidence/shapes.ts';
import { declaredPorts, describeProbe, probePort, resolvePort } from './pods.ts';

export type ProbeKind = 'Readiness' | 'Liveness' | 'Startup';

/** Unhealthy events of one probe kind for a container, newest last. */
export function probeFailures(ev: Evidence, pod: Pod, container: string, kind: ProbeKind): KubeEvent[] {
  const events = ev.eventsFor({ kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name });
  return events.filter(
    (e) =>
      e.reason === 'Unhealthy' &&
      (e.message ?? '').startsWith(`${kind} probe failed`) &&
      (!e.involvedObject?.fieldPath ||
        e.involvedObject.fieldPath.includes(`{${container}}`) ||
        pod.spec.containers.length === 1),
  );
}

export interface ProbeVerdict {
  cause: string;
  /** The probe itself is wrong (port, path, timeout) rather than the application failing it. */
  misconfigured: boolean;
  confidence: number;
}

/**
 * Why a probe fails, comparing what it checks with what the container declares and with the
 * kubelet's message: a port nothing listens on, a path that 404s, a timeout shorter than the answer,
 * or the application itself saying it is not well (5xx).
 */
export function judgeProbe(
  container: Container,
  probe: Probe,
  kind: ProbeKind,
  message: string,
): ProbeVerdict {
  const what = `the ${kind.toLowerCase()} probe (${describeProbe(probe)})`;
  const port = probePort(probe);
  const resolved = resolvePort(container, port);
  const declared = (container.ports ?? []).map((p) => p.containerPort);
  if (port !== undefined && resolved === undefined) {
    return {
      cause: `${what} names port "${port}", which container ${container.name} does not declare (ports: ${declaredPorts(container)})`,
      misconfigured: true,
      confidence: 0.95,
    };
  }
  const refused = /connection refused|connect: connection refused/i.test(message);
  const status = /statuscode: (\d{3})/.exec(message)?.[1];
  // Declaring container ports is optional, so an undeclared probe port is only suspect, unless the
  // probe is refused there; an HTTP status means something does listen on it.
  if (resolved !== undefined && declared.length && !declared.includes(resolved) && !status) {
    return {
      cause: `${what} targets port ${resolved}, but container ${container.name} listens on ${declaredPorts(container)}${refused ? ' (connection refused)' : ''}`,
      misconfigured: true,
      confidence: refused ? 0.95 : 0.6,
    };
  }
  if (status === '404') {
    return {
      cause: `${what} gets 404 Not Found: the application serves no ${probe.httpGet?.path ?? '/'} endpoint (wrong probe path)`,
      misconfigured: true,
      confidence: 0.9,
    };
  }
  if (/context deadline exceeded|Client\.Timeout exceeded|timeout|timed out/i.test(message)) {
    return {
      cause: `${what} times out after ${probe.timeoutSeconds ?? 1}s: the application answers slower than the probe's timeoutSeconds`,
      misconfigured: false,
      confidence: 0.75,
    };
  }
  if (refused) {
    return {
      cause: `nothing listens on port ${resolved ?? port} when ${what} runs: the application has not started its listener (or crashed)`,
      misconfigured: false,
      confidence: 0.7,
    };
  }
  if (status && Number(status) >= 500) {
    return {
      cause: `the application answers ${what} with HTTP ${status}: it reports itself unhealthy`,
      misconfigured: false,
      confidence: 0.7,
    };
  }
  return {
    cause: `${what} fails: ${message.replace(/^\w+ probe failed: /, '').slice(0, 200)}`,
    misconfigured: false,
    confidence: 0.6,
  };
}

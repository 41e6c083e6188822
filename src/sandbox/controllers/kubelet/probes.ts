import type { KubeObject } from '../../core/types.ts';
import type { KubeletEnv } from './env.ts';
import type { ContainerState, ProbeState } from './state.ts';

type Kind = 'Startup' | 'Liveness' | 'Readiness';

const PREFIX = /^(Startup|Liveness|Readiness) probe failed: /;

const periodMs = (probe: any) => (probe?.periodSeconds ?? 10) * 1000;

export const newProbeState = (probe: any, now: number): ProbeState | undefined =>
  probe ? { nextAt: now + (probe.initialDelaySeconds ?? 0) * 1000, successes: 0, failures: 0 } : undefined;

/** What a failed probe of this kind says when the runtime gives no reason. */
function defaultFailure(probe: any, podIP: string | undefined): string {
  if (probe?.httpGet) return 'HTTP probe failed with statuscode: 503';
  if (probe?.tcpSocket)
    return `dial tcp ${podIP ?? '127.0.0.1'}:${probe.tcpSocket.port}: connect: connection refused`;
  if (probe?.grpc) return `timeout: failed to connect service ":${probe.grpc.port}" within 1s`;
  return 'command terminated with non-zero exit code: error executing command: exit status 1';
}

function failureText(kind: Kind, message: string | undefined, probe: any, podIP: string | undefined): string {
  return `${kind} probe failed: ${(message ?? '').replace(PREFIX, '') || defaultFailure(probe, podIP)}`;
}

export type ProbeOutcome = 'ok' | 'kill';

/**
 * Runs the container's due probes: startup gates the others; liveness past failureThreshold asks
 * for a kill; readiness sets `ready`. Unhealthy and Killing events use the kubelet's wording.
 */
export function runProbes(env: KubeletEnv, pod: KubeObject, c: ContainerState, now: number): ProbeOutcome {
  const spec = c.spec;
  const podIP: string | undefined = pod.status?.podIP;
  const probe = () => env.runtime.probe(pod, spec, c.startedAt ?? now, now);
  const threshold = (p: any) => p?.failureThreshold ?? 3;
  if (!c.started) {
    const state = c.startup;
    if (!state || now < state.nextAt) return 'ok';
    state.nextAt = now + periodMs(spec.startupProbe);
    const result = probe();
    if (result.live) {
      c.started = true;
      for (const s of [c.liveness, c.readiness]) if (s) s.nextAt = Math.max(s.nextAt, now);
    } else {
      state.failures++;
      env.event(
        pod,
        c,
        'Warning',
        'Unhealthy',
        failureText('Startup', result.message, spec.startupProbe, podIP),
      );
      if (state.failures < threshold(spec.startupProbe)) return 'ok';
      env.event(pod, c, 'Normal', 'Killing', `Container ${c.name} failed startup probe, will be restarted`);
      return 'kill';
    }
  }
  if (c.liveness && now >= c.liveness.nextAt) {
    c.liveness.nextAt = now + periodMs(spec.livenessProbe);
    const result = probe();
    if (result.live) c.liveness.failures = 0;
    else {
      c.liveness.failures++;
      env.event(
        pod,
        c,
        'Warning',
        'Unhealthy',
        failureText('Liveness', result.message, spec.livenessProbe, podIP),
      );
      if (c.liveness.failures >= threshold(spec.livenessProbe)) {
        env.event(
          pod,
          c,
          'Normal',
          'Killing',
          `Container ${c.name} failed liveness probe, will be restarted`,
        );
        return 'kill';
      }
    }
  }
  if (!c.readiness) {
    c.ready = true;
    return 'ok';
  }
  if (now >= c.readiness.nextAt) {
    c.readiness.nextAt = now + periodMs(spec.readinessProbe);
    const result = probe();
    if (result.ready) {
      c.readiness.successes++;
      c.readiness.failures = 0;
      if (c.readiness.successes >= (spec.readinessProbe?.successThreshold ?? 1)) c.ready = true;
    } else {
      c.readiness.failures++;
      c.readiness.successes = 0;
      env.event(
        pod,
        c,
        'Warning',
        'Unhealthy',
        failureText('Readiness', result.message, spec.readinessProbe, podIP),
      );
      if (c.readiness.failures >= threshold(spec.readinessProbe)) c.ready = false;
    }
  }
  return 'ok';
}

/** The earliest time a probe of this container is due. */
export const nextProbeAt = (c: ContainerState): number =>
  Math.min(
    !c.started ? (c.startup?.nextAt ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
    c.started ? (c.liveness?.nextAt ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
    c.started ? (c.readiness?.nextAt ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
  );

import { randomBytes } from 'node:crypto';
import { parseQuantity } from '../../../kube/quantity.ts';
import type { KubeObject } from '../../core/types.ts';
import { defaultPullPolicy } from '../pod-template.ts';
import { podFullName } from '../pod-utils.ts';
import { containerConfigError } from './config-errors.ts';
import type { KubeletEnv } from './env.ts';
import { goMillis, imageID, imageSize, pullMillis } from './images.ts';
import { newProbeState, nextProbeAt, runProbes } from './probes.ts';
import { type ContainerState, goDuration } from './state.ts';

/** How often a running container's memory and new log lines are looked at. */
const CHECK_MS = 10_000;
const MAX_BACKOFF_S = 300;
/** A container that ran this long before exiting starts over with no back-off. */
const BACKOFF_RESET_MS = 10 * 60_000;
const CONFIG_RETRY_MS = 10_000;
const NEVER = Number.POSITIVE_INFINITY;

const nextBackoff = (seconds: number) => (seconds ? Math.min(seconds * 2, MAX_BACKOFF_S) : 10);

function shouldRestart(pod: KubeObject, c: ContainerState): boolean {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const exitCode = c.terminated?.exitCode ?? 0;
  if (c.init) return exitCode !== 0 && policy !== 'Never';
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

function terminate(c: ContainerState, exitCode: number, reason: string, at: number): void {
  c.terminated = { exitCode, reason, startedAt: c.startedAt, finishedAt: at, containerID: c.containerID };
  c.state = 'terminated';
  c.ready = false;
  c.started = false;
  c.crashAt = undefined;
  c.reason = undefined;
  c.message = undefined;
  if (c.startedAt !== undefined && at - c.startedAt >= BACKOFF_RESET_MS) c.crashBackoffSec = 0;
}

function appendLogs(env: KubeletEnv, pod: KubeObject, c: ContainerState, until: number): void {
  if (until <= c.lastLogAt) return;
  const from = c.lastLogAt;
  const lines = env.runtime.logLines(pod, c.spec, from, until);
  if (lines.length) {
    const step = (until - from) / lines.length;
    const { namespace, name } = pod.metadata;
    env.logs.append(
      namespace ?? 'default',
      name,
      c.name,
      lines.map((text, i) => ({ time: from + step * (i + 1), text })),
    );
  }
  c.lastLogAt = until;
}

function checkRunning(env: KubeletEnv, pod: KubeObject, c: ContainerState, now: number): number {
  if (c.crashAt !== undefined && now >= c.crashAt) {
    appendLogs(env, pod, c, c.crashAt);
    if (c.lastWords !== undefined) {
      env.logs.append(pod.metadata.namespace ?? 'default', pod.metadata.name, c.name, [
        { time: c.crashAt, text: c.lastWords },
      ]);
      c.lastWords = undefined;
    }
    const code = c.crashExitCode ?? 1;
    terminate(c, code, code === 0 ? 'Completed' : 'Error', c.crashAt);
    return now;
  }
  if (now >= c.nextCheckAt) {
    c.nextCheckAt = now + CHECK_MS;
    appendLogs(env, pod, c, now);
    const limit = parseQuantity(c.spec.resources?.limits?.memory);
    if (limit !== undefined && env.runtime.usage(pod, c.spec, c.startedAt ?? now, now).memoryBytes > limit) {
      terminate(c, 137, 'OOMKilled', now);
      return now;
    }
  }
  if (runProbes(env, pod, c, now) === 'kill') {
    terminate(c, 137, 'Error', now);
    return now;
  }
  return Math.min(c.crashAt ?? NEVER, c.nextCheckAt, nextProbeAt(c));
}

function enterCrashLoop(env: KubeletEnv, pod: KubeObject, c: ContainerState): void {
  c.state = 'waiting';
  c.reason = 'CrashLoopBackOff';
  c.message = `back-off ${goDuration(c.crashBackoffSec)} restarting failed container=${c.name} pod=${podFullName(pod)}`;
  env.event(
    pod,
    c,
    'Warning',
    'BackOff',
    `Back-off restarting failed container ${c.name} in pod ${podFullName(pod)}`,
  );
}

/** Pulls the image when needed; undefined once it is there, else when to look again. */
function ensureImage(
  env: KubeletEnv,
  pod: KubeObject,
  node: string,
  c: ContainerState,
  now: number,
): number | undefined {
  if (c.imageReady) return undefined;
  const image = String(c.spec.image ?? '');
  if (c.pullRetryAt !== undefined && now < c.pullRetryAt) {
    if (c.reason !== 'ImagePullBackOff') {
      c.reason = 'ImagePullBackOff';
      c.message = `Back-off pulling image "${image}"`;
      env.event(pod, c, 'Normal', 'BackOff', c.message);
      env.event(pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    }
    return c.pullRetryAt;
  }
  const policy = c.spec.imagePullPolicy ?? defaultPullPolicy(image);
  if (policy !== 'Always' && env.images.has(node, image)) {
    env.event(pod, c, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
    c.imageReady = true;
    return undefined;
  }
  if (policy === 'Never') {
    c.reason = 'ErrImageNeverPull';
    c.message = `Container image "${image}" is not present with pull policy of Never`;
    env.event(pod, c, 'Warning', 'ErrImageNeverPull', c.message);
    return now + CONFIG_RETRY_MS;
  }
  if (c.pullingUntil === undefined) {
    env.event(pod, c, 'Normal', 'Pulling', `Pulling image "${image}"`);
    c.pullingSince = now;
    c.pullingUntil = now + pullMillis(image);
    return c.pullingUntil;
  }
  if (now < c.pullingUntil) return c.pullingUntil;
  const took = goMillis(now - (c.pullingSince ?? now));
  c.pullingUntil = undefined;
  const error = env.runtime.pullImage(image);
  if (error !== undefined) {
    env.event(pod, c, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`);
    env.event(pod, c, 'Warning', 'Failed', 'Error: ErrImagePull');
    c.reason = 'ErrImagePull';
    c.message = error;
    c.pullBackoffSec = nextBackoff(c.pullBackoffSec);
    c.pullRetryAt = now + c.pullBackoffSec * 1000;
    return now + 1000;
  }
  env.event(
    pod,
    c,
    'Normal',
    'Pulled',
    `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSize(image)} bytes.`,
  );
  env.images.add(node, image);
  c.imageReady = true;
  c.pullBackoffSec = 0;
  c.pullRetryAt = undefined;
  return undefined;
}

function startContainer(env: KubeletEnv, pod: KubeObject, c: ContainerState, now: number): number {
  const { namespace, name } = pod.metadata;
  if (c.hasRun) {
    c.restartCount++;
    env.logs.rotate(namespace ?? 'default', name, c.name);
  }
  const result = env.runtime.start(pod, c.spec, c.restartCount);
  c.containerID = `containerd://${randomBytes(32).toString('hex')}`;
  c.imageID = imageID(String(c.spec.image ?? ''));
  env.event(pod, c, 'Normal', 'Created', `Created container: ${c.name}`);
  env.event(pod, c, 'Normal', 'Started', `Started container ${c.name}`);
  c.state = 'running';
  c.reason = undefined;
  c.message = undefined;
  c.startedAt = now;
  c.hasRun = true;
  c.imageReady = false;
  // An init container that "keeps running" is one that finished its work: it completes shortly.
  const exits = result.outcome === 'crash' || c.init;
  c.crashAt = exits ? now + (result.runSeconds ?? (c.init ? 1 : 0)) * 1000 : undefined;
  c.crashExitCode = result.outcome === 'crash' ? (result.exitCode ?? 1) : 0;
  // A crashing process's final line is its last word: it is written when it exits, after anything logged meanwhile.
  const startLines = result.outcome === 'crash' ? result.logLines.slice(0, -1) : result.logLines;
  c.lastWords = result.outcome === 'crash' ? result.logLines.at(-1) : undefined;
  if (startLines.length) {
    env.logs.append(
      namespace ?? 'default',
      name,
      c.name,
      startLines.map((text) => ({ time: now, text })),
    );
  }
  c.lastLogAt = now;
  c.nextCheckAt = now + CHECK_MS;
  c.startup = newProbeState(c.spec.startupProbe, now);
  c.liveness = newProbeState(c.spec.livenessProbe, now);
  c.readiness = newProbeState(c.spec.readinessProbe, now);
  c.started = !c.startup;
  c.ready = c.started && !c.readiness && !c.init;
  return Math.min(c.crashAt ?? NEVER, c.nextCheckAt, nextProbeAt(c));
}

/**
 * Advances one container as far as it can go now: running checks (exit, OOM, probes, logs),
 * restart with crash-loop back-off, image pull with back-off, config errors, start.
 * Returns when it next needs looking at (sim ms; Infinity for never).
 */
export function stepContainer(
  env: KubeletEnv,
  pod: KubeObject,
  node: string,
  c: ContainerState,
  now: number,
): number {
  if (c.state === 'running') {
    const wake = checkRunning(env, pod, c, now);
    if (c.state === 'running') return wake;
  }
  if (c.state === 'terminated') {
    if (!shouldRestart(pod, c)) return NEVER;
    c.lastTerminated = c.terminated;
    c.terminated = undefined;
    const until = (c.lastTerminated?.finishedAt ?? now) + c.crashBackoffSec * 1000;
    if (now < until) {
      enterCrashLoop(env, pod, c);
      return until;
    }
    c.crashBackoffSec = nextBackoff(c.crashBackoffSec);
    c.state = 'waiting';
  } else if (c.reason === 'CrashLoopBackOff') {
    const until = (c.lastTerminated?.finishedAt ?? now) + c.crashBackoffSec * 1000;
    if (now < until) return until;
    c.crashBackoffSec = nextBackoff(c.crashBackoffSec);
    c.reason = 'ContainerCreating';
  }
  const imageWait = ensureImage(env, pod, node, c, now);
  if (imageWait !== undefined) return imageWait;
  const configError = containerConfigError(env.store, pod, c.spec);
  if (configError) {
    c.reason = 'CreateContainerConfigError';
    c.message = configError;
    env.event(pod, c, 'Warning', 'Failed', `Error: ${configError}`);
    return now + CONFIG_RETRY_MS;
  }
  return startContainer(env, pod, c, now);
}

/** Kills every running container (eviction), as the kubelet reports them afterwards. */
export function killAll(containers: ContainerState[], now: number): void {
  for (const c of containers) {
    if (c.state !== 'running') continue;
    terminate(c, 137, 'ContainerStatusUnknown', now);
    c.terminated!.message = 'The container could not be located when the pod was terminated';
  }
}

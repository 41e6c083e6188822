import type { KubeObject } from '../../core/types.ts';
import type { Controller, ControllerContext } from '../controller.ts';
import { NODES, PODS } from '../kinds.ts';
import { sameJson } from '../object-utils.ts';
import { isTerminal } from '../pod-utils.ts';
import { objectKey, splitKey, WorkQueue } from '../work-queue.ts';
import { unboundClaimError, volumeMountError } from './config-errors.ts';
import { killAll, stepContainer } from './containers.ts';
import { createKubeletEnv } from './env.ts';
import { EvictionManager } from './eviction.ts';
import { nodeInternalIP, PodNetwork } from './network.ts';
import { buildPodStatus, podPhase } from './pod-status.ts';
import { allContainers, isCompleted, newPodState, type PodState, stateSignature } from './state.ts';
import { WakeHeap } from './wake-heap.ts';

const TICK_MS = 1_000;
const EVICTION_PERIOD_MS = 10_000;
const SANDBOX_MS = 1_000;
const MOUNT_RETRY_MS = 10_000;
const MOUNT_EVENT_MS = 60_000;
const MOUNT_TIMEOUT_MS = 120_000;
/** Terminating pods leave after min(grace period, this), so deletions do not hold tests up. */
const MAX_GRACE_MS = 2_000;
const NEVER = Number.POSITIVE_INFINITY;

/**
 * The kubelets of every node: takes bound pods through sandbox, image pull, config checks,
 * start, probes, crash-loop back-off, OOM kills and termination, asking `cluster.runtime` what
 * each process does, and posts the resulting pod status. A node whose kubelet is down is left
 * untouched until it comes back.
 */
export const kubelet: Controller = {
  name: 'kubelet',
  start({ cluster, index }: ControllerContext) {
    const { store, clock, logs } = cluster;
    const states = new Map<string, PodState>();
    const wakes = new WakeHeap();
    const network = new PodNetwork();
    const nodeUp = new Map<string, boolean>();
    /** Pods waiting on a Secret, ConfigMap or claim, by namespace: a change there may unblock them. */
    const blocked = new Map<string, Set<string>>();
    const queue = new WorkQueue('kubelet', clock, sync);
    const env = createKubeletEnv(cluster);

    const isUp = (node: string) => nodeUp.get(node) ?? cluster.runtime.nodeHealth(node).kubeletUp;
    const keyOf = (pod: KubeObject) => objectKey(pod.metadata.namespace, pod.metadata.name);

    function setBlocked(pod: KubeObject, isBlocked: boolean): void {
      const ns = pod.metadata.namespace ?? 'default';
      const set = blocked.get(ns) ?? new Set<string>();
      if (isBlocked) set.add(keyOf(pod));
      else set.delete(keyOf(pod));
      if (set.size) blocked.set(ns, set);
      else blocked.delete(ns);
    }

    function throttledEvent(
      pod: KubeObject,
      ps: PodState,
      reason: string,
      message: string,
      now: number,
    ): void {
      const last = ps.lastEventAt.get(reason);
      if (last !== undefined && now - last < MOUNT_EVENT_MS) return;
      ps.lastEventAt.set(reason, now);
      env.event(pod, undefined, 'Warning', reason, message);
    }

    /** Sandbox (volumes, pod IP), then init containers in order, then the app containers. */
    function advance(pod: KubeObject, ps: PodState, now: number): number {
      if (!ps.sandboxReady) {
        const setupError = volumeMountError(store, pod);
        const unbound = unboundClaimError(store, pod);
        setBlocked(pod, setupError !== undefined || unbound !== undefined);
        if (setupError || unbound) {
          ps.mountWaitSince ??= now;
          // A claim still binding is waited for quietly; the kubelet complains after its 2-minute mount timeout.
          if (setupError) throttledEvent(pod, ps, 'FailedMount', setupError, now);
          else if (now - ps.mountWaitSince >= MOUNT_TIMEOUT_MS)
            throttledEvent(pod, ps, 'FailedMount', unbound!, now);
          return now + MOUNT_RETRY_MS;
        }
        ps.sandboxAt ??= now + SANDBOX_MS;
        if (now < ps.sandboxAt) return ps.sandboxAt;
        ps.sandboxReady = true;
        if (!pod.spec?.hostNetwork)
          ps.podIP = network.allocate(store.get(NODES, undefined, ps.node), ps.node);
      }
      let wake = NEVER;
      const pendingInit = ps.initContainers.find((c) => !isCompleted(c));
      if (pendingInit) wake = Math.min(wake, stepContainer(env, pod, ps.node, pendingInit, now));
      if (ps.initContainers.some((c) => !isCompleted(c))) {
        for (const c of ps.containers) if (!c.hasRun) c.reason = 'PodInitializing';
      } else {
        for (const c of ps.containers) wake = Math.min(wake, stepContainer(env, pod, ps.node, c, now));
      }
      setBlocked(
        pod,
        allContainers(ps).some((c) => c.reason === 'CreateContainerConfigError'),
      );
      return wake;
    }

    function writePodStatus(pod: KubeObject, ps: PodState): void {
      const status = buildPodStatus(pod, ps, nodeInternalIP(store.get(NODES, undefined, ps.node)), clock);
      ps.syncedVersion = pod.metadata.resourceVersion;
      if (sameJson(pod.status, status)) return;
      const updated = store.mutate(PODS, pod.metadata.namespace, pod.metadata.name, (draft) => {
        draft.status = status;
      });
      ps.syncedVersion = updated.metadata.resourceVersion;
      if ((status.phase === 'Succeeded' || status.phase === 'Failed') && !ps.ipReleased) {
        network.release(ps.node, ps.podIP);
        ps.ipReleased = true;
      }
    }

    function terminate(pod: KubeObject, ps: PodState, now: number): void {
      if (ps.removeAt === undefined) {
        for (const c of allContainers(ps))
          if (c.state === 'running') env.event(pod, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
        const grace =
          pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
        ps.removeAt = now + Math.min(grace * 1000, MAX_GRACE_MS);
      }
      if (now < ps.removeAt) {
        wakes.schedule(keyOf(pod), ps.removeAt);
        return;
      }
      if (store.get(PODS, pod.metadata.namespace, pod.metadata.name))
        store.delete(PODS, pod.metadata.namespace, pod.metadata.name);
    }

    function sync(key: string): void {
      const { namespace, name } = splitKey(key);
      const pod = store.get(PODS, namespace, name);
      if (!pod || store.isFrozen(pod)) return;
      const node: string | undefined = pod.spec?.nodeName;
      if (!node) {
        if (pod.metadata.deletionTimestamp) store.delete(PODS, namespace, name);
        return;
      }
      if (!isUp(node)) return;
      const now = clock.now();
      let ps = states.get(pod.metadata.uid ?? '');
      // A pod the API already shows finished (Succeeded/Failed) never runs again: phases do not go back.
      if (isTerminal(pod) && !pod.metadata.deletionTimestamp) {
        if (ps) killAll(allContainers(ps), now);
        if (ps && !ps.ipReleased) {
          network.release(ps.node, ps.podIP);
          ps.ipReleased = true;
        }
        return;
      }
      ps ??= adopt(pod, now);
      if (pod.metadata.deletionTimestamp) {
        terminate(pod, ps, now);
        return;
      }
      // Most syncs of a running pod change nothing: skip rebuilding a status that would be equal.
      const before = ps.syncedVersion === pod.metadata.resourceVersion ? stateSignature(ps) : undefined;
      const phase = podPhase(pod, ps);
      const wake = phase === 'Succeeded' || phase === 'Failed' ? NEVER : advance(pod, ps, now);
      if (before === undefined || stateSignature(ps) !== before) writePodStatus(pod, ps);
      wakes.schedule(key, wake);
    }

    function adopt(pod: KubeObject, now: number): PodState {
      const ps = newPodState(pod, now);
      ps.startTime ??= now;
      if (ps.podIP) network.reserve(ps.node, ps.podIP);
      for (const c of allContainers(ps)) {
        if (c.state !== 'running') continue;
        // Ask the runtime what this already-running process does, as if it had just been started.
        const behaviour = cluster.runtime.start(pod, c.spec, c.restartCount);
        if (behaviour.outcome === 'crash') {
          c.crashAt = Math.max(now, (c.startedAt ?? now) + (behaviour.runSeconds ?? 0) * 1000);
          c.crashExitCode = behaviour.exitCode ?? 1;
        }
      }
      states.set(ps.uid, ps);
      return ps;
    }

    function forget(pod: KubeObject): void {
      const ps = states.get(pod.metadata.uid ?? '');
      if (ps && !ps.ipReleased) network.release(ps.node, ps.podIP);
      states.delete(pod.metadata.uid ?? '');
      wakes.forget(keyOf(pod));
      setBlocked(pod, false);
      logs.dropPod(pod.metadata.namespace ?? 'default', pod.metadata.name);
    }

    function evict(pod: KubeObject, message: string, now: number): void {
      const ps = states.get(pod.metadata.uid ?? '') ?? adopt(pod, now);
      for (const c of allContainers(ps))
        if (c.state === 'running') env.event(pod, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
      killAll(allContainers(ps), now);
      ps.evicted = message;
      env.event(pod, undefined, 'Warning', 'Evicted', message);
      writePodStatus(pod, ps);
    }

    const evictions = new EvictionManager(env, evict);
    let nextEvictionAt = clock.now() + EVICTION_PERIOD_MS;
    function tick(): void {
      const now = clock.now();
      const evictNow = now >= nextEvictionAt;
      if (evictNow) nextEvictionAt = now + EVICTION_PERIOD_MS;
      for (const node of store.list(NODES)) {
        const name = node.metadata.name;
        const health = cluster.runtime.nodeHealth(name);
        const wasUp = nodeUp.get(name);
        nodeUp.set(name, health.kubeletUp);
        if (health.kubeletUp && wasUp === false)
          for (const pod of index.podsOnNode(name)) queue.add(keyOf(pod));
        if (evictNow && health.kubeletUp && !store.isFrozen(node))
          evictions.run(node, health, () => index.podsOnNode(name), now);
      }
      for (const key of wakes.popDue(now)) queue.add(key);
    }

    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind === 'Pod' && rt.group === '') {
        if (type === 'DELETED') return forget(object);
        if (object.metadata.resourceVersion === states.get(object.metadata.uid ?? '')?.syncedVersion) return;
        if (object.spec?.nodeName || object.metadata.deletionTimestamp) queue.add(keyOf(object));
      } else if (rt.kind === 'Secret' || rt.kind === 'ConfigMap' || rt.kind === 'PersistentVolumeClaim') {
        for (const key of blocked.get(object.metadata.namespace ?? '') ?? []) queue.add(key);
      }
    });
    for (const pod of store.list(PODS))
      if (pod.spec?.nodeName || pod.metadata.deletionTimestamp) queue.add(keyOf(pod));
    const stopTick = clock.every(TICK_MS, tick);
    return () => {
      unsubscribe();
      stopTick();
      queue.stop();
    };
  },
};

import { recordEvent } from '../../core/events.ts';
import type { KubeObject } from '../../core/types.ts';
import type { Controller, ControllerContext } from '../controller.ts';
import { NODES, PODS, PVCS } from '../kinds.ts';
import { controllerOf, findCondition, setCondition } from '../object-utils.ts';
import { isTerminal } from '../pod-utils.ts';
import { objectKey, splitKey, WorkQueue } from '../work-queue.ts';
import { failureMessage, filterNode, type NodeFailure, podFacts, waitsForFirstConsumer } from './filters.ts';
import { type NodeInfo, NodeUsageCache, nodeInfo, score } from './node-info.ts';

const COMPONENT = 'default-scheduler';
const RETRY_MS = 30_000;
const PASS = 'pass';

const needsScheduling = (pod: KubeObject) =>
  !pod.spec?.nodeName &&
  !pod.metadata.deletionTimestamp &&
  !isTerminal(pod) &&
  (pod.spec?.schedulerName ?? COMPONENT) === COMPONENT;

/**
 * kube-scheduler: binds pending pods to the best feasible node, or records why none fits
 * (PodScheduled=False Unschedulable and a FailedScheduling event). Unschedulable pods are retried
 * when nodes, pods or volumes change, and periodically.
 */
export const scheduler: Controller = {
  name: 'scheduler',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    /** Kept current from every pod event; a bind shows up in it as soon as it is written. */
    const usage = new NodeUsageCache();
    const pending = new Set<string>();
    const unschedulable = new Set<string>();
    const queue = new WorkQueue('scheduler', clock, () => pass());

    function retryUnschedulable(): void {
      if (unschedulable.size === 0) return;
      for (const key of unschedulable) pending.add(key);
      unschedulable.clear();
      queue.add(PASS);
    }

    function pass(): void {
      const keys = [...pending];
      pending.clear();
      const pods = keys
        .map((key) => splitKey(key))
        .map(({ namespace, name }) => store.get(PODS, namespace, name))
        .filter((pod): pod is KubeObject => pod !== undefined && needsScheduling(pod) && !store.isFrozen(pod))
        .sort(
          (a, b) =>
            (b.spec?.priority ?? 0) - (a.spec?.priority ?? 0) ||
            (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''),
        );
      if (pods.length === 0) return;
      const infos = store.list(NODES).map((node) => nodeInfo(node, usage));
      for (const pod of pods) scheduleOne(pod, infos);
    }

    function scheduleOne(pod: KubeObject, infos: NodeInfo[]): void {
      const key = objectKey(pod.metadata.namespace, pod.metadata.name);
      const facts = podFacts(pod, store, index);
      const failures: NodeFailure[] = [];
      const feasible: NodeInfo[] = [];
      if (typeof facts !== 'string') {
        for (const info of infos) {
          const failure = filterNode(facts, info);
          if (failure) failures.push(failure);
          else feasible.push(info);
        }
      }
      if (feasible.length === 0) {
        unschedulable.add(key);
        const preFilter = typeof facts === 'string' ? facts : undefined;
        const message = failureMessage(
          infos.length,
          failures,
          preFilter,
          pod.spec?.preemptionPolicy !== 'Never',
        );
        recordFailure(pod, message);
        return;
      }
      const owner = controllerOf(pod)?.uid;
      const maxSame = owner ? Math.max(...feasible.map((i) => i.usage.podsByOwner.get(owner) ?? 0)) : 0;
      let best = feasible[0];
      let bestScore = score(best, pod, maxSame);
      for (const info of feasible.slice(1)) {
        const s = score(info, pod, maxSame);
        if (s > bestScore) {
          best = info;
          bestScore = s;
        }
      }
      bind(pod, best);
    }

    function bind(pod: KubeObject, info: NodeInfo): void {
      const { namespace, name } = pod.metadata;
      for (const volume of pod.spec?.volumes ?? []) {
        const claim = volume.persistentVolumeClaim?.claimName;
        const pvc = claim ? store.get(PVCS, namespace, claim) : undefined;
        if (!pvc || pvc.spec?.volumeName || !waitsForFirstConsumer(pvc, store)) continue;
        store.mutate(PVCS, namespace, claim, (draft) => {
          draft.metadata.annotations = {
            ...draft.metadata.annotations,
            'volume.kubernetes.io/selected-node': info.name,
          };
        });
      }
      const bound = store.mutate(PODS, namespace, name, (draft) => {
        draft.spec.nodeName = info.name;
        draft.status = {
          ...draft.status,
          conditions: setCondition(
            draft.status?.conditions,
            { type: 'PodScheduled', status: 'True', lastProbeTime: null },
            clock.iso(),
          ),
        };
      });
      recordEvent(store, {
        involved: bound,
        type: 'Normal',
        reason: 'Scheduled',
        message: `Successfully assigned ${namespace}/${name} to ${info.name}`,
        component: COMPONENT,
      });
    }

    function recordFailure(pod: KubeObject, message: string): void {
      const current = findCondition(pod.status?.conditions, 'PodScheduled');
      if (current?.status !== 'False' || current.message !== message) {
        store.mutate(PODS, pod.metadata.namespace, pod.metadata.name, (draft) => {
          draft.status = {
            phase: 'Pending',
            ...draft.status,
            conditions: setCondition(
              draft.status?.conditions,
              {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                message,
                lastProbeTime: null,
              },
              clock.iso(),
            ),
          };
        });
      }
      recordEvent(store, {
        involved: pod,
        type: 'Warning',
        reason: 'FailedScheduling',
        message,
        component: COMPONENT,
      });
    }

    const unsubscribe = store.subscribe((event) => {
      const { type, rt, object } = event;
      if (rt.kind === 'Pod' && rt.group === '') {
        usage.observe(event);
        const key = objectKey(object.metadata.namespace, object.metadata.name);
        if (type === 'DELETED' || object.metadata.deletionTimestamp || isTerminal(object)) {
          pending.delete(key);
          unschedulable.delete(key);
          if (object.spec?.nodeName) retryUnschedulable();
          return;
        }
        if (!needsScheduling(object) || unschedulable.has(key)) return;
        pending.add(key);
        queue.add(PASS);
      } else if (
        rt.kind === 'Node' ||
        rt.kind === 'PersistentVolumeClaim' ||
        rt.kind === 'PersistentVolume' ||
        rt.kind === 'StorageClass'
      ) {
        retryUnschedulable();
      }
    });
    for (const pod of store.list(PODS)) {
      usage.observe({ type: 'ADDED', rt: PODS, object: pod, resourceVersion: 0 });
      if (needsScheduling(pod)) pending.add(objectKey(pod.metadata.namespace, pod.metadata.name));
    }
    queue.add(PASS);
    const stopTimer = clock.every(RETRY_MS, retryUnschedulable);
    return () => {
      unsubscribe();
      stopTimer();
      queue.stop();
    };
  },
};

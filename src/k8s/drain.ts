import type { Operation } from '../policy/operation.ts';
import type { Permit } from '../policy/permit.ts';
import { isNotFound, KubeError } from './errors.ts';
import type { Kube } from './kube.ts';
import { getNode, nodeTarget } from './nodes.ts';
import { TYPES } from './resource-types.ts';
import type { Pod } from './wire.ts';

export interface DrainOptions {
  /** Leave DaemonSet pods in place (their controller would put them straight back). */
  ignoreDaemonSets?: boolean;
  /** Evict pods with emptyDir volumes, losing that data. */
  deleteEmptyDirData?: boolean;
  /** Also delete pods no controller will recreate. */
  force?: boolean;
  /** Overrides each pod's own grace period. */
  gracePeriodSeconds?: number;
  /** How long to wait for evictions (disruption budgets) and pods to terminate. Default 120 s. */
  timeoutSeconds?: number;
}

const ref = (pod: Pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`;

export interface DrainPlan {
  evict: Pod[];
  skipped: { pod: string; reason: string }[];
  /** Why the drain cannot go ahead with these options; empty when it can. */
  blockers: string[];
}

/** Which pods `kubectl drain` would evict, skip or refuse, with the same rules. */
export function planDrain(pods: Pod[], options: DrainOptions): DrainPlan {
  const plan: DrainPlan = { evict: [], skipped: [], blockers: [] };
  for (const pod of pods) {
    const controller = pod.metadata?.ownerReferences?.find((r) => r.controller);
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    if (pod.metadata?.annotations?.['kubernetes.io/config.mirror']) {
      plan.skipped.push({ pod: ref(pod), reason: 'static (mirror) pod, managed by the kubelet' });
    } else if (controller?.kind === 'DaemonSet' && !finished) {
      if (options.ignoreDaemonSets)
        plan.skipped.push({ pod: ref(pod), reason: `DaemonSet ${controller.name}` });
      else
        plan.blockers.push(`${ref(pod)} is managed by DaemonSet ${controller.name} (set ignoreDaemonSets)`);
    } else if (!controller && !finished && !options.force) {
      plan.blockers.push(
        `${ref(pod)} has no controller and would not come back (set force to delete it anyway)`,
      );
    } else if (!finished && pod.spec?.volumes?.some((v) => v.emptyDir) && !options.deleteEmptyDirData) {
      plan.blockers.push(`${ref(pod)} has emptyDir data that eviction deletes (set deleteEmptyDirData)`);
    } else {
      plan.evict.push(pod);
    }
  }
  return plan;
}

export interface DrainResult {
  node: string;
  cordoned: boolean;
  evicted: string[];
  skipped: { pod: string; reason: string }[];
  /** Evicted but still there when the timeout passed. */
  stillTerminating: string[];
  dryRun: boolean;
}

/** `kubectl drain`: cordon, evict through the Eviction API (respecting disruption budgets), wait until the pods are gone. */
export async function drainOperation(
  kube: Kube,
  name: string,
  options: DrainOptions,
  requestedBy: string,
): Promise<Operation<DrainResult>> {
  const node = await getNode(kube, name);
  const target = nodeTarget(kube, node);
  const { items } = await kube.list<Pod>(TYPES.pod, {
    allNamespaces: true,
    fieldSelector: `spec.nodeName=${name}`,
  });
  const plan = planDrain(items, options);
  if (plan.blockers.length) {
    throw new KubeError('Invalid', `cannot drain node ${name}: ${plan.blockers.join('; ')}`);
  }
  const params = {
    ignoreDaemonSets: Boolean(options.ignoreDaemonSets),
    deleteEmptyDirData: Boolean(options.deleteEmptyDirData),
    force: Boolean(options.force),
    gracePeriodSeconds: options.gracePeriodSeconds,
  };
  return {
    mutation: {
      verb: 'drain',
      target,
      params,
      inverse: { verb: 'uncordon', target, params: {}, requestedBy },
      requestedBy,
    },
    async perform(permit) {
      const deadline = Date.now() + (options.timeoutSeconds ?? 120) * 1000;
      const cordoned = !node.spec?.unschedulable;
      if (cordoned)
        await kube.patch(permit, TYPES.node, undefined, name, { spec: { unschedulable: true } }, 'merge');
      await Promise.all(
        plan.evict.map((pod) => evict(kube, permit, pod, options.gracePeriodSeconds, deadline)),
      );
      const stillTerminating = permit.dryRun ? [] : await waitGone(kube, plan.evict, deadline);
      return {
        node: name,
        cordoned,
        evicted: plan.evict.map(ref),
        skipped: plan.skipped,
        stillTerminating,
        dryRun: permit.dryRun,
      };
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function evict(
  kube: Kube,
  permit: Permit,
  pod: Pod,
  gracePeriodSeconds: number | undefined,
  deadline: number,
): Promise<void> {
  const body = {
    apiVersion: 'policy/v1',
    kind: 'Eviction',
    metadata: { name: pod.metadata?.name, namespace: pod.metadata?.namespace },
    ...(gracePeriodSeconds === undefined ? {} : { deleteOptions: { gracePeriodSeconds } }),
  };
  for (;;) {
    try {
      await kube.post(permit, TYPES.pod, pod.metadata?.namespace, pod.metadata?.name ?? '', 'eviction', body);
      return;
    } catch (err) {
      if (isNotFound(err)) return;
      // 429: a disruption budget says not now; kubectl retries every 5 s, a shorter wait drains sooner.
      if (!(err instanceof KubeError && err.reason === 'TooManyRequests') || Date.now() + 1000 > deadline)
        throw err;
      await sleep(1000);
    }
  }
}

/** Pods not gone (or replaced by a new pod of the same name) by the deadline. */
async function waitGone(kube: Kube, pods: Pod[], deadline: number): Promise<string[]> {
  let waiting = pods;
  while (waiting.length) {
    const still = await Promise.all(
      waiting.map(async (pod) => {
        try {
          const now = await kube.get<Pod>(TYPES.pod, pod.metadata?.namespace, pod.metadata?.name ?? '');
          return now.metadata?.uid === pod.metadata?.uid ? pod : undefined;
        } catch (err) {
          if (isNotFound(err)) return undefined;
          throw err;
        }
      }),
    );
    waiting = still.filter((p): p is Pod => p !== undefined);
    if (!waiting.length || Date.now() > deadline) break;
    await sleep(250);
  }
  return waiting.map(ref);
}

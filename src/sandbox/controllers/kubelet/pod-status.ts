import type { SimClock } from '../../core/clock.ts';
import type { KubeObject } from '../../core/types.ts';
import { type Condition, setCondition } from '../object-utils.ts';
import { qosClass } from '../pod-utils.ts';
import { normalizeImage } from './images.ts';
import { type ContainerState, isCompleted, type PodState, type Termination } from './state.ts';

const MANAGED = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
  'DisruptionTarget',
];

/** getPhase: Pending until every container has run, Running while any runs, Succeeded/Failed when all stopped for good. */
export function podPhase(pod: KubeObject, ps: PodState): string {
  if (ps.evicted) return 'Failed';
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const initPending = ps.initContainers.some((c) => !isCompleted(c));
  if (initPending) {
    const failed = ps.initContainers.some((c) => c.state === 'terminated' && c.terminated!.exitCode !== 0);
    return failed && policy === 'Never' ? 'Failed' : 'Pending';
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of ps.containers) {
    if (c.state === 'running') running++;
    else if (c.state === 'terminated') {
      stopped++;
      if (c.terminated!.exitCode === 0) succeeded++;
    } else if (c.lastTerminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  if (policy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return policy === 'Never' ? 'Failed' : 'Running';
}

const terminatedStatus = (t: Termination, iso: (ms: number) => string) => ({
  ...(t.containerID ? { containerID: t.containerID } : {}),
  exitCode: t.exitCode,
  finishedAt: iso(t.finishedAt),
  ...(t.message ? { message: t.message } : {}),
  reason: t.reason,
  startedAt: iso(t.startedAt ?? t.finishedAt),
});

function containerStatus(c: ContainerState, iso: (ms: number) => string): any {
  let state: any;
  if (c.state === 'running') state = { running: { startedAt: iso(c.startedAt!) } };
  else if (c.state === 'terminated') state = { terminated: terminatedStatus(c.terminated!, iso) };
  else
    state = {
      waiting: { ...(c.message ? { message: c.message } : {}), reason: c.reason ?? 'ContainerCreating' },
    };
  const image = String(c.spec.image ?? '');
  return {
    ...(c.containerID ? { containerID: c.containerID } : {}),
    image: c.imageID ? normalizeImage(image) : image,
    imageID: c.imageID ?? '',
    lastState: c.lastTerminated ? { terminated: terminatedStatus(c.lastTerminated, iso) } : {},
    name: c.name,
    ready: c.init ? isCompleted(c) : c.ready,
    restartCount: c.restartCount,
    started: c.state === 'running' && c.started,
    state,
  };
}

/** The complete pod status a kubelet would post for this state. */
export function buildPodStatus(
  pod: KubeObject,
  ps: PodState,
  hostIP: string | undefined,
  clock: SimClock,
): any {
  const iso = (ms: number) => clock.iso(ms);
  const now = clock.iso();
  const previous = pod.status ?? {};
  const phase = podPhase(pod, ps);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const unready = ps.containers.filter((c) => !c.ready).map((c) => c.name);
  const uninitialized = ps.initContainers.filter((c) => !isCompleted(c)).map((c) => c.name);
  const want: Condition[] = [
    { type: 'PodReadyToStartContainers', status: ps.sandboxReady && !terminal ? 'True' : 'False' },
    uninitialized.length
      ? {
          type: 'Initialized',
          status: 'False',
          reason: 'ContainersNotInitialized',
          message: `containers with incomplete status: [${uninitialized.join(' ')}]`,
        }
      : { type: 'Initialized', status: 'True' },
  ];
  for (const type of ['Ready', 'ContainersReady']) {
    if (terminal) want.push({ type, status: 'False', reason: 'PodCompleted' });
    else if (unready.length)
      want.push({
        type,
        status: 'False',
        reason: 'ContainersNotReady',
        message: `containers with unready status: [${unready.join(' ')}]`,
      });
    else want.push({ type, status: 'True' });
  }
  want.push({ type: 'PodScheduled', status: 'True' });
  if (ps.evicted)
    want.push({
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'TerminationByKubelet',
      message: ps.evicted,
    });
  let conditions: Condition[] = previous.conditions ?? [];
  for (const c of want) {
    const next = {
      type: c.type,
      status: c.status,
      lastProbeTime: null,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
    };
    conditions = setCondition(conditions, next, now);
  }
  conditions = [
    ...MANAGED.map((type) => conditions.find((c) => c.type === type)).filter(
      (c): c is Condition => c !== undefined,
    ),
    ...conditions.filter((c) => !MANAGED.includes(c.type)),
  ];
  const ip = pod.spec?.hostNetwork ? hostIP : ps.podIP;
  const status: any = {
    phase,
    conditions,
    ...(hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
    ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
    ...(ps.startTime !== undefined ? { startTime: iso(ps.startTime) } : {}),
  };
  if (ps.initContainers.length)
    status.initContainerStatuses = ps.initContainers.map((c) => containerStatus(c, iso));
  status.containerStatuses = ps.containers
    .map((c) => containerStatus(c, iso))
    .sort((a: any, b: any) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  status.qosClass = previous.qosClass ?? qosClass(pod.spec);
  if (ps.evicted) {
    status.reason = 'Evicted';
    status.message = ps.evicted;
  }
  return status;
}

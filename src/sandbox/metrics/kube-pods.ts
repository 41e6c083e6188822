import { parseQuantity } from '../../kube/quantity.ts';
import type { KubeObject } from '../core/types.ts';
import { type Collector, STATUSES, seconds, statusValue } from './context.ts';
import { formatValue, labels, type MetricType } from './exposition.ts';

const PHASES = ['Pending', 'Succeeded', 'Failed', 'Running', 'Unknown'];
const POD_REASONS = ['Evicted', 'NodeAffinity', 'NodeLost', 'Shutdown', 'UnexpectedAdmissionError'];
const RESOURCES: [string, string, string][] = [
  ['cpu', 'cpu', 'core'],
  ['memory', 'memory', 'byte'],
  ['ephemeral-storage', 'ephemeral_storage', 'byte'],
];

const FAMILIES = [
  ['kube_pod_info', 'gauge', 'Information about pod.'],
  ['kube_pod_owner', 'gauge', "Information about the Pod's owner."],
  ['kube_pod_created', 'gauge', 'Unix creation timestamp'],
  ['kube_pod_start_time', 'gauge', 'Start time in unix timestamp for a pod.'],
  ['kube_pod_deletion_timestamp', 'gauge', 'Unix deletion timestamp'],
  ['kube_pod_status_phase', 'gauge', 'The pods current phase.'],
  ['kube_pod_status_ready', 'gauge', 'Describes whether the pod is ready to serve requests.'],
  ['kube_pod_status_scheduled', 'gauge', 'Describes the status of the scheduling process for the pod.'],
  ['kube_pod_status_reason', 'gauge', 'The pod status reasons'],
  [
    'kube_pod_spec_volumes_persistentvolumeclaims_info',
    'gauge',
    'Information about persistentvolumeclaim volumes in a pod.',
  ],
  ['kube_pod_container_info', 'gauge', 'Information about a container in a pod.'],
  ['kube_pod_container_status_ready', 'gauge', 'Describes whether the containers readiness check succeeded.'],
  [
    'kube_pod_container_status_running',
    'gauge',
    'Describes whether the container is currently in running state.',
  ],
  [
    'kube_pod_container_status_waiting',
    'gauge',
    'Describes whether the container is currently in waiting state.',
  ],
  [
    'kube_pod_container_status_terminated',
    'gauge',
    'Describes whether the container is currently in terminated state.',
  ],
  ['kube_pod_container_status_restarts_total', 'counter', 'The number of container restarts per container.'],
  [
    'kube_pod_container_status_waiting_reason',
    'gauge',
    'Describes the reason the container is currently in waiting state.',
  ],
  [
    'kube_pod_container_status_terminated_reason',
    'gauge',
    'Describes the reason the container is currently in terminated state.',
  ],
  [
    'kube_pod_container_status_last_terminated_reason',
    'gauge',
    'Describes the last reason the container was in terminated state.',
  ],
  [
    'kube_pod_container_status_last_terminated_exitcode',
    'gauge',
    'Describes the exit code for the last container in terminated state.',
  ],
  [
    'kube_pod_container_status_last_terminated_timestamp',
    'gauge',
    'Last terminated time for a pod container in unix timestamp.',
  ],
  [
    'kube_pod_container_resource_requests',
    'gauge',
    'The number of requested request resource by a container.',
  ],
  ['kube_pod_container_resource_limits', 'gauge', 'The number of requested limit resource by a container.'],
] as const satisfies readonly (readonly [string, MetricType, string])[];

type Family = (typeof FAMILIES)[number][0];
const INDEX = new Map<string, number>(FAMILIES.map(([name], i) => [name, i]));

/** Every kube-state-metrics line of one pod, per family: a pure function of the pod object. */
function podLines(pod: KubeObject): string[][] {
  const out: string[][] = FAMILIES.map(() => []);
  const add = (family: Family, labelText: string, value: number) =>
    out[INDEX.get(family)!].push(`${family}{${labelText}} ${formatValue(value)}`);
  const { metadata, spec = {}, status = {} } = pod;
  const base = labels({ namespace: metadata.namespace, pod: metadata.name, uid: metadata.uid });
  const node = spec.nodeName ?? '';
  const controller = metadata.ownerReferences?.find((o) => o.controller) ?? metadata.ownerReferences?.[0];
  add(
    'kube_pod_info',
    `${base},${labels({
      host_ip: status.hostIP ?? '',
      pod_ip: status.podIP ?? '',
      node,
      created_by_kind: controller?.kind ?? '<none>',
      created_by_name: controller?.name ?? '<none>',
      priority_class: spec.priorityClassName ?? '',
      host_network: spec.hostNetwork ? 'true' : 'false',
    })}`,
    1,
  );
  add(
    'kube_pod_owner',
    `${base},${labels({
      owner_kind: controller?.kind ?? '<none>',
      owner_name: controller?.name ?? '<none>',
      owner_is_controller: controller ? String(!!controller.controller) : '<none>',
    })}`,
    1,
  );
  const created = seconds(metadata.creationTimestamp);
  if (created !== undefined) add('kube_pod_created', base, created);
  const started = seconds(status.startTime);
  if (started !== undefined) add('kube_pod_start_time', base, started);
  const deleted = seconds(metadata.deletionTimestamp);
  if (deleted !== undefined) add('kube_pod_deletion_timestamp', base, deleted);
  for (const p of PHASES) add('kube_pod_status_phase', `${base},phase="${p}"`, status.phase === p ? 1 : 0);
  const conditions = status.conditions ?? [];
  const ready = conditions.find((c: any) => c.type === 'Ready');
  if (ready)
    for (const s of STATUSES)
      add('kube_pod_status_ready', `${base},condition="${s}"`, statusValue(ready.status, s));
  const scheduled = conditions.find((c: any) => c.type === 'PodScheduled');
  if (scheduled) {
    for (const s of STATUSES)
      add('kube_pod_status_scheduled', `${base},condition="${s}"`, statusValue(scheduled.status, s));
  }
  for (const r of POD_REASONS)
    add('kube_pod_status_reason', `${base},reason="${r}"`, status.reason === r ? 1 : 0);
  for (const v of spec.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (claim) {
      add(
        'kube_pod_spec_volumes_persistentvolumeclaims_info',
        `${base},${labels({ volume: v.name, persistentvolumeclaim: claim })}`,
        1,
      );
    }
  }
  const statuses = new Map<string, any>((status.containerStatuses ?? []).map((s: any) => [s.name, s]));
  for (const c of spec.containers ?? []) {
    const cs = statuses.get(c.name);
    const cl = `${base},${labels({ container: c.name })}`;
    add(
      'kube_pod_container_info',
      `${cl},${labels({ image_spec: c.image, image: cs?.image ?? c.image, image_id: cs?.imageID ?? '', container_id: cs?.containerID ?? '' })}`,
      1,
    );
    const state = cs?.state ?? {};
    add('kube_pod_container_status_ready', cl, cs?.ready ? 1 : 0);
    add('kube_pod_container_status_running', cl, state.running ? 1 : 0);
    add('kube_pod_container_status_waiting', cl, state.waiting ? 1 : 0);
    add('kube_pod_container_status_terminated', cl, state.terminated ? 1 : 0);
    add('kube_pod_container_status_restarts_total', cl, cs?.restartCount ?? 0);
    if (state.waiting?.reason)
      add('kube_pod_container_status_waiting_reason', `${cl},${labels({ reason: state.waiting.reason })}`, 1);
    if (state.terminated?.reason) {
      add(
        'kube_pod_container_status_terminated_reason',
        `${cl},${labels({ reason: state.terminated.reason })}`,
        1,
      );
    }
    const last = cs?.lastState?.terminated;
    if (last) {
      add(
        'kube_pod_container_status_last_terminated_reason',
        `${cl},${labels({ reason: last.reason ?? 'Unknown' })}`,
        1,
      );
      add('kube_pod_container_status_last_terminated_exitcode', cl, last.exitCode ?? 0);
      const finished = seconds(last.finishedAt);
      if (finished !== undefined) add('kube_pod_container_status_last_terminated_timestamp', cl, finished);
    }
    const withNode = `${cl},${labels({ node })}`;
    for (const [key, resource, unit] of RESOURCES) {
      const req = parseQuantity(c.resources?.requests?.[key]);
      if (req !== undefined)
        add('kube_pod_container_resource_requests', `${withNode},resource="${resource}",unit="${unit}"`, req);
      const lim = parseQuantity(c.resources?.limits?.[key]);
      if (lim !== undefined)
        add('kube_pod_container_resource_limits', `${withNode},resource="${resource}",unit="${unit}"`, lim);
    }
  }
  return out;
}

/** kube-state-metrics pod and container series; each pod's lines are rebuilt only when the pod changes. */
export const kubePods: Collector = {
  name: 'kube-state-metrics/pods',
  collect(ctx, out) {
    const families = FAMILIES.map(([name, type, help]) => out.lines(name, type, help));
    for (const pod of ctx.pods) {
      // One flat block per family and pod: joining 10,000 of them is far cheaper than 300,000 lines.
      const blocks = ctx.counters.memo(`ksm/pod/${pod.metadata.uid}`, pod.metadata.resourceVersion, () =>
        podLines(pod).map((lines) => lines.join('\n')),
      );
      for (let i = 0; i < blocks.length; i++) if (blocks[i]) families[i].push(blocks[i]);
    }
  },
};

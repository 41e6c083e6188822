import { age } from '../../k8s/age.ts';
import type { NodeSummary } from '../../k8s/nodes.ts';
import type { PodSummary } from '../../k8s/pods.ts';
import type { Container, ContainerStatus, KubeNode, Pod } from '../../k8s/wire.ts';
import type { Workload, WorkloadSummary } from '../../k8s/workloads.ts';
import { fields } from '../format/table.ts';

const labels = (l: Record<string, string> | undefined) =>
  Object.entries(l ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

const resources = (c: Container) => {
  const r = c.resources ?? {};
  const part = (what: string, v?: Record<string, string>) =>
    v && Object.keys(v).length
      ? `${what} ${Object.entries(v)
          .map(([k, x]) => `${k}=${x}`)
          .join(' ')}`
      : undefined;
  return (
    [part('requests', r.requests), part('limits', r.limits)].filter(Boolean).join(', ') ||
    'no requests or limits'
  );
};

function containerState(s: ContainerStatus | undefined): string {
  if (!s?.state) return 'no status yet';
  const { waiting, running, terminated } = s.state;
  if (waiting)
    return `Waiting (${waiting.reason ?? 'unknown'})${waiting.message ? `: ${waiting.message}` : ''}`;
  if (terminated)
    return `Terminated (${terminated.reason ?? `exit ${terminated.exitCode}`}, exit code ${terminated.exitCode})`;
  return running ? `Running since ${running.startedAt ?? '?'}` : 'unknown';
}

function containerLines(c: Container, s: ContainerStatus | undefined): string[] {
  const lines = [
    `  ${c.name}: ${c.image ?? ''}`,
    `    state: ${containerState(s)}, ready: ${s?.ready ?? false}, restarts: ${s?.restartCount ?? 0}`,
  ];
  const last = s?.lastState?.terminated;
  if (last)
    lines.push(
      `    last terminated: ${last.reason ?? 'Error'}, exit code ${last.exitCode}${last.finishedAt ? ` at ${last.finishedAt}` : ''}`,
    );
  lines.push(`    resources: ${resources(c)}`);
  const probes = [
    c.livenessProbe && 'liveness',
    c.readinessProbe && 'readiness',
    c.startupProbe && 'startup',
  ].filter(Boolean);
  if (probes.length) lines.push(`    probes: ${probes.join(', ')}`);
  return lines;
}

/** Like `kubectl describe pod`, without the events (events_list has them). */
export function describePod(pod: Pod, s: PodSummary): string {
  const statuses = pod.status?.containerStatuses ?? [];
  const inits = pod.status?.initContainerStatuses ?? [];
  const conditions = (pod.status?.conditions ?? []).map(
    (c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}`,
  );
  const volumes = (pod.spec?.volumes ?? []).map((v) => {
    const source = v.persistentVolumeClaim
      ? `pvc ${v.persistentVolumeClaim.claimName}`
      : v.configMap
        ? `configMap ${v.configMap.name}`
        : v.secret
          ? `secret ${v.secret.secretName}`
          : v.emptyDir
            ? 'emptyDir'
            : (Object.keys(v).find((k) => k !== 'name') ?? '?');
    return `${v.name} (${source})`;
  });
  return [
    fields([
      ['Pod', `${s.namespace}/${s.name}`],
      ['Status', `${s.status}, ready ${s.ready}/${s.containers}, restarts ${s.restarts}`],
      ['Message', pod.status?.message],
      ['Node', s.node],
      ['IP', s.ip],
      ['Age', age(s.createdAt)],
      ['Controlled by', s.owner],
      ['Labels', labels(pod.metadata?.labels)],
      ['QoS', pod.status?.qosClass],
    ]),
    ...(inits.length
      ? [
          'Init containers:',
          ...(pod.spec?.initContainers ?? []).flatMap((c) =>
            containerLines(
              c,
              inits.find((x) => x.name === c.name),
            ),
          ),
        ]
      : []),
    'Containers:',
    ...(pod.spec?.containers ?? []).flatMap((c) =>
      containerLines(
        c,
        statuses.find((x) => x.name === c.name),
      ),
    ),
    `Conditions: ${conditions.join(', ') || 'none'}`,
    ...(volumes.length ? [`Volumes: ${volumes.join(', ')}`] : []),
  ].join('\n');
}

/** Like `kubectl describe deployment`, compact. */
export function describeWorkload(obj: Workload, s: WorkloadSummary): string {
  const spec = (obj.spec ?? {}) as Record<string, any>;
  const conditions = (
    (obj.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] })
      ?.conditions ?? []
  ).map(
    (c) => `  ${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}${c.message ? `: ${c.message}` : ''}`,
  );
  const strategy = spec.strategy?.type ?? spec.updateStrategy?.type;
  return [
    fields([
      [s.kind, `${s.namespace}/${s.name}`],
      [
        'Replicas',
        `${s.desired} desired, ${s.ready} ready, ${s.upToDate} up to date, ${s.available} available`,
      ],
      ['Revision', s.revision],
      ['Paused', s.paused ? 'yes' : undefined],
      ['Strategy', strategy],
      ['Selector', labels(spec.selector?.matchLabels)],
      ['Age', age(s.createdAt)],
      ['Labels', labels(obj.metadata?.labels)],
    ]),
    'Containers:',
    ...((spec.template?.spec?.containers ?? []) as Container[]).map(
      (c) => `  ${c.name}: ${c.image}; ${resources(c)}`,
    ),
    ...(conditions.length ? ['Conditions:', ...conditions] : []),
  ].join('\n');
}

/** Like `kubectl describe node`, with the pods it runs. */
export function describeNode(node: KubeNode, s: NodeSummary, pods: PodSummary[]): string {
  const conditions = (node.status?.conditions ?? []).map(
    (c) => `  ${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}${c.message ? `: ${c.message}` : ''}`,
  );
  const res = (v?: Record<string, string>) =>
    v ? `cpu ${v.cpu ?? '?'}, memory ${v.memory ?? '?'}, pods ${v.pods ?? '?'}` : '?';
  return [
    fields([
      ['Node', s.name],
      ['Status', `${s.ready}${s.schedulable ? '' : ', SchedulingDisabled (cordoned)'}`],
      ['Roles', s.roles.join(',')],
      ['Version', s.version],
      ['Internal IP', s.internalIP],
      ['Age', age(s.createdAt)],
      ['Taints', s.taints.join(', ')],
      ['Capacity', res(node.status?.capacity)],
      ['Allocatable', res(node.status?.allocatable)],
      ['Labels', labels(node.metadata?.labels)],
    ]),
    'Conditions:',
    ...conditions,
    `Pods (${pods.length}):`,
    ...pods.map((p) => `  ${p.namespace}/${p.name} ${p.status} ${p.ready}/${p.containers}`),
  ].join('\n');
}

import { parseQuantity } from '../../kube/quantity.ts';
import { rt } from '../core/resources.ts';
import { type Collector, type MetricsContext, STATUSES, seconds, statusValue } from './context.ts';
import { type Exposition, labels } from './exposition.ts';

const NODE_RESOURCES: [string, string, string][] = [
  ['cpu', 'cpu', 'core'],
  ['memory', 'memory', 'byte'],
  ['pods', 'pods', 'integer'],
  ['ephemeral-storage', 'ephemeral_storage', 'byte'],
];

function nodes(ctx: MetricsContext, out: Exposition): void {
  const info = out.family('kube_node_info', 'gauge', 'Information about a cluster node.');
  const created = out.family('kube_node_created', 'gauge', 'Unix creation timestamp');
  const unschedulable = out.family(
    'kube_node_spec_unschedulable',
    'gauge',
    'Whether a node can schedule new pods.',
  );
  const taint = out.family('kube_node_spec_taint', 'gauge', 'The taint of a cluster node.');
  const condition = out.family('kube_node_status_condition', 'gauge', 'The condition of a cluster node.');
  const capacity = out.family(
    'kube_node_status_capacity',
    'gauge',
    'The capacity for different resources of a node.',
  );
  const allocatable = out.family(
    'kube_node_status_allocatable',
    'gauge',
    'The allocatable for different resources of a node that are available for scheduling.',
  );
  for (const n of ctx.store.list(rt('Node'))) {
    const node = labels({ node: n.metadata.name });
    const i = n.status?.nodeInfo ?? {};
    const ip = (n.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address ?? '';
    info(
      `${node},${labels({
        kernel_version: i.kernelVersion ?? '',
        os_image: i.osImage ?? '',
        container_runtime_version: i.containerRuntimeVersion ?? '',
        kubelet_version: i.kubeletVersion ?? '',
        kubeproxy_version: i.kubeProxyVersion ?? '',
        provider_id: n.spec?.providerID ?? '',
        pod_cidr: n.spec?.podCIDR ?? '',
        system_uuid: i.systemUUID ?? '',
        internal_ip: ip,
      })}`,
      1,
    );
    const createdAt = seconds(n.metadata.creationTimestamp);
    if (createdAt !== undefined) created(node, createdAt);
    unschedulable(node, n.spec?.unschedulable ? 1 : 0);
    for (const t of n.spec?.taints ?? [])
      taint(`${node},${labels({ key: t.key, value: t.value ?? '', effect: t.effect })}`, 1);
    for (const c of n.status?.conditions ?? []) {
      for (const s of STATUSES)
        condition(`${node},${labels({ condition: c.type, status: s })}`, statusValue(c.status, s));
    }
    for (const [key, resource, unit] of NODE_RESOURCES) {
      const cap = parseQuantity(n.status?.capacity?.[key]);
      if (cap !== undefined) capacity(`${node},resource="${resource}",unit="${unit}"`, cap);
      const alloc = parseQuantity(n.status?.allocatable?.[key]);
      if (alloc !== undefined) allocatable(`${node},resource="${resource}",unit="${unit}"`, alloc);
    }
  }
}

function namespaces(ctx: MetricsContext, out: Exposition): void {
  const phase = out.family('kube_namespace_status_phase', 'gauge', 'kubernetes namespace status phase.');
  const created = out.family('kube_namespace_created', 'gauge', 'Unix creation timestamp');
  for (const ns of ctx.store.list(rt('Namespace'))) {
    const l = labels({ namespace: ns.metadata.name });
    const current = ns.status?.phase ?? 'Active';
    for (const p of ['Active', 'Terminating']) phase(`${l},phase="${p}"`, current === p ? 1 : 0);
    const at = seconds(ns.metadata.creationTimestamp);
    if (at !== undefined) created(l, at);
  }
}

function services(ctx: MetricsContext, out: Exposition): void {
  const info = out.family('kube_service_info', 'gauge', 'Information about service.');
  const type = out.family('kube_service_spec_type', 'gauge', 'Type about service.');
  for (const s of ctx.store.list(rt('Service'))) {
    const l = labels({ namespace: s.metadata.namespace, service: s.metadata.name, uid: s.metadata.uid });
    info(
      `${l},${labels({ cluster_ip: s.spec?.clusterIP ?? '', external_name: s.spec?.externalName ?? '', load_balancer_ip: s.spec?.loadBalancerIP ?? '' })}`,
      1,
    );
    type(`${l},${labels({ type: s.spec?.type ?? 'ClusterIP' })}`, 1);
  }
  const available = out.family(
    'kube_endpoint_address_available',
    'gauge',
    'Number of addresses available in endpoint.',
  );
  const notReady = out.family(
    'kube_endpoint_address_not_ready',
    'gauge',
    'Number of addresses not ready in endpoint',
  );
  for (const e of ctx.store.list(rt('Endpoints'))) {
    const l = labels({ namespace: e.metadata.namespace, endpoint: e.metadata.name });
    const subsets = (e.subsets as any[] | undefined) ?? [];
    available(
      l,
      subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0),
    );
    notReady(
      l,
      subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0),
    );
  }
}

function storage(ctx: MetricsContext, out: Exposition): void {
  const info = out.family(
    'kube_persistentvolumeclaim_info',
    'gauge',
    'Information about persistent volume claim.',
  );
  const phase = out.family(
    'kube_persistentvolumeclaim_status_phase',
    'gauge',
    'The phase the persistent volume claim is currently in.',
  );
  const requested = out.family(
    'kube_persistentvolumeclaim_resource_requests_storage_bytes',
    'gauge',
    'The capacity of storage requested by the persistent volume claim.',
  );
  const access = out.family(
    'kube_persistentvolumeclaim_access_mode',
    'gauge',
    'The access mode(s) specified by the persistent volume claim.',
  );
  for (const c of ctx.store.list(rt('PersistentVolumeClaim'))) {
    const l = labels({ namespace: c.metadata.namespace, persistentvolumeclaim: c.metadata.name });
    info(
      `${l},${labels({ storageclass: c.spec?.storageClassName ?? '', volumename: c.spec?.volumeName ?? '', volumemode: c.spec?.volumeMode ?? 'Filesystem' })}`,
      1,
    );
    for (const p of ['Lost', 'Bound', 'Pending'])
      phase(`${l},phase="${p}"`, (c.status?.phase ?? 'Pending') === p ? 1 : 0);
    const bytes = parseQuantity(c.spec?.resources?.requests?.storage);
    if (bytes !== undefined) requested(l, bytes);
    for (const m of c.spec?.accessModes ?? []) access(`${l},${labels({ access_mode: m })}`, 1);
  }
  const pvPhase = out.family(
    'kube_persistentvolume_status_phase',
    'gauge',
    'The phase indicates if a volume is available, bound to a claim, or released by a claim.',
  );
  const pvCapacity = out.family(
    'kube_persistentvolume_capacity_bytes',
    'gauge',
    'Persistentvolume capacity in bytes.',
  );
  const pvClaim = out.family(
    'kube_persistentvolume_claim_ref',
    'gauge',
    'Information about the Persistent Volume Claim Reference.',
  );
  for (const v of ctx.store.list(rt('PersistentVolume'))) {
    const l = labels({ persistentvolume: v.metadata.name });
    for (const p of ['Pending', 'Available', 'Bound', 'Released', 'Failed'])
      pvPhase(`${l},phase="${p}"`, (v.status?.phase ?? 'Pending') === p ? 1 : 0);
    const bytes = parseQuantity(v.spec?.capacity?.storage);
    if (bytes !== undefined) pvCapacity(l, bytes);
    const ref = v.spec?.claimRef;
    if (ref) pvClaim(`${l},${labels({ name: ref.name, claim_namespace: ref.namespace })}`, 1);
  }
}

function policies(ctx: MetricsContext, out: Exposition): void {
  const quota = out.family('kube_resourcequota', 'gauge', 'Information about resource quota.');
  for (const q of ctx.store.list(rt('ResourceQuota'))) {
    const base = labels({ namespace: q.metadata.namespace, resourcequota: q.metadata.name });
    for (const type of ['hard', 'used'] as const) {
      for (const [resource, value] of Object.entries(
        q.status?.[type] ?? (type === 'hard' ? (q.spec?.hard ?? {}) : {}),
      )) {
        const parsed = parseQuantity(value);
        if (parsed !== undefined) quota(`${base},${labels({ resource, type })}`, parsed);
      }
    }
  }
  const pdbs = ctx.store.list(rt('PodDisruptionBudget'));
  for (const [suffix, field, help] of [
    ['status_current_healthy', 'currentHealthy', 'Current number of healthy pods'],
    ['status_desired_healthy', 'desiredHealthy', 'Minimum desired number of healthy pods'],
    [
      'status_pod_disruptions_allowed',
      'disruptionsAllowed',
      'Number of pod disruptions that are currently allowed',
    ],
    ['status_expected_pods', 'expectedPods', 'Total number of pods counted by this disruption budget'],
  ]) {
    const sample = out.family(`kube_poddisruptionbudget_${suffix}`, 'gauge', help);
    for (const p of pdbs) {
      const v = p.status?.[field];
      if (v !== undefined)
        sample(labels({ namespace: p.metadata.namespace, poddisruptionbudget: p.metadata.name }), v);
    }
  }
  const ingressInfo = out.family('kube_ingress_info', 'gauge', 'Information about ingress.');
  const ingressTls = out.family('kube_ingress_tls', 'gauge', 'Ingress TLS host and secret information.');
  for (const i of ctx.store.list(rt('Ingress'))) {
    const l = labels({ namespace: i.metadata.namespace, ingress: i.metadata.name });
    ingressInfo(`${l},${labels({ ingressclass: i.spec?.ingressClassName ?? '_default' })}`, 1);
    for (const t of i.spec?.tls ?? [])
      for (const host of t.hosts ?? [])
        ingressTls(`${l},${labels({ tls_host: host, secret: t.secretName ?? '' })}`, 1);
  }
  const secretType = out.family('kube_secret_type', 'gauge', 'Type about secret.');
  for (const s of ctx.store.list(rt('Secret'))) {
    secretType(
      labels({ namespace: s.metadata.namespace, secret: s.metadata.name, type: String(s.type ?? 'Opaque') }),
      1,
    );
  }
}

/** kube-state-metrics series for nodes, namespaces, services, storage and policy objects. */
export const kubeCluster: Collector = {
  name: 'kube-state-metrics/cluster',
  collect(ctx, out) {
    nodes(ctx, out);
    namespaces(ctx, out);
    services(ctx, out);
    storage(ctx, out);
    policies(ctx, out);
  },
};

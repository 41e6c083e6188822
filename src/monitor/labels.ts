/**
 * What an alert's labels say it is about, by the conventions of kube-state-metrics, kube-prometheus
 * rules and cAdvisor: the namespace, the node, the workload (named outright or read off a pod name).
 */
export type Labels = Readonly<Record<string, string>>;

export const namespaceOf = (l: Labels): string | undefined =>
  l.namespace || l.exported_namespace || undefined;

/** Labels that make an alert about something running on a node rather than the node itself. */
const WORKLOAD_LABELS = [
  'pod',
  'container',
  'deployment',
  'statefulset',
  'daemonset',
  'replicaset',
  'job_name',
  'cronjob',
  'persistentvolumeclaim',
  'service',
];

export const nodeOf = (l: Labels): string | undefined => l.node || l.kubernetes_node || undefined;

/** True when the alert is about the node itself (NodeNotReady, KubeletDown, node disk pressure). */
export const isNodeAlert = (l: Labels): boolean =>
  nodeOf(l) !== undefined && !WORKLOAD_LABELS.some((k) => l[k]);

// Kubernetes' name suffixes use this alphabet (no vowels, no 0/1/3): a ReplicaSet hash, then a pod's.
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]';
const DEPLOYMENT_POD = new RegExp(`^(.+)-${SUFFIX}{6,10}-${SUFFIX}{5}$`);
const REPLICASET = new RegExp(`^(.+)-${SUFFIX}{6,10}$`);
const GENERATED_POD = new RegExp(`^(.+)-${SUFFIX}{5}$`);
const STATEFUL_POD = /^(.+)-\d+$/;
const CRONJOB_RUN = /^(.+)-\d{8,}$/;

/** The owning workload's name read off a pod name: `api-7d4b9c6f8-x2x9q` → `api`, `db-0` → `db`. */
export function ownerOfPod(pod: string): string {
  return (
    DEPLOYMENT_POD.exec(pod)?.[1] ??
    STATEFUL_POD.exec(pod)?.[1] ??
    CRONJOB_RUN.exec(GENERATED_POD.exec(pod)?.[1] ?? '')?.[1] ??
    GENERATED_POD.exec(pod)?.[1] ??
    pod
  );
}

/** `namespace/name` of the workload the alert is about, or undefined when it names none. */
export function workloadOf(l: Labels): string | undefined {
  const ns = namespaceOf(l);
  if (!ns) return undefined;
  const name =
    l.deployment ||
    l.statefulset ||
    l.daemonset ||
    (l.cronjob ? l.cronjob : undefined) ||
    (l.job_name ? (CRONJOB_RUN.exec(l.job_name)?.[1] ?? l.job_name) : undefined) ||
    (l.replicaset ? (REPLICASET.exec(l.replicaset)?.[1] ?? l.replicaset) : undefined) ||
    (l.pod ? ownerOfPod(l.pod) : undefined) ||
    // RED metrics carry the Service, which by convention is named after its workload.
    l.service ||
    undefined;
  return name ? `${ns}/${name}` : undefined;
}

/** `KubePodCrashLooping production/api-7d4b9c6f8-x2x9q` — an alert in one line for timelines. */
export function describeAlert(l: Labels): string {
  const name = l.alertname || 'alert';
  const ns = namespaceOf(l);
  const object =
    l.pod ||
    l.deployment ||
    l.statefulset ||
    l.daemonset ||
    l.job_name ||
    l.persistentvolumeclaim ||
    l.service;
  if (object) return `${name} ${ns ? `${ns}/` : ''}${object}`;
  const node = nodeOf(l);
  if (node) return `${name} node ${node}`;
  return ns ? `${name} in ${ns}` : name;
}

import { parseQuantity } from '../../kube/quantity.ts';
import type { KubeObject } from '../core/types.ts';
import { isRecord } from './decode.ts';

type Obj = Record<string, any>;

const records = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** `:latest` or no tag pulls always, as the API server defaults imagePullPolicy. */
function pullPolicyFor(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  if (colon < 0) return 'Always';
  return lastPart.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(probe: unknown): void {
  if (!isRecord(probe)) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (isRecord(probe.httpGet)) probe.httpGet.scheme ??= 'HTTP';
}

function defaultContainer(container: Obj): void {
  container.imagePullPolicy ??= pullPolicyFor(container.image);
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.resources ??= {};
  for (const port of records(container.ports)) port.protocol ??= 'TCP';
  for (const env of records(container.env)) {
    if (isRecord(env.valueFrom) && isRecord(env.valueFrom.fieldRef))
      env.valueFrom.fieldRef.apiVersion ??= 'v1';
  }
  defaultProbe(container.livenessProbe);
  defaultProbe(container.readinessProbe);
  defaultProbe(container.startupProbe);
}

const VOLUME_SOURCES_WITH_MODE = ['configMap', 'secret', 'projected', 'downwardAPI'];

/** Defaults of a PodSpec, in a Pod or in a workload's template. */
export function defaultPodSpec(spec: unknown): void {
  if (!isRecord(spec)) return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of [...records(spec.containers), ...records(spec.initContainers)]) defaultContainer(c);
  for (const volume of records(spec.volumes)) {
    for (const source of VOLUME_SOURCES_WITH_MODE) {
      if (isRecord(volume[source])) volume[source].defaultMode ??= 420;
    }
  }
}

export function defaultPodTemplate(template: unknown): void {
  if (!isRecord(template)) return;
  template.metadata ??= {};
  defaultPodSpec(template.spec);
}

const NOT_READY_TOLERATIONS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];
const QOS_RESOURCES = ['cpu', 'memory'];

/** The QoS class the kubelet and scheduler derive from requests and limits. */
export function qosClassOf(spec: Obj): string {
  const containers = [...records(spec.containers), ...records(spec.initContainers)];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests: Obj = isRecord(c.resources?.requests) ? c.resources.requests : {};
    const limits: Obj = isRecord(c.resources?.limits) ? c.resources.limits : {};
    for (const r of QOS_RESOURCES) {
      const req = parseQuantity(requests[r]);
      const lim = parseQuantity(limits[r]);
      if (req || lim) any = true;
      if (!lim || (req !== undefined && req !== lim)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Pod defaults: the PodSpec's plus what admission adds on a real cluster (service account, tolerations, priority). */
export function defaultPod(pod: KubeObject): void {
  if (!isRecord(pod.spec)) return;
  const spec = pod.spec as Obj;
  defaultPodSpec(spec);
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.enableServiceLinks ??= true;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  for (const c of [...records(spec.containers), ...records(spec.initContainers)]) {
    // requests default to limits for resources with only a limit
    const resources: Obj | undefined = isRecord(c.resources) ? c.resources : undefined;
    if (!resources || !isRecord(resources.limits)) continue;
    const requests: Obj = isRecord(resources.requests) ? resources.requests : {};
    for (const [name, limit] of Object.entries(resources.limits)) requests[name] ??= limit;
    resources.requests = requests;
  }
  const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  for (const key of NOT_READY_TOLERATIONS) {
    const tolerated = tolerations.some(
      (t: unknown) => isRecord(t) && (t.key === key || (t.key === undefined && t.operator === 'Exists')),
    );
    if (!tolerated)
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
  pod.status = isRecord(pod.status) ? pod.status : {};
  pod.status.phase ??= 'Pending';
  pod.status.qosClass ??= qosClassOf(spec);
}

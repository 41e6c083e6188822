import type { K8sObject } from './shapes.ts';

/** Cluster-scoped kinds the diagnosis reads; everything else lives in a namespace. */
const CLUSTER_KINDS = new Set([
  'Node',
  'Namespace',
  'PersistentVolume',
  'StorageClass',
  'IngressClass',
  'NodeMetrics',
]);

/**
 * The cluster DNS is part of every scope: an application's lookup errors are explained by CoreDNS,
 * wherever it runs. It is found by the labels Kubernetes gives it, not by name.
 */
const isClusterDns = (obj: K8sObject): boolean =>
  obj.metadata.namespace === 'kube-system' &&
  (obj.metadata.labels?.['k8s-app'] === 'kube-dns' ||
    obj.spec?.selector?.['k8s-app'] === 'kube-dns' ||
    obj.spec?.selector?.matchLabels?.['k8s-app'] === 'kube-dns' ||
    (obj.kind === 'Endpoints' && obj.metadata.name === 'kube-dns'));

export function inScope(obj: K8sObject, namespaces: readonly string[] | 'all'): boolean {
  if (namespaces === 'all' || CLUSTER_KINDS.has(obj.kind)) return true;
  const ns = obj.metadata.namespace ?? 'default';
  return namespaces.includes(ns) || isClusterDns(obj) || (obj.kind === 'Event' && isClusterDnsEvent(obj));
}

const isClusterDnsEvent = (e: K8sObject) =>
  e.metadata.namespace === 'kube-system' &&
  /^(coredns|kube-dns)/.test(String((e.involvedObject as { name?: string })?.name ?? ''));

import { rt } from '../core/resources.ts';
import type { ObjectStore } from '../core/store.ts';
import { badRequest, FaultError, type Target, type TargetKind } from './types.ts';

const ALIASES: Record<string, TargetKind> = {
  deployment: 'deployment',
  deployments: 'deployment',
  deploy: 'deployment',
  statefulset: 'statefulset',
  statefulsets: 'statefulset',
  sts: 'statefulset',
  daemonset: 'daemonset',
  daemonsets: 'daemonset',
  ds: 'daemonset',
  node: 'node',
  nodes: 'node',
  no: 'node',
  pvc: 'pvc',
  persistentvolumeclaim: 'pvc',
  persistentvolumeclaims: 'pvc',
  secret: 'secret',
  secrets: 'secret',
  service: 'service',
  services: 'service',
  svc: 'service',
  ingress: 'ingress',
  ingresses: 'ingress',
  ing: 'ingress',
};

const KINDS: Record<TargetKind, { kind: string; resource: string }> = {
  deployment: { kind: 'Deployment', resource: 'deployments.apps' },
  statefulset: { kind: 'StatefulSet', resource: 'statefulsets.apps' },
  daemonset: { kind: 'DaemonSet', resource: 'daemonsets.apps' },
  node: { kind: 'Node', resource: 'nodes' },
  pvc: { kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims' },
  secret: { kind: 'Secret', resource: 'secrets' },
  service: { kind: 'Service', resource: 'services' },
  ingress: { kind: 'Ingress', resource: 'ingresses.networking.k8s.io' },
};

export const kindOf = (kind: TargetKind) => KINDS[kind].kind;

/** Parses `kind/name` and finds the object; 400 for a malformed or unsupported target, 404 when missing. */
export function resolveTarget(
  store: ObjectStore,
  type: string,
  accepted: TargetKind[],
  target: unknown,
  namespace: string,
): Target {
  if (typeof target !== 'string' || !/^[A-Za-z.]+\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(target)) {
    throw badRequest(
      `target must look like "kind/name" (e.g. "${accepted[0]}/my-app"); ${type} accepts ${accepted.join(', ')}`,
    );
  }
  const [rawKind, name] = target.split('/');
  const kind = ALIASES[rawKind.toLowerCase()];
  if (!kind || !accepted.includes(kind)) {
    throw badRequest(
      `${type} cannot target a ${rawKind}: it accepts ${accepted.map((k) => `${k}/NAME`).join(', ')}`,
    );
  }
  const { kind: k, resource } = KINDS[kind];
  const namespaced = kind !== 'node';
  const object = store.get(rt(k), namespaced ? namespace : undefined, name);
  if (!object) {
    throw new FaultError(
      404,
      `${resource} "${name}" not found${namespaced ? ` in namespace "${namespace}"` : ''}`,
    );
  }
  return { kind, namespace: namespaced ? namespace : undefined, name, object };
}

export const describeTarget = (t: Target) => `${t.kind}/${t.name}`;

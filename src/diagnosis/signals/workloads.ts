import type { Evidence } from '../evidence/evidence.ts';
import type { Container, K8sObject } from '../evidence/shapes.ts';
import type { ObjectRef } from '../types.ts';

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export interface ReplicaCounts {
  desired: number;
  ready: number;
  available: number;
  updated?: number;
}

/** Desired, ready and available replicas of a workload as its status reports them. */
export function replicaCounts(ev: Evidence, ref: ObjectRef): ReplicaCounts | undefined {
  const obj = ev.get(ref.kind, ref.namespace, ref.name);
  if (!obj) return undefined;
  const s = obj.status ?? {};
  if (ref.kind === 'DaemonSet') {
    return {
      desired: s.desiredNumberScheduled ?? 0,
      ready: s.numberReady ?? 0,
      available: s.numberAvailable ?? s.numberReady ?? 0,
      updated: s.updatedNumberScheduled,
    };
  }
  if (ref.kind === 'Deployment' || ref.kind === 'StatefulSet' || ref.kind === 'ReplicaSet') {
    const ready = s.readyReplicas ?? 0;
    return {
      desired: obj.spec?.replicas ?? 1,
      ready,
      available: s.availableReplicas ?? ready,
      updated: s.updatedReplicas,
    };
  }
  return undefined;
}

const revisionOf = (rs: K8sObject): number => Number(rs.metadata.annotations?.[REVISION] ?? 0);

/** A Deployment's ReplicaSets, oldest revision first. */
export function replicaSetsOf(ev: Evidence, deployment: K8sObject): K8sObject[] {
  return ev
    .list('ReplicaSet', deployment.metadata.namespace)
    .filter((rs) =>
      (rs.metadata.ownerReferences ?? []).some(
        (o) => o.kind === 'Deployment' && o.name === deployment.metadata.name,
      ),
    )
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}

export interface Release {
  current: K8sObject;
  previous?: K8sObject;
  revision: number;
  changeCause?: string;
  /** What the new revision changed, one phrase each: `image api: x:1.8.2 → x:1.8.3`. */
  changes: string[];
}

/** The Deployment's latest revision and what it changed from the one before. */
export function latestRelease(ev: Evidence, deployment: K8sObject): Release | undefined {
  const sets = replicaSetsOf(ev, deployment);
  const current = sets[sets.length - 1];
  if (!current) return undefined;
  const previous = sets.length > 1 ? sets[sets.length - 2] : undefined;
  const changeCause =
    current.metadata.annotations?.[CHANGE_CAUSE] ?? deployment.metadata.annotations?.[CHANGE_CAUSE];
  return {
    current,
    previous,
    revision: revisionOf(current),
    changeCause,
    changes: previous ? templateChanges(previous, current) : [],
  };
}

const containersIn = (obj: K8sObject): Container[] => obj.spec?.template?.spec?.containers ?? [];

/** How a pod template changed between two ReplicaSets: images, env, resources, commands. */
function templateChanges(before: K8sObject, after: K8sObject): string[] {
  const out: string[] = [];
  const old = new Map(containersIn(before).map((c) => [c.name, c]));
  for (const c of containersIn(after)) {
    const o = old.get(c.name);
    if (!o) {
      out.push(`container ${c.name} added`);
      continue;
    }
    if (o.image !== c.image) out.push(`image of ${c.name}: ${o.image} → ${c.image}`);
    const oldEnv = new Map((o.env ?? []).map((e) => [e.name, envText(e)]));
    const newEnv = new Map((c.env ?? []).map((e) => [e.name, envText(e)]));
    for (const [name, value] of newEnv) {
      if (!oldEnv.has(name)) out.push(`env ${name}=${value} added to ${c.name}`);
      else if (oldEnv.get(name) !== value)
        out.push(`env ${name} of ${c.name}: ${oldEnv.get(name)} → ${value}`);
    }
    for (const name of oldEnv.keys()) if (!newEnv.has(name)) out.push(`env ${name} removed from ${c.name}`);
    if (JSON.stringify(o.resources ?? {}) !== JSON.stringify(c.resources ?? {})) {
      out.push(
        `resources of ${c.name}: ${JSON.stringify(o.resources ?? {})} → ${JSON.stringify(c.resources ?? {})}`,
      );
    }
    if (JSON.stringify([o.command, o.args]) !== JSON.stringify([c.command, c.args]))
      out.push(`command/args of ${c.name} changed`);
  }
  return out;
}

const envText = (e: { value?: string; valueFrom?: unknown }) =>
  e.value !== undefined ? e.value : e.valueFrom ? `(from ${Object.keys(e.valueFrom as object)[0]})` : '';

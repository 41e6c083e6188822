import { parseQuantity } from '../../kube/quantity.ts';
import { type Evidence, eventTime, refOf } from '../evidence/evidence.ts';
import { workloadOfObject } from '../evidence/owners.ts';
import type { Condition, K8sObject } from '../evidence/shapes.ts';
import { eventLine, finding } from '../finding.ts';
import { formatResource } from '../signals/scheduling.ts';
import { replicaCounts } from '../signals/workloads.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

const EXCEEDED = /exceeded quota: ([\w.-]+), requested: (.+?), used: (.+?), limited: (\S+)/;
const MUST_SPECIFY = /failed quota: ([\w.-]+): must specify ([\w.,\s]+)/;
const RECENT_MS = 60 * 60_000;

interface Refusal {
  quota: string;
  /** The API server's words, as the event or condition carries them. */
  message: string;
  /** The evidence line that quotes it. */
  quote: string;
  owner: K8sObject | undefined;
  cause: string;
}

/** The quota and the reason in an admission refusal, if it is one. */
function readRefusal(message: string): { quota: string; cause: string } | undefined {
  const m = EXCEEDED.exec(message);
  if (m) {
    const [, quota, requested, used, limited] = m;
    return {
      quota,
      cause: `creating a pod would need ${requested} more, but ${used} is used of the ${limited} allowed`,
    };
  }
  const must = MUST_SPECIFY.exec(message);
  return must
    ? {
        quota: must[1],
        cause: `the quota requires every pod to set ${must[2].trim()}, and the pod template does not`,
      }
    : undefined;
}

/** Refusals from FailedCreate events and from the ReplicaFailure condition controllers set. */
function refusals(ev: Evidence): Refusal[] {
  const out: Refusal[] = [];
  for (const e of ev.list('Event')) {
    if (e.reason !== 'FailedCreate' || !e.message || !ev.isRecent(eventTime(e), RECENT_MS)) continue;
    const r = readRefusal(e.message);
    if (!r) continue;
    const about = e.involvedObject ?? e.regarding;
    const owner =
      about?.kind && about.name
        ? ev.get(about.kind, about.namespace ?? e.metadata.namespace, about.name)
        : undefined;
    out.push({ ...r, message: e.message, quote: eventLine(ev, e), owner });
  }
  for (const kind of ['Deployment', 'ReplicaSet', 'StatefulSet', 'Job']) {
    for (const obj of ev.list(kind)) {
      const c = ((obj.status?.conditions ?? []) as Condition[]).find(
        (x) => x.type === 'ReplicaFailure' && x.status === 'True',
      );
      const r = c?.message ? readRefusal(c.message) : undefined;
      if (r && c?.message)
        out.push({
          ...r,
          message: c.message,
          quote: `${kind.toLowerCase()} ${obj.metadata.name} condition ReplicaFailure (${c.reason ?? ''}): ${c.message}`,
          owner: obj,
        });
    }
  }
  return out;
}

/** The resources of a quota whose usage has reached the hard limit, as `limits.memory 4Gi/4Gi`. */
function saturated(quota: K8sObject): string[] {
  const hard: Record<string, string> = quota.status?.hard ?? quota.spec?.hard ?? {};
  const used: Record<string, string> = quota.status?.used ?? {};
  return Object.keys(hard)
    .filter((r) => {
      const h = parseQuantity(hard[r]);
      const u = parseQuantity(used[r]);
      return h !== undefined && u !== undefined && u >= h;
    })
    .map(
      (r) =>
        `${r} ${formatResource(r.replace(/^(requests|limits)\./, ''), parseQuantity(used[r]) ?? 0)}/${formatResource(r.replace(/^(requests|limits)\./, ''), parseQuantity(hard[r]) ?? 0)}`,
    );
}

export const quotaExceeded: Pattern = {
  id: 'quota_exceeded',
  detect(ev) {
    const findings = new Map<string, Detected>();
    for (const r of refusals(ev)) {
      const ns = r.owner?.metadata.namespace ?? r.message.match(/namespace "([^"]+)"/)?.[1];
      const key = `${ns}/${r.quota}`;
      if (findings.has(key)) continue;
      const quota = ev.get('ResourceQuota', ns, r.quota);
      const resource: ObjectRef = quota
        ? refOf(quota)
        : { kind: 'ResourceQuota', namespace: ns, name: r.quota };
      const workload = r.owner ? workloadOfObject(r.owner, (k, n, name) => ev.get(k, n, name)) : null;
      const counts = workload ? replicaCounts(ev, workload) : undefined;
      const full = quota ? saturated(quota) : [];
      findings.set(
        key,
        finding(ev, {
          pattern: 'quota_exceeded',
          severity: counts && counts.ready < counts.desired ? 'critical' : 'warning',
          resource,
          workload,
          summary: `ResourceQuota ${r.quota} blocks new pods${workload ? ` of ${workload.kind} ${workload.name}` : ''} in namespace ${ns}`,
          rootCause: `ResourceQuota ${ns}/${r.quota} refuses new pods${r.owner ? ` of ${r.owner.kind} ${r.owner.metadata.name}` : ''}: ${r.cause}.`,
          evidence: [
            r.quote,
            full.length > 0 && `quota at its limit: ${full.join(', ')}`,
            counts && `${counts.ready}/${counts.desired} replicas ready`,
          ],
          whys: [
            ...(workload
              ? [`Why is ${workload.kind} ${workload.name} short of replicas? Its pods are never created.`]
              : []),
            `Why? The API server rejects them: ${r.message.slice(0, 160)}.`,
            `Why? ${r.cause[0].toUpperCase()}${r.cause.slice(1)}.`,
          ],
          runbook: 'raise_quota',
          confidence: 0.95,
          subjects: r.owner ? [refOf(r.owner)] : [],
        }),
      );
    }
    for (const quota of ev.list('ResourceQuota')) {
      const key = `${quota.metadata.namespace}/${quota.metadata.name}`;
      const full = saturated(quota);
      if (findings.has(key) || !full.length) continue;
      const short = ['Deployment', 'StatefulSet']
        .flatMap((k) => ev.list(k, quota.metadata.namespace))
        .find((w) => {
          const c = replicaCounts(ev, refOf(w));
          return c && c.desired > 0 && ev.podsOf(refOf(w)).length < c.desired;
        });
      if (!short) continue;
      findings.set(
        key,
        finding(ev, {
          pattern: 'quota_exceeded',
          severity: 'warning',
          resource: quota,
          workload: refOf(short),
          summary: `ResourceQuota ${quota.metadata.name} is exhausted and ${short.kind} ${short.metadata.name} is missing pods`,
          rootCause: `ResourceQuota ${quota.metadata.namespace}/${quota.metadata.name} is at its limit (${full.join(', ')}), so ${short.kind} ${short.metadata.name} cannot create the pods it is missing.`,
          evidence: [
            `quota used/hard: ${full.join(', ')}`,
            `${short.kind} ${short.metadata.name}: ${ev.podsOf(refOf(short)).length} pods of ${short.spec?.replicas ?? 1} desired`,
          ],
          whys: [
            `Why is ${short.kind} ${short.metadata.name} short of pods? New pods would exceed quota ${quota.metadata.name}.`,
          ],
          runbook: 'raise_quota',
          confidence: 0.6,
        }),
      );
    }
    return [...findings.values()];
  },
};

import { type Evidence, eventTime, refOf } from '../evidence/evidence.ts';
import { workloadOfObject } from '../evidence/owners.ts';
import type { K8sObject } from '../evidence/shapes.ts';
import { describe, eventLine, finding } from '../finding.ts';
import { groupByWorkload, type PodCase, podList } from '../signals/group.ts';
import { RBAC_FORBIDDEN, RBAC_FORBIDDEN_LOOSE } from '../signals/log-patterns.ts';
import { matchLines, podLogLines, quote } from '../signals/logs.ts';
import { isActive } from '../signals/pods.ts';
import type { Detected, Pattern } from '../types.ts';

interface Denied {
  account: string;
  verb: string;
  resource: string;
  namespace?: string;
  line: string;
}

interface Rule {
  verbs?: string[];
  resources?: string[];
}

const SA = /^system:serviceaccount:([^:]+):(.+)$/;

/** What the RBAC objects in the evidence say about a service account: its bindings and what they grant. */
function grants(
  ev: Evidence,
  saNamespace: string,
  sa: string,
  verb: string,
  resource: string,
  namespace: string | undefined,
): string {
  const bindings = ev
    .list('RoleBinding', namespace ?? saNamespace)
    .filter((b) =>
      ((b.subjects ?? []) as { kind: string; name: string; namespace?: string }[]).some(
        (s) =>
          s.kind === 'ServiceAccount' &&
          s.name === sa &&
          (s.namespace ?? b.metadata.namespace) === saNamespace,
      ),
    );
  if (!ev.has('RoleBinding')) return '';
  if (!bindings.length) return `no RoleBinding in namespace ${namespace ?? saNamespace} binds it to a Role`;
  const parts: string[] = [];
  for (const b of bindings) {
    const ref = b.roleRef as { kind: string; name: string } | undefined;
    if (!ref) continue;
    const role: K8sObject | undefined =
      ref.kind === 'Role'
        ? ev.get('Role', b.metadata.namespace, ref.name)
        : ev.get('ClusterRole', undefined, ref.name);
    if (!role) {
      if (ref.kind === 'Role' || ev.list('ClusterRole').length)
        parts.push(`RoleBinding ${b.metadata.name} refers to ${ref.kind} ${ref.name}, which does not exist`);
      continue;
    }
    const rules = (role.rules ?? []) as Rule[];
    const allows = rules.some(
      (r) =>
        (r.verbs ?? []).some((v) => v === verb || v === '*') &&
        (r.resources ?? []).some((x) => x === resource || x === '*'),
    );
    if (!allows) {
      parts.push(
        `${ref.kind} ${ref.name} (via RoleBinding ${b.metadata.name}) grants ${rules.map((r) => `${(r.verbs ?? []).join('/')} on ${(r.resources ?? []).join(',')}`).join('; ') || 'nothing'}, not ${verb} on ${resource}`,
      );
    }
  }
  return parts.join('; ');
}

export const rbacForbidden: Pattern = {
  id: 'rbac_forbidden',
  detect(ev) {
    const cases: PodCase<Denied>[] = [];
    for (const pod of ev.list('Pod')) {
      if (!isActive(pod) && pod.status?.phase !== 'Failed') continue;
      const lines = podLogLines(ev, pod);
      const hit = matchLines(lines, [RBAC_FORBIDDEN]).at(-1);
      if (hit) {
        const [, account, verb, resource, namespace] = hit.match;
        cases.push({ pod, data: { account, verb, resource, namespace, line: hit.line.text } });
        continue;
      }
      const loose = matchLines(lines, RBAC_FORBIDDEN_LOOSE).at(-1);
      if (loose) {
        const sa = pod.spec.serviceAccountName ?? 'default';
        cases.push({
          pod,
          data: {
            account: `system:serviceaccount:${pod.metadata.namespace}:${sa}`,
            verb: 'access',
            resource: 'the Kubernetes API',
            line: loose.line.text,
          },
        });
      }
    }
    const findings: Detected[] = groupByWorkload(
      ev,
      cases,
      (c) => `${c.data.account}|${c.data.verb}|${c.data.resource}`,
    ).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const sa = SA.exec(data.account);
      const where = data.namespace ? `in namespace ${data.namespace}` : 'at cluster scope';
      const detail = sa ? grants(ev, sa[1], sa[2], data.verb, data.resource, data.namespace) : '';
      const who = sa ? `ServiceAccount ${sa[1]}/${sa[2]}` : `User ${data.account}`;
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      return finding(ev, {
        pattern: 'rbac_forbidden',
        severity: 'warning',
        resource: pod,
        workload,
        summary: `Pod ${pod.metadata.name}${others} is denied by RBAC: ${data.account} cannot ${data.verb} ${data.resource}`,
        rootCause: `${who} may not ${data.verb} ${data.resource} ${where}${detail ? `: ${detail}` : ''}.`,
        evidence: [
          `log of ${pod.metadata.name}: ${quote(data.line)}`,
          `pod serviceAccountName: ${pod.spec.serviceAccountName ?? 'default'}`,
          detail,
        ],
        whys: [
          `Why does ${describe(workload ?? refOf(pod))} fail its work? Its calls to the Kubernetes API are refused (403 Forbidden).`,
          `Why? ${who} has no permission to ${data.verb} ${data.resource} ${where}.`,
          ...(detail ? [`Why? ${detail[0].toUpperCase()}${detail.slice(1)}.`] : []),
        ],
        runbook: 'grant_rbac_permission',
        confidence: sa ? 0.9 : 0.7,
        subjects: group.map((c) => refOf(c.pod)),
      });
    });
    return [...findings, ...missingServiceAccounts(ev)];
  },
};

const NO_SA = /error looking up service account ([^/\s]+)\/([^:\s]+): serviceaccount "[^"]+" not found/;

/** Controllers that cannot create pods because the pod's ServiceAccount does not exist. */
function missingServiceAccounts(ev: Evidence): Detected[] {
  const seen = new Map<string, Detected>();
  for (const e of ev.list('Event')) {
    const m = e.reason === 'FailedCreate' && e.message ? NO_SA.exec(e.message) : null;
    if (!m || !ev.isRecent(eventTime(e), 3_600_000)) continue;
    const about = e.involvedObject ?? e.regarding;
    const owner =
      about?.kind && about.name
        ? ev.get(about.kind, about.namespace ?? e.metadata.namespace, about.name)
        : undefined;
    const key = `${m[1]}/${m[2]}`;
    if (seen.has(key)) continue;
    seen.set(
      key,
      finding(ev, {
        pattern: 'rbac_forbidden',
        severity: 'critical',
        resource: { kind: 'ServiceAccount', namespace: m[1], name: m[2] },
        workload: owner ? workloadOfObject(owner, (k, ns, n) => ev.get(k, ns, n)) : null,
        summary: `Pods cannot be created: ServiceAccount ${m[2]} does not exist in namespace ${m[1]}`,
        rootCause: `ServiceAccount ${m[1]}/${m[2]}, which the pod template names, does not exist, so the API server refuses every pod.`,
        evidence: [eventLine(ev, e)],
        whys: [
          'Why are pods missing? Their creation is forbidden.',
          `Why? ServiceAccount ${m[2]} does not exist in namespace ${m[1]}.`,
        ],
        runbook: 'create_missing_config',
        confidence: 0.95,
      }),
    );
  }
  return [...seen.values()];
}

import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject } from '../evidence/shapes.ts';
import { finding } from '../finding.ts';
import { keyLine, quote } from '../signals/logs.ts';
import { containersOf, lastTermination } from '../signals/pods.ts';
import { podTrouble, rolloutState } from '../signals/rollout.ts';
import type { Detected, Pattern } from '../types.ts';

/**
 * The latest revision of a Deployment fails where the one before it ran: its pods crash or never turn
 * ready. Pull errors, missing configuration and OOM kills are left to their own, more precise patterns.
 */
function detectDeployment(ev: Evidence, d: K8sObject): Detected | undefined {
  const state = rolloutState(ev, d);
  const release = state?.release;
  if (!state || !release?.previous) return undefined;
  const failing = state.troubled.filter((p) => {
    const t = podTrouble(p);
    return t === 'crash' || t === 'unready';
  });
  if (!failing.length || failing.length < state.troubled.length) return undefined;
  // A rollout under way (old pods kept) or given up on; a finished rollout whose pods broke later is not a release problem.
  if (state.oldReplicas === 0 && !state.deadlineExceeded) return undefined;
  const oldServing = release.previous.status?.availableReplicas ?? 0;
  if (failing.every((p) => podTrouble(p) === 'unready') && oldServing === 0) return undefined;
  const pod = failing[0];
  const broken =
    containersOf(pod).find((c) => c.status && (c.status.state?.waiting || !c.status.ready)) ??
    containersOf(pod)[0];
  const logs = ev.logsOf(pod, broken.spec.name);
  const line = keyLine(logs.previous?.length ? logs.previous : (logs.current ?? []));
  const term = lastTermination(broken.status);
  const previousRevision =
    release.previous.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '?';
  const changed = release.changes.length ? release.changes.join('; ') : 'no template change visible';
  const failure =
    podTrouble(pod) === 'crash'
      ? `crash${term?.exitCode !== undefined ? ` (exit code ${term.exitCode})` : ''}`
      : 'never become ready';
  return finding(ev, {
    pattern: 'bad_release',
    severity: 'critical',
    resource: d,
    workload: refOf(d),
    summary: `Revision ${release.revision} of Deployment ${d.metadata.name} is broken: its pods ${failure}`,
    rootCause: `Revision ${release.revision} of Deployment ${d.metadata.namespace}/${d.metadata.name} (${changed}) breaks it: ${failing.length} new pod(s) ${failure}${
      line ? `, logging "${quote(line, 200)}"` : ''
    }, while revision ${previousRevision} ran${oldServing ? ` and still serves ${oldServing} replica(s)` : ''}.`,
    evidence: [
      release.changeCause && `change-cause: ${release.changeCause}`,
      ...release.changes.slice(0, 3).map((c) => `revision ${release.revision} changed ${c}`),
      `new ReplicaSet ${release.current.metadata.name}: ${failing
        .map((p) => p.metadata.name)
        .slice(0, 3)
        .join(', ')} failing`,
      `previous ReplicaSet ${release.previous.metadata.name} (revision ${previousRevision}): ${oldServing} available`,
      line && `log of ${pod.metadata.name}: ${quote(line)}`,
      state.deadlineExceeded && `Progressing=False: ${state.deadlineExceeded}`,
    ],
    whys: [
      `Why is Deployment ${d.metadata.name} degraded? Pods of its new revision ${release.revision} ${failure}.`,
      `Why do they fail when revision ${previousRevision} did not? Revision ${release.revision} changed ${changed}.`,
      line ? `How do they fail? "${quote(line, 160)}".` : "How do they fail? See the new pods' logs.",
      `Why is it still broken? The rollout keeps the new revision until someone rolls it back.`,
    ],
    runbook: 'rollback_deployment',
    confidence: release.changes.length ? 0.9 : 0.75,
    subjects: [refOf(release.current), ...failing.map(refOf)],
  });
}

export const badRelease: Pattern = {
  id: 'bad_release',
  detect: (ev) =>
    ev
      .list('Deployment')
      .map((d) => detectDeployment(ev, d))
      .filter((f) => f !== undefined),
};

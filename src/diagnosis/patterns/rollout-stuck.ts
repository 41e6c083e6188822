import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject } from '../evidence/shapes.ts';
import { eventLine, finding } from '../finding.ts';
import { containersOf } from '../signals/pods.ts';
import { podTrouble, rolloutState } from '../signals/rollout.ts';
import type { Detected, Pattern } from '../types.ts';

const TROUBLE_WORDS: Record<string, string> = {
  crash: 'crash-loop',
  unready: 'never become ready',
  oom: 'are OOMKilled',
  image: 'cannot pull their image',
  config: 'cannot start (missing configuration)',
  pending: 'stay Pending',
};

function detectDeployment(ev: Evidence, d: K8sObject): Detected | undefined {
  const state = rolloutState(ev, d);
  if (!state) return undefined;
  const rs = state.release?.current;
  const failedCreate = state.failedCreate;
  const rolling =
    state.release?.previous !== undefined && (state.oldReplicas > 0 || state.updated < state.desired);
  if (!state.deadlineExceeded && !rolling && !failedCreate) return undefined;
  const troubles = [...new Set(state.troubled.map(podTrouble))].filter((t) => t !== undefined);
  const image = (rs ?? d).spec?.template?.spec?.containers?.[0]?.image;
  const detail = troubles.length
    ? `its new pods ${troubles.map((t) => TROUBLE_WORDS[t]).join(' and ')} (${state.troubled
        .slice(0, 3)
        .map((p) => `${p.metadata.name}: ${describeState(p)}`)
        .join('; ')})`
    : failedCreate && rs
      ? `ReplicaSet ${rs.metadata.name} cannot create pods: ${failedCreate.message}`
      : 'its new pods do not become available';
  return finding(ev, {
    pattern: 'rollout_stuck',
    severity: state.available < state.desired ? 'critical' : 'warning',
    resource: d,
    workload: refOf(d),
    summary: `Rollout of Deployment ${d.metadata.name} to revision ${state.revision} is stuck (${state.updated}/${state.desired} updated, ${state.available} available)`,
    rootCause: `The rollout of Deployment ${d.metadata.namespace}/${d.metadata.name} to revision ${state.revision}${image ? ` (${image})` : ''} does not progress: ${detail}.${
      state.deadlineExceeded
        ? ` The controller gave up (ProgressDeadlineExceeded): ${state.deadlineExceeded}`
        : ''
    }`,
    evidence: [
      `deployment ${d.metadata.name}: replicas ${state.desired}, updated ${state.updated}, available ${state.available}`,
      state.deadlineExceeded &&
        `condition Progressing=False ProgressDeadlineExceeded: ${state.deadlineExceeded}`,
      state.release?.changeCause && `revision ${state.revision} change-cause: ${state.release.changeCause}`,
      ...(state.release?.changes ?? []).slice(0, 2).map((c) => `revision ${state.revision} changed ${c}`),
      failedCreate && eventLine(ev, failedCreate),
    ],
    whys: [
      `Why is Deployment ${d.metadata.name} short of available replicas (${state.available}/${state.desired})? Its rollout to revision ${state.revision} is stuck.`,
      `Why is it stuck? ${detail[0].toUpperCase()}${detail.slice(1)}.`,
    ],
    runbook: 'rollback_deployment',
    confidence: state.deadlineExceeded ? 0.9 : 0.75,
    subjects: rs ? [refOf(rs)] : [],
    needs: [...state.troubled.map(refOf), ...(rs ? [refOf(rs)] : [])],
  });
}

function describeState(pod: K8sObject & { spec: { containers: { name: string }[] } }): string {
  for (const { status } of containersOf(pod as never)) {
    const w = status?.state?.waiting?.reason;
    if (w) return w;
  }
  return pod.status?.phase === 'Running' ? 'not ready' : (pod.status?.phase ?? 'unknown');
}

/** StatefulSets and DaemonSets whose update stalls on pods that do not become ready. */
function detectOther(ev: Evidence, w: K8sObject): Detected | undefined {
  const s = w.status ?? {};
  const stalled =
    w.kind === 'StatefulSet'
      ? s.updateRevision &&
        s.currentRevision &&
        s.updateRevision !== s.currentRevision &&
        (s.readyReplicas ?? 0) < (w.spec?.replicas ?? 1)
      : (s.updatedNumberScheduled ?? 0) < (s.desiredNumberScheduled ?? 0) && (s.numberUnavailable ?? 0) > 0;
  if (!stalled) return undefined;
  const pods = ev.podsOf(refOf(w)).filter((p) => podTrouble(p) !== undefined);
  if (!pods.length) return undefined;
  return finding(ev, {
    pattern: 'rollout_stuck',
    severity: 'critical',
    resource: w,
    workload: refOf(w),
    summary: `Update of ${w.kind} ${w.metadata.name} is stuck on pod ${pods[0].metadata.name}`,
    rootCause: `The update of ${w.kind} ${w.metadata.namespace}/${w.metadata.name}${s.updateRevision ? ` to ${s.updateRevision}` : ''} stalls: pod ${pods[0].metadata.name} does not become ready (${describeState(pods[0] as never)}).`,
    evidence: [`${w.kind.toLowerCase()} ${w.metadata.name}: ${JSON.stringify(s).slice(0, 240)}`],
    whys: [
      `Why is ${w.kind} ${w.metadata.name} not updated? Its update waits for pod ${pods[0].metadata.name} to be ready.`,
    ],
    runbook: 'rollback_deployment',
    confidence: 0.7,
    needs: pods.map(refOf),
  });
}

export const rolloutStuck: Pattern = {
  id: 'rollout_stuck',
  detect: (ev) =>
    [
      ...ev.list('Deployment').map((d) => detectDeployment(ev, d)),
      ...ev.list('StatefulSet').map((s) => detectOther(ev, s)),
      ...ev.list('DaemonSet').map((s) => detectOther(ev, s)),
    ].filter((f) => f !== undefined),
};

import { refOf } from '../evidence/evidence.ts';
import { describe, eventLine, finding, latestEvent, podRef } from '../finding.ts';
import { groupByWorkload, type PodCase, podList, readiness } from '../signals/group.ts';
import {
  affinityMatchesNoNode,
  type SchedulingFailure,
  schedulingFailure,
  schedulingKind,
  unmatchedSelector,
  untoleratedTaints,
  volumeNodes,
} from '../signals/scheduling.ts';
import type { Pattern } from '../types.ts';

export const unschedulableConstraints: Pattern = {
  id: 'unschedulable_constraints',
  detect(ev) {
    const cases: PodCase<SchedulingFailure>[] = [];
    for (const pod of ev.list('Pod')) {
      const failure = schedulingFailure(ev, pod);
      if (failure && schedulingKind(failure) === 'constraints') cases.push({ pod, data: failure });
    }
    return groupByWorkload(ev, cases).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const reasons: string[] = [];
      const selector = unmatchedSelector(ev, pod);
      if (selector.length) reasons.push(`its nodeSelector ${selector.join(', ')} matches no node`);
      const affinity = affinityMatchesNoNode(ev, pod);
      if (affinity) reasons.push(`its required node affinity (${affinity}) matches no node`);
      const taints = untoleratedTaints(ev, pod);
      if (data.clauses.some((c) => /taint/.test(c.reason)) && taints.length)
        reasons.push(`it does not tolerate the taints ${taints.slice(0, 3).join(', ')}`);
      if (data.clauses.some((c) => /anti-affinity/.test(c.reason)))
        reasons.push('its pod anti-affinity rules exclude every node that has room');
      if (data.clauses.some((c) => /were unschedulable/.test(c.reason)))
        reasons.push('nodes are cordoned (unschedulable)');
      if (data.clauses.some((c) => /free ports/.test(c.reason)))
        reasons.push('the host port it asks for is taken on every node');
      const cause = reasons.length
        ? reasons.join('; ')
        : data.clauses.map((c) => `${c.count} ${c.reason}`).join(', ');
      const failed = latestEvent(ev, podRef(pod), ['FailedScheduling']);
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      return finding(ev, {
        pattern: 'unschedulable_constraints',
        severity: 'warning',
        resource: pod,
        workload,
        summary: `Pod ${pod.metadata.name}${others} is Pending: no node satisfies its placement constraints`,
        rootCause: `Pod ${pod.metadata.name} cannot be placed: ${cause}. The scheduler says: "${data.message.slice(0, 200)}".`,
        evidence: [
          `pod ${pod.metadata.name}: Pending, PodScheduled=False (Unschedulable)`,
          failed ? eventLine(ev, failed) : `scheduler: ${data.message}`,
          pod.spec.nodeSelector && `nodeSelector: ${JSON.stringify(pod.spec.nodeSelector)}`,
          taints.length > 0 && `node taints: ${taints.slice(0, 4).join(', ')}`,
          readiness(ev, workload),
        ],
        whys: [
          `Why is ${describe(workload ?? refOf(pod))} short of replicas? Pod ${pod.metadata.name} is Pending.`,
          `Why is it Pending? The scheduler rejects every node: ${data.clauses.map((c) => `${c.count} ${c.reason}`).join(', ') || data.message}.`,
          `Why? ${cause[0].toUpperCase()}${cause.slice(1)}.`,
        ],
        runbook: 'fix_scheduling_constraints',
        confidence: reasons.length ? 0.9 : 0.75,
        subjects: group.map((c) => podRef(c.pod)),
        // Taints the node lifecycle sets (not-ready, unreachable, *-pressure) come from that node's
        // trouble, and a volume pinned to a node cannot follow its pod elsewhere.
        needs: [
          ...taints
            .filter((t) => t.startsWith('node.kubernetes.io/'))
            .map((t) => t.slice(t.lastIndexOf(' on ') + 4)),
          ...(data.clauses.some((c) => /volume node affinity/.test(c.reason)) ? volumeNodes(ev, pod) : []),
        ].map((name) => ({ kind: 'Node', name })),
      });
    });
  },
};

import { refOf } from '../evidence/evidence.ts';
import { describe, eventLine, finding, latestEvent, podRef } from '../finding.ts';
import { groupByWorkload, type PodCase, podList, readiness } from '../signals/group.ts';
import {
  formatResource,
  freeOnNodes,
  podRequests,
  type SchedulingFailure,
  schedulingFailure,
  schedulingKind,
} from '../signals/scheduling.ts';
import type { Pattern } from '../types.ts';

export const unschedulableResources: Pattern = {
  id: 'unschedulable_resources',
  detect(ev) {
    const cases: PodCase<SchedulingFailure>[] = [];
    for (const pod of ev.list('Pod')) {
      const failure = schedulingFailure(ev, pod);
      if (failure && schedulingKind(failure) === 'resources') cases.push({ pod, data: failure });
    }
    return groupByWorkload(ev, cases).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const requests = podRequests(pod);
      const short = data.clauses
        .filter((c) => /^Insufficient /.test(c.reason))
        .map((c) => c.reason.replace('Insufficient ', ''));
      const resources = short.length
        ? short
        : [...requests.keys()].filter((r) => r === 'cpu' || r === 'memory');
      const gaps = resources.map((r) => {
        const want = requests.get(r) ?? 0;
        const best = freeOnNodes(ev, r)[0];
        return best
          ? `${r}: requests ${formatResource(r, want)}, the most free on any node is ${formatResource(r, Math.max(0, best.free))} (${best.node}, allocatable ${formatResource(r, best.allocatable)})`
          : `${r}: requests ${formatResource(r, want)}`;
      });
      const scaleUp = latestEvent(ev, podRef(pod), ['TriggeredScaleUp']);
      const failed = latestEvent(ev, podRef(pod), ['FailedScheduling']);
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      return finding(ev, {
        pattern: 'unschedulable_resources',
        severity: scaleUp ? 'info' : 'warning',
        resource: pod,
        workload,
        summary: `Pod ${pod.metadata.name}${others} is Pending: no node has enough ${resources.join(' and ') || 'resources'}`,
        rootCause: `No node can fit pod ${pod.metadata.name}: ${gaps.join('; ') || data.message}. The scheduler says: "${data.message.slice(0, 200)}".`,
        evidence: [
          `pod ${pod.metadata.name}: Pending, PodScheduled=False (Unschedulable)`,
          failed ? eventLine(ev, failed) : `scheduler: ${data.message}`,
          ...gaps,
          scaleUp && eventLine(ev, scaleUp),
          readiness(ev, workload),
        ],
        whys: [
          `Why is ${describe(workload ?? refOf(pod))} short of replicas? Pod ${pod.metadata.name} is Pending.`,
          `Why is it Pending? The scheduler finds no node: ${data.clauses.map((c) => `${c.count} ${c.reason}`).join(', ') || data.message}.`,
          `Why does no node fit? ${gaps[0] ?? 'The pod requests more than any node has free'}.`,
          'Why? The requests are larger than the free capacity: lower the requests or add nodes.',
        ],
        runbook: 'add_node_capacity',
        confidence: gaps.length ? 0.9 : 0.8,
        subjects: group.map((c) => podRef(c.pod)),
      });
    });
  },
};

import { refOf } from '../evidence/evidence.ts';
import { describe, finding } from '../finding.ts';
import { groupByWorkload, type PodCase, podList } from '../signals/group.ts';
import { replicaCounts } from '../signals/workloads.ts';
import type { Pattern } from '../types.ts';

export const evictedPods: Pattern = {
  id: 'evicted_pods',
  detect(ev) {
    const cases: PodCase<string>[] = [];
    for (const pod of ev.list('Pod')) {
      if (pod.status?.phase === 'Failed' && pod.status.reason === 'Evicted')
        cases.push({ pod, data: pod.spec.nodeName ?? '' });
    }
    return groupByWorkload(ev, cases, (c) => c.data).map(({ workload, cases: group }) => {
      const { pod } = group[0];
      const message = pod.status?.message ?? 'evicted';
      const resource = /low on resource: ([\w-]+)/.exec(message)?.[1];
      const node = pod.spec.nodeName;
      const counts = workload ? replicaCounts(ev, workload) : undefined;
      const recovered = counts !== undefined && counts.ready >= counts.desired;
      return finding(ev, {
        pattern: 'evicted_pods',
        severity: recovered ? 'info' : 'warning',
        resource: pod,
        workload,
        summary: `${group.length} pod(s) of ${describe(workload ?? refOf(pod))} were evicted${node ? ` from node ${node}` : ''}`,
        rootCause: `The kubelet${node ? ` on node ${node}` : ''} evicted ${podList(group)}${resource ? ` because the node ran low on ${resource}` : ''}: "${message.slice(0, 220)}".`,
        evidence: [
          `pod ${pod.metadata.name}: phase Failed, reason Evicted`,
          `message: ${message}`,
          group.length > 1 && `evicted: ${podList(group, 8)}`,
        ],
        whys: [
          `Why were pods of ${describe(workload ?? refOf(pod))} stopped? The kubelet evicted them.`,
          `Why? ${resource ? `Node ${node ?? ''} ran low on ${resource}` : 'The node came under resource pressure'}${/Container (\S+) was using/.test(message) ? `; ${/Container (\S+) was using [^,]+/.exec(message)?.[0]}` : ''}.`,
        ],
        runbook: 'cleanup_evicted_pods',
        confidence: 0.9,
        subjects: group.map((c) => refOf(c.pod)),
        needs: node ? [{ kind: 'Node', name: node }] : [],
      });
    });
  },
};

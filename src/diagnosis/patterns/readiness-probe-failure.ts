import { refOf } from '../evidence/evidence.ts';
import type { Container, KubeEvent } from '../evidence/shapes.ts';
import { describe, eventLine, finding, podNeeds, podRef } from '../finding.ts';
import { loggedPeers } from '../signals/dependencies.ts';
import { groupByWorkload, outageSeverity, type PodCase, podList, readiness } from '../signals/group.ts';
import { DEPENDENCY_ERRORS } from '../signals/log-patterns.ts';
import { containersOf, isActive } from '../signals/pods.ts';
import { judgeProbe, type ProbeVerdict, probeFailures } from '../signals/probes.ts';
import type { Pattern } from '../types.ts';

interface Unready {
  container: Container;
  verdict: ProbeVerdict;
  last?: KubeEvent;
  failures: number;
}

export const readinessProbeFailure: Pattern = {
  id: 'readiness_probe_failure',
  detect(ev) {
    const cases: PodCase<Unready>[] = [];
    for (const pod of ev.list('Pod')) {
      if (!isActive(pod) || pod.status?.phase !== 'Running') continue;
      for (const { spec, status, init } of containersOf(pod)) {
        if (init || !spec.readinessProbe || !status?.state?.running || status.ready !== false) continue;
        const events = probeFailures(ev, pod, spec.name, 'Readiness');
        const last = events.at(-1);
        const verdict = judgeProbe(spec, spec.readinessProbe, 'Readiness', last?.message ?? '');
        if (!last && !verdict.misconfigured) continue;
        cases.push({
          pod,
          data: { container: spec, verdict, last, failures: events.reduce((n, e) => n + (e.count ?? 1), 0) },
        });
      }
    }
    return groupByWorkload(ev, cases, (c) => c.data.container.name).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      const peers = data.verdict.misconfigured ? [] : loggedPeers(ev, pod, DEPENDENCY_ERRORS).map(refOf);
      return finding(ev, {
        pattern: 'readiness_probe_failure',
        severity: outageSeverity(ev, workload),
        resource: pod,
        workload,
        summary: `Pod ${pod.metadata.name}${others} is running but not ready: its readiness probe fails`,
        rootCause: `Container ${data.container.name} never becomes ready because ${data.verdict.cause}.`,
        evidence: [
          `pod ${pod.metadata.name} container ${data.container.name}: running, ready=false`,
          data.last && eventLine(ev, data.last),
          `readinessProbe: ${JSON.stringify(data.container.readinessProbe)}`,
          `container ports: ${JSON.stringify(data.container.ports ?? [])}`,
          readiness(ev, workload),
        ],
        whys: [
          `Why does ${describe(workload ?? refOf(pod))} serve less than it should? Pod ${pod.metadata.name} is not ready, so its Service sends it no traffic.`,
          `Why is it not ready? Its readiness probe fails${data.failures ? ` (${data.failures} failures)` : ''}.`,
          `Why does the probe fail? ${data.verdict.cause[0].toUpperCase()}${data.verdict.cause.slice(1)}.`,
        ],
        runbook: data.verdict.misconfigured ? 'fix_probe' : peers.length ? 'restart_dependency' : 'fix_probe',
        confidence: data.verdict.confidence,
        subjects: group.map((c) => podRef(c.pod)),
        needs: [...podNeeds(pod), ...peers],
      });
    });
  },
};

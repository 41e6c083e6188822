import { type Evidence, eventTime, refOf } from '../evidence/evidence.ts';
import type { Container, KubeEvent, Pod } from '../evidence/shapes.ts';
import { describe, eventLine, finding, podNeeds, podRef } from '../finding.ts';
import { groupByWorkload, outageSeverity, type PodCase, podList, readiness } from '../signals/group.ts';
import { containersOf, isActive, lastTermination } from '../signals/pods.ts';
import { judgeProbe, type ProbeVerdict, probeFailures } from '../signals/probes.ts';
import type { Pattern } from '../types.ts';

const RECENT_MS = 60 * 60_000;

interface Killed {
  container: Container;
  verdict: ProbeVerdict;
  last?: KubeEvent;
  kill?: KubeEvent;
  restarts: number;
}

const killEvent = (ev: Evidence, pod: Pod, container: string) =>
  ev
    .eventsFor(podRef(pod))
    .findLast(
      (e) =>
        e.reason === 'Killing' &&
        new RegExp(`${container} failed (liveness|startup) probe`).test(e.message ?? ''),
    );

export const livenessProbeFailure: Pattern = {
  id: 'liveness_probe_failure',
  detect(ev) {
    const cases: PodCase<Killed>[] = [];
    for (const pod of ev.list('Pod')) {
      if (!isActive(pod)) continue;
      for (const { spec, status, init } of containersOf(pod)) {
        const probe = spec.livenessProbe ?? spec.startupProbe;
        if (init || !probe || !status) continue;
        const kind = spec.livenessProbe ? 'Liveness' : 'Startup';
        const events = [
          ...probeFailures(ev, pod, spec.name, 'Liveness'),
          ...probeFailures(ev, pod, spec.name, 'Startup'),
        ].sort((a, b) => eventTime(a) - eventTime(b));
        const last = events.at(-1);
        const kill = killEvent(ev, pod, spec.name);
        const restarts = status.restartCount ?? 0;
        const recent = (e?: KubeEvent) => !!e && ev.isRecent(eventTime(e), RECENT_MS);
        const term = lastTermination(status);
        if (term?.reason === 'OOMKilled') continue;
        const verdict = judgeProbe(
          spec,
          probe,
          last?.message?.startsWith('Startup') ? 'Startup' : kind,
          last?.message ?? '',
        );
        // The kubelet kills with SIGKILL/SIGTERM (137, 143); a process that exits on its own was not killed by a probe.
        const killedExit = term === undefined || term.exitCode === 137 || term.exitCode === 143;
        const killedByProbe = restarts > 0 && killedExit && (recent(kill) || recent(last));
        const staticOnly = verdict.misconfigured && verdict.confidence > 0.9 && restarts > 0 && killedExit;
        if (!killedByProbe && !staticOnly) continue;
        cases.push({ pod, data: { container: spec, verdict, last, kill, restarts } });
      }
    }
    return groupByWorkload(ev, cases, (c) => c.data.container.name).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      return finding(ev, {
        pattern: 'liveness_probe_failure',
        severity: outageSeverity(ev, workload),
        resource: pod,
        workload,
        summary: `Pod ${pod.metadata.name}${others} is restarted by the kubelet: its liveness probe fails (${data.restarts} restarts)`,
        rootCause: `The kubelet kills container ${data.container.name} because ${data.verdict.cause}.`,
        evidence: [
          `pod ${pod.metadata.name} container ${data.container.name}: restartCount ${data.restarts}`,
          data.last && eventLine(ev, data.last),
          data.kill && eventLine(ev, data.kill),
          `livenessProbe: ${JSON.stringify(data.container.livenessProbe ?? data.container.startupProbe)}`,
          `container ports: ${JSON.stringify(data.container.ports ?? [])}`,
          readiness(ev, workload),
        ],
        whys: [
          `Why is ${describe(workload ?? refOf(pod))} unstable? Pod ${pod.metadata.name} restarted ${data.restarts} times.`,
          `Why does it restart? The kubelet kills container ${data.container.name} when its liveness probe fails.`,
          `Why does the probe fail? ${data.verdict.cause[0].toUpperCase()}${data.verdict.cause.slice(1)}.`,
        ],
        runbook: 'fix_probe',
        confidence: data.verdict.confidence,
        subjects: group.map((c) => podRef(c.pod)),
        needs: podNeeds(pod),
      });
    });
  },
};

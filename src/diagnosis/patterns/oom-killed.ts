import { formatBytes, parseQuantity } from '../../kube/quantity.ts';
import { refOf } from '../evidence/evidence.ts';
import type { ContainerStatus, Pod } from '../evidence/shapes.ts';
import { describe, eventLine, finding, latestEvent, podNeeds, podRef } from '../finding.ts';
import { formatDuration, percent } from '../signals/format.ts';
import { groupByWorkload, outageSeverity, type PodCase, podList, readiness } from '../signals/group.ts';
import { keyLine, quote } from '../signals/logs.ts';
import { containersOf, isActive, lastTermination } from '../signals/pods.ts';
import type { Pattern } from '../types.ts';

/** A process that ran this long before its kill grew into the limit over time (a leak), not at start. */
const LEAK_MS = 5 * 60_000;

interface Kill {
  container: string;
  status: ContainerStatus;
  limit?: number;
  ranMs?: number;
}

export const oomKilled: Pattern = {
  id: 'oom_killed',
  detect(ev) {
    const cases: PodCase<Kill>[] = [];
    for (const pod of ev.list('Pod')) {
      if (!isActive(pod) && pod.status?.phase !== 'Failed') continue;
      for (const { spec, status } of containersOf(pod)) {
        const term = lastTermination(status);
        if (!status || term?.reason !== 'OOMKilled') continue;
        const started = Date.parse(term.startedAt ?? '');
        const finished = Date.parse(term.finishedAt ?? '');
        const ranMs = Number.isNaN(started) || Number.isNaN(finished) ? undefined : finished - started;
        cases.push({
          pod,
          data: { container: spec.name, status, limit: parseQuantity(spec.resources?.limits?.memory), ranMs },
        });
      }
    }
    return groupByWorkload(ev, cases, (c) => c.data.container).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const { container, status, limit, ranMs } = data;
      const restarts = status.restartCount ?? 0;
      const usage = memoryUsage(ev, pod, container);
      const leak = ranMs !== undefined && ranMs >= LEAK_MS;
      const limitText = limit
        ? `its ${formatBytes(limit)} memory limit`
        : 'the memory available to it (no limit set: the node ran out)';
      const growth = leak
        ? `after running ${formatDuration(ranMs)}, so its memory grows over time (a leak)`
        : ranMs !== undefined
          ? `${formatDuration(ranMs)} after starting, so it needs more memory than the limit allows`
          : 'repeatedly';
      const logs = ev.logsOf(pod, container);
      const lastLine = keyLine(logs.previous ?? []);
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      const killing = latestEvent(ev, podRef(pod), ['OOMKilling', 'BackOff']);
      return finding(ev, {
        pattern: 'oom_killed',
        severity:
          status.state?.waiting?.reason === 'CrashLoopBackOff' ? outageSeverity(ev, workload) : 'warning',
        resource: pod,
        workload,
        summary: `Container ${container} of pod ${pod.metadata.name}${others} is OOMKilled (${restarts} restarts)`,
        rootCause: `Container ${container} is killed by the kernel (OOMKilled, exit code 137) at ${limitText}, ${growth}.${
          usage ? ` Current usage ${usage}.` : ''
        }`,
        evidence: [
          `pod ${pod.metadata.name} container ${container}: last state terminated, reason OOMKilled, exit code ${lastTermination(status)?.exitCode ?? 137}`,
          `restartCount ${restarts}${status.state?.waiting?.reason ? `, now ${status.state.waiting.reason}` : ''}`,
          limit !== undefined && `resources.limits.memory: ${formatBytes(limit)}`,
          usage && `memory usage: ${usage}`,
          lastLine && `log before the kill: ${quote(lastLine)}`,
          killing && eventLine(ev, killing),
          readiness(ev, workload),
        ],
        whys: [
          `Why is ${describe(workload ?? refOf(pod))} unstable? Pod ${pod.metadata.name} restarted ${restarts} times.`,
          `Why does it restart? Container ${container} is OOMKilled (exit code 137).`,
          `Why is it killed? Its memory reaches ${limitText}.`,
          leak
            ? `Why does it reach the limit? Memory grows while it runs (killed after ${formatDuration(ranMs ?? 0)}): a leak; a restart buys time, the code needs the fix.`
            : 'Why does it reach the limit? Its working set at normal load is larger than the limit: the limit is too low for the workload.',
        ],
        runbook: leak ? 'pod_restart' : 'oom_increase_memory',
        confidence: limit ? 0.95 : 0.85,
        subjects: group.map((c) => podRef(c.pod)),
        needs: podNeeds(pod),
      });
    });
  },
};

/** `498Mi of 512Mi (97%)` from metrics, when there are any. */
function memoryUsage(ev: Parameters<Pattern['detect']>[0], pod: Pod, container: string): string | undefined {
  const sample = ev
    .metrics('memory_working_set_bytes')
    .find(
      (s) =>
        s.labels.namespace === pod.metadata.namespace &&
        s.labels.pod === pod.metadata.name &&
        s.labels.container === container,
    );
  if (!sample) return undefined;
  const limit = parseQuantity(
    pod.spec.containers.find((c) => c.name === container)?.resources?.limits?.memory,
  );
  return limit
    ? `${formatBytes(sample.value)} of ${formatBytes(limit)} (${percent(sample.value / limit)})`
    : formatBytes(sample.value);
}

import { type Evidence, parseTime, refOf } from '../evidence/evidence.ts';
import type { ContainerStatus, Pod } from '../evidence/shapes.ts';
import { describe, eventLine, finding, latestEvent, podNeeds, podRef } from '../finding.ts';
import { serviceInLine } from '../signals/dependencies.ts';
import { groupByWorkload, outageSeverity, type PodCase, podList, readiness } from '../signals/group.ts';
import { UNREACHABLE } from '../signals/log-patterns.ts';
import { keyLine, quote } from '../signals/logs.ts';
import { containersOf, exitMeaning, isActive, lastTermination } from '../signals/pods.ts';
import type { Detected, ObjectRef, Pattern } from '../types.ts';

const START_FAILURES = new Set(['CrashLoopBackOff', 'RunContainerError', 'StartError', 'ContainerCannotRun']);
const RECENT_MS = 30 * 60_000;

interface Crash {
  container: string;
  status: ContainerStatus;
  lastLine?: string;
}

/** A container that keeps dying: CrashLoopBackOff, or repeated recent non-zero exits. OOM kills are oom_killed's. */
function crashOf(ev: Evidence, pod: Pod, status: ContainerStatus | undefined): boolean {
  if (!status) return false;
  const term = lastTermination(status);
  if (term?.reason === 'OOMKilled') return false;
  const waiting = status.state?.waiting?.reason;
  if (waiting && START_FAILURES.has(waiting)) return true;
  if ((status.restartCount ?? 0) < 3 || !term || term.exitCode === 0) return false;
  const finished = parseTime(term.finishedAt);
  return finished !== undefined && ev.isRecent(finished, RECENT_MS) && pod.status?.phase !== 'Succeeded';
}

export const crashLoop: Pattern = {
  id: 'crash_loop',
  detect(ev) {
    const cases: PodCase<Crash>[] = [];
    for (const pod of ev.list('Pod')) {
      if (!isActive(pod)) continue;
      for (const { spec, status } of containersOf(pod)) {
        if (!status || !crashOf(ev, pod, status)) continue;
        const logs = ev.logsOf(pod, spec.name);
        const lastLine = keyLine(logs.previous?.length ? logs.previous : (logs.current ?? []));
        cases.push({ pod, data: { container: spec.name, status, lastLine } });
      }
    }
    return groupByWorkload(ev, cases, (c) => c.data.container).map((g) =>
      describeCrash(ev, g.workload, g.cases),
    );
  },
};

function describeCrash(ev: Evidence, workload: ObjectRef | null, cases: PodCase<Crash>[]): Detected {
  const { pod, data } = cases[0];
  const { container, status, lastLine } = data;
  const term = lastTermination(status);
  const waiting = status.state?.waiting;
  const restarts = status.restartCount ?? 0;
  const startError = waiting && waiting.reason !== 'CrashLoopBackOff' ? waiting.message : undefined;
  const how = startError
    ? `cannot start (${waiting?.reason}: ${startError})`
    : term?.exitCode === 0
      ? 'exits with exit code 0 right after starting: its command finishes, but a Deployment expects a long-running process'
      : exitMeaning(term?.exitCode, term?.reason);
  const said = lastLine
    ? `; its last log line: "${quote(lastLine, 240)}"`
    : term?.message
      ? `; termination message: "${quote(term.message)}"`
      : '';
  const back = latestEvent(ev, podRef(pod), ['BackOff']);
  // Only the line that says why the process stopped can blame a dependency; older noise cannot.
  const blamed =
    lastLine && UNREACHABLE.some((re) => re.test(lastLine))
      ? serviceInLine(ev, lastLine, pod.metadata.namespace)
      : undefined;
  const peers = blamed ? [refOf(blamed)] : [];
  const others = cases.length > 1 ? ` (also ${podList(cases.slice(1))})` : '';
  return finding(ev, {
    pattern: 'crash_loop',
    severity: outageSeverity(ev, workload),
    resource: pod,
    workload,
    summary: `Container ${container} of pod ${pod.metadata.name}${others} is crash-looping (${restarts} restarts)`,
    rootCause: `Container ${container} ${how}${said}.`,
    evidence: [
      `pod ${pod.metadata.name} container ${container}: ${waiting?.reason ? `waiting ${waiting.reason}` : 'running'}, restartCount ${restarts}`,
      term &&
        `last terminated: reason ${term.reason ?? 'Error'}, exit code ${term.exitCode}${term.finishedAt ? ` at ${term.finishedAt}` : ''}`,
      lastLine && `log (previous instance): ${quote(lastLine)}`,
      back && eventLine(ev, back),
      cases.length > 1 && `${cases.length} pods affected: ${podList(cases, 6)}`,
      readiness(ev, workload),
    ],
    whys: [
      `Why is ${describe(workload ?? podRef(pod))} degraded? Pod ${pod.metadata.name} is in ${waiting?.reason ?? 'a restart loop'} with ${restarts} restarts.`,
      `Why does it restart? Container ${container} ${how}.`,
      lastLine
        ? `Why does it stop? Its log ends with "${quote(lastLine, 160)}".`
        : 'Why does it stop? The container leaves no log; check its command and image.',
    ],
    runbook: startError ? 'fix_container_command' : 'pod_restart',
    confidence: lastLine || startError ? 0.85 : 0.7,
    subjects: cases.map((c) => podRef(c.pod)),
    needs: [...podNeeds(pod), ...peers],
  });
}

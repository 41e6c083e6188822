import { type Evidence, parseTime, refOf } from '../evidence/evidence.ts';
import type { Condition, K8sObject, Pod } from '../evidence/shapes.ts';
import { eventLine, finding, latestEvent } from '../finding.ts';
import { keyLine, quote } from '../signals/logs.ts';
import { containersOf, exitMeaning, lastTermination } from '../signals/pods.ts';
import type { Detected, Pattern } from '../types.ts';

const failedCondition = (job: K8sObject): Condition | undefined =>
  ((job.status?.conditions ?? []) as Condition[]).find(
    (c) => (c.type === 'Failed' || c.type === 'FailureTarget') && c.status === 'True',
  );

const ownerCronJob = (job: K8sObject) =>
  job.metadata.ownerReferences?.find((o) => o.kind === 'CronJob')?.name;

/** A CronJob's failed Job matters only while no later Job of the same CronJob has succeeded. */
function supersededBySuccess(ev: Evidence, job: K8sObject): boolean {
  const cron = ownerCronJob(job);
  if (!cron) return false;
  const started = parseTime(job.status?.startTime ?? job.metadata.creationTimestamp) ?? 0;
  return ev
    .list('Job', job.metadata.namespace)
    .some(
      (j) =>
        j !== job &&
        ownerCronJob(j) === cron &&
        (j.status?.succeeded ?? 0) > 0 &&
        (parseTime(j.status?.startTime ?? j.metadata.creationTimestamp) ?? 0) > started,
    );
}

const podsOfJob = (ev: Evidence, job: K8sObject): Pod[] =>
  ev
    .list('Pod', job.metadata.namespace)
    .filter(
      (p) =>
        (p.metadata.ownerReferences ?? []).some((o) => o.kind === 'Job' && o.name === job.metadata.name) ||
        p.metadata.labels?.['job-name'] === job.metadata.name,
    );

function detectJob(ev: Evidence, job: K8sObject): Detected | undefined {
  const failed = failedCondition(job);
  if (!failed || supersededBySuccess(ev, job)) return undefined;
  const pods = podsOfJob(ev, job).sort(
    (a, b) => (parseTime(b.metadata.creationTimestamp) ?? 0) - (parseTime(a.metadata.creationTimestamp) ?? 0),
  );
  const pod = pods.find((p) => p.status?.phase === 'Failed') ?? pods[0];
  const container = pod
    ? (containersOf(pod).find((c) => (lastTermination(c.status)?.exitCode ?? 0) !== 0) ??
      containersOf(pod)[0])
    : undefined;
  const term = lastTermination(container?.status);
  const logs = pod && container ? ev.logsOf(pod, container.spec.name) : {};
  const line = keyLine(logs.current?.length ? logs.current : (logs.previous ?? []));
  const cron = ownerCronJob(job);
  const how = term
    ? `its pod ${pod?.metadata.name} ${exitMeaning(term.exitCode, term.reason)}`
    : pod?.status?.reason
      ? `its pod ${pod.metadata.name} ended ${pod.status.reason}`
      : 'its pods failed';
  const event = latestEvent(ev, refOf(job), ['BackoffLimitExceeded', 'DeadlineExceeded']);
  return finding(ev, {
    pattern: 'job_failed',
    severity: 'warning',
    resource: job,
    workload: cron ? { kind: 'CronJob', namespace: job.metadata.namespace, name: cron } : refOf(job),
    summary: `Job ${job.metadata.name} failed (${failed.reason ?? 'Failed'})`,
    rootCause: `Job ${job.metadata.namespace}/${job.metadata.name} failed with ${failed.reason ?? 'Failed'}${failed.message ? ` (${failed.message})` : ''}: ${how}${line ? `; last log line: "${quote(line, 200)}"` : ''}.`,
    evidence: [
      `job ${job.metadata.name}: failed ${job.status?.failed ?? '?'}, succeeded ${job.status?.succeeded ?? 0}, backoffLimit ${job.spec?.backoffLimit ?? 6}`,
      event && eventLine(ev, event),
      term && `pod ${pod?.metadata.name}: exit code ${term.exitCode} (${term.reason ?? 'Error'})`,
      line && `log: ${quote(line)}`,
    ],
    whys: [
      `Why did ${cron ? `CronJob ${cron}'s run` : `Job ${job.metadata.name}`} not complete? The Job gave up (${failed.reason ?? 'Failed'}).`,
      `Why? ${how[0].toUpperCase()}${how.slice(1)}, every attempt.`,
      ...(line ? [`Why? The program says: "${quote(line, 160)}".`] : []),
    ],
    runbook: 'rerun_job',
    confidence: line || term ? 0.85 : 0.7,
    subjects: pods.map(refOf),
  });
}

export const jobFailed: Pattern = {
  id: 'job_failed',
  detect: (ev) =>
    ev
      .list('Job')
      .map((j) => detectJob(ev, j))
      .filter((f) => f !== undefined),
};

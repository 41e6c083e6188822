import { rt } from '../core/resources.ts';
import { type Collector, seconds } from './context.ts';
import { labels } from './exposition.ts';
import { conditionOf, created, gauges, owners } from './kube-helpers.ts';

/** kube-state-metrics Job and CronJob series. */
export const kubeBatch: Collector = {
  name: 'kube-state-metrics/batch',
  collect(ctx, out) {
    const list = ctx.store.list(rt('Job'));
    gauges(out, list, 'job_name', 'kube_job', {
      created: ['Unix creation timestamp', created],
      spec_completions: [
        'The desired number of successfully finished pods the job should be run with.',
        (j) => j.spec?.completions ?? 1,
      ],
      spec_parallelism: [
        'The maximum desired number of pods the job should run at any given time.',
        (j) => j.spec?.parallelism ?? 1,
      ],
      status_active: ['The number of actively running pods.', (j) => j.status?.active ?? 0],
      status_succeeded: [
        'The number of pods which reached Phase Succeeded.',
        (j) => j.status?.succeeded ?? 0,
      ],
      status_failed: [
        'The number of pods which reached Phase Failed and the reason for failure.',
        (j) => j.status?.failed ?? 0,
      ],
      status_start_time: [
        'StartTime represents time when the job was acknowledged by the Job Manager.',
        (j) => seconds(j.status?.startTime),
      ],
      status_completion_time: [
        'CompletionTime represents time when the job was completed.',
        (j) => seconds(j.status?.completionTime),
      ],
    });
    conditionOf(
      out,
      list,
      'job_name',
      'kube_job_complete',
      'Complete',
      'The job has completed its execution.',
    );
    conditionOf(out, list, 'job_name', 'kube_job_failed', 'Failed', 'The job has failed its execution.');
    owners(out, list, 'job_name', 'kube_job_owner');
    const cronJobs = ctx.store.list(rt('CronJob'));
    gauges(out, cronJobs, 'cronjob', 'kube_cronjob', {
      created: ['Unix creation timestamp', created],
      spec_suspend: [
        'Suspend flag tells the controller to suspend subsequent executions.',
        (c) => (c.spec?.suspend ? 1 : 0),
      ],
      status_active: [
        'Active holds pointers to currently running jobs.',
        (c) => (c.status?.active ?? []).length,
      ],
      status_last_schedule_time: [
        'LastScheduleTime keeps information of when was the last time the job was successfully scheduled.',
        (c) => seconds(c.status?.lastScheduleTime),
      ],
    });
    const info = out.family('kube_cronjob_info', 'gauge', 'Info about cronjob.');
    for (const c of cronJobs) {
      info(
        labels({
          namespace: c.metadata.namespace,
          cronjob: c.metadata.name,
          schedule: c.spec?.schedule ?? '',
          concurrency_policy: c.spec?.concurrencyPolicy ?? 'Allow',
        }),
        1,
      );
    }
  },
};

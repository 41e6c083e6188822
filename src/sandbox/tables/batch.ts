import { parseTime } from '../core/clock.ts';
import type { KubeObject } from '../core/types.ts';
import {
  AGE,
  CONTAINERS,
  column,
  containerCells,
  formatLabelSelector,
  humanDuration,
  IMAGES,
  NAME,
  printBool,
  since,
  wide,
} from './format.ts';
import type { Printer } from './types.ts';

const SELECTOR = wide('Selector', 'A label query over pods that should match the pod count.');
const hasCondition = (obj: KubeObject, type: string) =>
  (obj.status?.conditions ?? []).find((c: { type: string }) => c.type === type)?.status === 'True';

export const jobPrinter: Printer = {
  kinds: ['Job'],
  columns: [
    NAME,
    column('Status', 'Status of the job.'),
    column('Completions', 'The number of pods which reached phase Succeeded.'),
    column('Duration', 'Time required to complete the job.'),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells(job, now) {
    const spec = job.spec ?? {};
    const succeeded = job.status?.succeeded ?? 0;
    let completions: string;
    if (typeof spec.completions === 'number') completions = `${succeeded}/${spec.completions}`;
    else if ((spec.parallelism ?? 0) > 1) completions = `${succeeded}/1 of ${spec.parallelism}`;
    else completions = `${succeeded}/1`;
    const start = parseTime(job.status?.startTime);
    const end = parseTime(job.status?.completionTime);
    const duration = start === undefined ? '' : humanDuration((end ?? now) - start);
    return [
      job.metadata.name,
      jobStatus(job),
      completions,
      duration,
      since(job.metadata.creationTimestamp, now),
      ...containerCells(spec.template?.spec?.containers),
      formatLabelSelector(spec.selector),
    ];
  },
};

function jobStatus(job: KubeObject): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

export const cronJobPrinter: Printer = {
  kinds: ['CronJob'],
  columns: [
    NAME,
    column('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    column(
      'Timezone',
      'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.',
    ),
    column(
      'Suspend',
      'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.',
      'boolean',
    ),
    column('Active', 'A list of pointers to currently running jobs.', 'integer'),
    column('Last Schedule', 'Information when was the last time the job was successfully scheduled.'),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells(cronJob, now) {
    const spec = cronJob.spec ?? {};
    const status = cronJob.status ?? {};
    const jobSpec = spec.jobTemplate?.spec ?? {};
    return [
      cronJob.metadata.name,
      spec.schedule ?? '',
      spec.timeZone ?? '<none>',
      printBool(spec.suspend),
      (status.active ?? []).length,
      status.lastScheduleTime ? since(status.lastScheduleTime, now) : '<none>',
      since(cronJob.metadata.creationTimestamp, now),
      ...containerCells(jobSpec.template?.spec?.containers),
      formatLabelSelector(jobSpec.selector),
    ];
  },
};

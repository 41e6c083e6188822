import { parseTime } from '../core/clock.ts';
import { ApiError } from '../core/errors.ts';
import { recordEvent } from '../core/events.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { type CronSchedule, parseCron } from './cron.ts';
import { isJobFinished } from './job.ts';
import { CRON_JOBS, JOBS } from './kinds.ts';
import {
  type Condition,
  controllerOf,
  controllerRefTo,
  isNamespaceTerminating,
  writeStatus,
} from './object-utils.ts';
import { objectKey, splitKey, WorkQueue } from './work-queue.ts';

const COMPONENT = 'cronjob-controller';

const jobSucceeded = (job: KubeObject) =>
  (job.status?.conditions ?? []).some((c: Condition) => c.type === 'Complete' && c.status === 'True');

const created = (job: KubeObject) => parseTime(job.metadata.creationTimestamp) ?? 0;

/**
 * CronJobs: at each time the schedule names (the latest missed one when several were missed),
 * creates a Job `<name>-<minutes since epoch>` per the concurrency policy, keeps
 * lastScheduleTime/lastSuccessfulTime and the active list, and prunes finished Jobs beyond the
 * history limits.
 */
export const cronJobController: Controller = {
  name: 'cronjob',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    const queue = new WorkQueue('cronjob', clock, sync);
    const reported = new Set<string>();
    const schedules = new Map<string, { text: string; schedule: CronSchedule | undefined }>();

    function event(cj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
      recordEvent(store, { involved: cj, type, reason, message, component: COMPONENT });
    }

    function scheduleOf(cj: KubeObject): CronSchedule | undefined {
      const text = String(cj.spec?.schedule ?? '');
      const cached = schedules.get(cj.metadata.uid ?? '');
      if (cached?.text === text) return cached.schedule;
      let schedule: CronSchedule | undefined;
      try {
        schedule = parseCron(text);
      } catch (err) {
        event(
          cj,
          'Warning',
          'UnparseableSchedule',
          `unparseable schedule: "${text}" : ${(err as Error).message}`,
        );
      }
      schedules.set(cj.metadata.uid ?? '', { text, schedule });
      return schedule;
    }

    function deleteJob(cj: KubeObject, job: KubeObject): void {
      store.delete(JOBS, job.metadata.namespace, job.metadata.name);
      event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
    }

    function pruneHistory(cj: KubeObject, finished: KubeObject[]): KubeObject[] {
      const keep = (list: KubeObject[], limit: number) => {
        const sorted = [...list].sort((a, b) => created(a) - created(b));
        for (const job of sorted.slice(0, Math.max(0, sorted.length - limit))) deleteJob(cj, job);
        return sorted.slice(Math.max(0, sorted.length - limit));
      };
      return [
        ...keep(finished.filter(jobSucceeded), cj.spec?.successfulJobsHistoryLimit ?? 3),
        ...keep(
          finished.filter((j) => !jobSucceeded(j)),
          cj.spec?.failedJobsHistoryLimit ?? 1,
        ),
      ];
    }

    function createJob(cj: KubeObject, scheduledAt: number): KubeObject | undefined {
      const template = cj.spec?.jobTemplate ?? {};
      const name = `${cj.metadata.name}-${Math.floor(scheduledAt / 60_000)}`;
      try {
        const job = store.create(JOBS, {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: {
            name,
            namespace: cj.metadata.namespace,
            labels: { ...(template.metadata?.labels ?? {}) },
            annotations: {
              ...(template.metadata?.annotations ?? {}),
              'batch.kubernetes.io/cronjob-scheduled-timestamp': clock.iso(scheduledAt),
            },
            ownerReferences: [controllerRefTo(cj)],
          },
          spec: structuredClone(template.spec ?? {}),
        });
        event(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`);
        return job;
      } catch (err) {
        if (err instanceof ApiError && err.reason === 'AlreadyExists') return undefined;
        throw err;
      }
    }

    function sync(key: string): void {
      const { namespace, name } = splitKey(key);
      const cj = store.get(CRON_JOBS, namespace, name);
      if (!cj || store.isFrozen(cj) || cj.metadata.deletionTimestamp) return;
      const now = clock.now();
      const jobs = index
        .dependents(cj.metadata.uid, 'Job')
        .filter((j) => controllerOf(j)?.uid === cj.metadata.uid);
      let active = jobs.filter((j) => !isJobFinished(j));
      const finished = jobs.filter(isJobFinished);
      let lastSuccessfulTime: string | undefined = cj.status?.lastSuccessfulTime;
      for (const job of finished) {
        if (reported.has(job.metadata.uid ?? '')) continue;
        reported.add(job.metadata.uid ?? '');
        const condition = jobSucceeded(job) ? 'Complete' : 'Failed';
        event(
          cj,
          'Normal',
          'SawCompletedJob',
          `Saw completed job: ${job.metadata.name}, condition: ${condition}`,
        );
        const completion = job.status?.completionTime;
        if (completion && (!lastSuccessfulTime || completion > lastSuccessfulTime))
          lastSuccessfulTime = completion;
      }
      pruneHistory(cj, finished);

      let lastScheduleTime: string | undefined = cj.status?.lastScheduleTime;
      const schedule = scheduleOf(cj);
      if (schedule && !cj.spec?.suspend && !isNamespaceTerminating(store, namespace)) {
        const since = parseTime(lastScheduleTime) ?? created(cj);
        const due = schedule.previous(now);
        const deadline = cj.spec?.startingDeadlineSeconds;
        const tooLate = deadline !== undefined && due !== undefined && now - due > deadline * 1000;
        if (due !== undefined && due > since && !tooLate) {
          const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
          if (policy === 'Forbid' && active.length) {
            event(
              cj,
              'Normal',
              'JobAlreadyActive',
              'Not starting job because prior execution is running and concurrency policy is Forbid',
            );
          } else {
            if (policy === 'Replace') {
              for (const job of active) deleteJob(cj, job);
              active = [];
            }
            const job = createJob(cj, due);
            if (job) active.push(job);
            lastScheduleTime = clock.iso(due);
          }
        }
        queue.addAfter(key, schedule.next(now) - now + 1);
      }
      writeStatus(store, CRON_JOBS, cj, {
        ...(active.length
          ? {
              active: active.map((j) => ({
                apiVersion: 'batch/v1',
                kind: 'Job',
                name: j.metadata.name,
                namespace: j.metadata.namespace,
                resourceVersion: j.metadata.resourceVersion,
                uid: j.metadata.uid,
              })),
            }
          : {}),
        ...(lastScheduleTime ? { lastScheduleTime } : {}),
        ...(lastSuccessfulTime ? { lastSuccessfulTime } : {}),
      });
    }

    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind === 'CronJob') queue.add(objectKey(object.metadata.namespace, object.metadata.name));
      else if (rt.kind === 'Job' && type !== 'ADDED') {
        const owner = controllerOf(object);
        if (owner?.kind === 'CronJob') queue.add(objectKey(object.metadata.namespace, owner.name));
      }
    });
    for (const cj of store.list(CRON_JOBS)) queue.add(objectKey(cj.metadata.namespace, cj.metadata.name));
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};

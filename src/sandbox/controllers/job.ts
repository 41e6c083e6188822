import { parseTime } from '../core/clock.ts';
import { recordEvent } from '../core/events.ts';
import { randomSuffix } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { JOBS, PODS } from './kinds.ts';
import {
  type Condition,
  controllerOf,
  findCondition,
  isNamespaceTerminating,
  setCondition,
  writeStatus,
} from './object-utils.ts';
import { podFromTemplate } from './pod-template.ts';
import { deletePodGracefully, isActivePod, isPodReady } from './pod-utils.ts';
import { objectKey, splitKey, WorkQueue } from './work-queue.ts';

const COMPONENT = 'job-controller';
const MAX_BACKOFF_MS = 360_000;

export const isJobFinished = (job: KubeObject) =>
  (job.status?.conditions ?? []).some(
    (c: Condition) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );

const finishedAt = (pod: KubeObject) =>
  Math.max(
    0,
    ...(pod.status?.containerStatuses ?? []).map((c: any) => parseTime(c.state?.terminated?.finishedAt) ?? 0),
  );

/**
 * Jobs: run pods until `completions` succeed (parallelism at a time), retrying failures with
 * exponential back-off up to backoffLimit (then Failed/BackoffLimitExceeded), honouring
 * activeDeadlineSeconds, suspend and ttlSecondsAfterFinished.
 */
export const jobController: Controller = {
  name: 'job',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    const queue = new WorkQueue('job', clock, sync);

    function event(job: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
      recordEvent(store, { involved: job, type, reason, message, component: COMPONENT });
    }

    function createPod(job: KubeObject): void {
      const uid = job.metadata.uid ?? '';
      const jobLabels = {
        'batch.kubernetes.io/controller-uid': uid,
        'batch.kubernetes.io/job-name': job.metadata.name,
        'controller-uid': uid,
        'job-name': job.metadata.name,
      };
      const pod = store.create(
        PODS,
        podFromTemplate(job, job.spec?.template, `${job.metadata.name}-${randomSuffix()}`, {
          labels: jobLabels,
        }),
      );
      event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    }

    function finishWithTtl(job: KubeObject, key: string): void {
      const ttl = job.spec?.ttlSecondsAfterFinished;
      if (ttl === undefined || ttl === null) return;
      const done = (job.status?.conditions ?? []).find(
        (c: Condition) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
      );
      const at =
        (parseTime(job.status?.completionTime) ?? parseTime(done?.lastTransitionTime) ?? clock.now()) +
        ttl * 1000;
      if (clock.now() >= at) store.delete(JOBS, job.metadata.namespace, job.metadata.name);
      else queue.addAfter(key, at - clock.now());
    }

    function sync(key: string): void {
      const { namespace, name } = splitKey(key);
      const job = store.get(JOBS, namespace, name);
      if (!job || store.isFrozen(job) || job.metadata.deletionTimestamp) return;
      if (isJobFinished(job)) {
        finishWithTtl(job, key);
        return;
      }
      const now = clock.now();
      const iso = clock.iso(now);
      const pods = index
        .podsOwnedBy(job.metadata.uid)
        .filter((p) => controllerOf(p)?.uid === job.metadata.uid);
      const active = pods.filter(isActivePod);
      const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
      const failedPods = pods.filter((p) => p.status?.phase === 'Failed');
      const restarts =
        job.spec?.template?.spec?.restartPolicy === 'OnFailure'
          ? active.reduce(
              (n, p) =>
                n +
                (p.status?.containerStatuses ?? []).reduce(
                  (m: number, c: any) => m + (c.restartCount ?? 0),
                  0,
                ),
              0,
            )
          : 0;
      const failed = failedPods.length + restarts;
      const startTime = job.status?.startTime ?? iso;
      const completions: number | undefined =
        job.spec?.completions ?? (job.spec?.parallelism === undefined ? 1 : undefined);
      const parallelism: number = job.spec?.parallelism ?? 1;
      let conditions: Condition[] = job.status?.conditions ?? [];
      let completionTime: string | undefined;

      const fail = (reason: string, message: string) => {
        for (const pod of active) deletePodGracefully(store, pod);
        conditions = setCondition(
          conditions,
          { type: 'FailureTarget', status: 'True', reason, message, lastProbeTime: iso },
          iso,
        );
        conditions = setCondition(
          conditions,
          { type: 'Failed', status: 'True', reason, message, lastProbeTime: iso },
          iso,
        );
        event(job, 'Warning', reason, message);
      };
      const deadline = job.spec?.activeDeadlineSeconds;
      const complete =
        completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
      if (job.spec?.suspend) {
        for (const pod of active) deletePodGracefully(store, pod);
        conditions = setCondition(
          conditions,
          {
            type: 'Suspended',
            status: 'True',
            reason: 'JobSuspended',
            message: 'Job suspended',
            lastProbeTime: iso,
          },
          iso,
        );
      } else if (complete) {
        const message = 'Reached expected number of succeeded pods';
        conditions = setCondition(
          conditions,
          {
            type: 'SuccessCriteriaMet',
            status: 'True',
            reason: 'CompletionsReached',
            message,
            lastProbeTime: iso,
          },
          iso,
        );
        conditions = setCondition(
          conditions,
          { type: 'Complete', status: 'True', reason: 'CompletionsReached', message, lastProbeTime: iso },
          iso,
        );
        completionTime = iso;
        for (const pod of active) deletePodGracefully(store, pod);
        event(job, 'Normal', 'Completed', 'Job completed');
      } else if (failed > (job.spec?.backoffLimit ?? 6)) {
        fail('BackoffLimitExceeded', 'Job has reached the specified backoff limit');
      } else if (deadline !== undefined && now - (parseTime(startTime) ?? now) >= deadline * 1000) {
        fail('DeadlineExceeded', 'Job was active longer than specified deadline');
      } else {
        conditions = conditions.filter((c) => c.type !== 'Suspended');
        const wanted =
          completions !== undefined
            ? Math.min(parallelism, completions - succeeded)
            : succeeded > 0
              ? 0
              : parallelism;
        if (active.length < wanted && !isNamespaceTerminating(store, namespace)) {
          // Exponential back-off after failures: 10s, 20s, 40s… from the last failure, capped at 6 min.
          const lastFailure = Math.max(0, ...failedPods.map(finishedAt));
          const readyAt = failed ? lastFailure + Math.min(10_000 * 2 ** (failed - 1), MAX_BACKOFF_MS) : 0;
          if (now >= readyAt) for (let i = active.length; i < wanted; i++) createPod(job);
          else queue.addAfter(key, readyAt - now);
        } else if (active.length > wanted) {
          for (const pod of active.slice(wanted)) deletePodGracefully(store, pod);
        }
        if (deadline !== undefined)
          queue.addAfter(key, (parseTime(startTime) ?? now) + deadline * 1000 - now);
      }
      const current = index
        .podsOwnedBy(job.metadata.uid)
        .filter((p) => controllerOf(p)?.uid === job.metadata.uid);
      const stillActive = current.filter(isActivePod);
      const updated = writeStatus(store, JOBS, job, {
        ...(conditions.length ? { conditions } : {}),
        startTime,
        ...(completionTime ? { completionTime } : {}),
        ...(stillActive.length ? { active: stillActive.length } : {}),
        ...(succeeded ? { succeeded } : {}),
        ...(failed ? { failed } : {}),
        ready: stillActive.filter(isPodReady).length,
        terminating: current.filter((p) => p.metadata.deletionTimestamp).length,
        uncountedTerminatedPods: {},
      });
      if (
        findCondition(updated.status?.conditions, 'Complete') ||
        findCondition(updated.status?.conditions, 'Failed')
      )
        finishWithTtl(updated, key);
    }

    const unsubscribe = store.subscribe(({ rt, object }) => {
      if (rt.kind === 'Job') queue.add(objectKey(object.metadata.namespace, object.metadata.name));
      else if (rt.kind === 'Pod') {
        const owner = controllerOf(object);
        if (owner?.kind === 'Job') queue.add(objectKey(object.metadata.namespace, owner.name));
      }
    });
    for (const job of store.list(JOBS)) queue.add(objectKey(job.metadata.namespace, job.metadata.name));
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};

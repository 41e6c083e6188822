import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CRON_JOBS, JOBS } from './kinds.ts';
import { container, eventsFor, startTestCluster, waitFor } from './testkit.ts';

test('a CronJob creates Jobs on schedule, records lastScheduleTime, prunes history and honours suspend', async (t) => {
  const { cluster, stop } = startTestCluster({
    speed: 300,
    runtime: { start: () => ({ outcome: 'crash', runSeconds: 2, exitCode: 0, logLines: [] }) },
  });
  t.after(stop);
  const { store } = cluster;
  store.create(CRON_JOBS, {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'report', namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      successfulJobsHistoryLimit: 2,
      jobTemplate: {
        spec: {
          template: {
            spec: { restartPolicy: 'OnFailure', containers: [container({ image: 'busybox:1.36' })] },
          },
        },
      },
    },
  });
  const jobs = () => store.list(JOBS, 'default');
  await waitFor('3 runs seen', () => eventsFor(cluster, 'report', 'SawCompletedJob').length >= 3, 20_000);
  const cj = store.mustGet(CRON_JOBS, 'default', 'report');
  assert.ok(cj.status.lastScheduleTime);
  assert.ok(cj.status.lastSuccessfulTime);
  await waitFor('history pruned', () => jobs().filter((j) => j.status?.succeeded).length <= 2);
  for (const j of jobs()) {
    assert.match(j.metadata.name, /^report-\d+$/);
    assert.equal(
      Number(j.metadata.name.split('-')[1]) * 60_000,
      Date.parse(j.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'] ?? ''),
    );
  }
  assert.ok(
    eventsFor(cluster, 'report', 'SuccessfulCreate').every((e) =>
      /^Created job report-\d+$/.test(e.message as string),
    ),
  );
  assert.ok(eventsFor(cluster, 'report', 'SuccessfulDelete').length >= 1);

  store.mutate(CRON_JOBS, 'default', 'report', (c) => {
    c.spec.suspend = true;
  });
  const created = eventsFor(cluster, 'report', 'SuccessfulCreate').length;
  const last = store.mustGet(CRON_JOBS, 'default', 'report').status.lastScheduleTime;
  await waitFor('two schedule periods pass', () => cluster.clock.now() > Date.parse(last) + 130_000);
  assert.equal(eventsFor(cluster, 'report', 'SuccessfulCreate').length, created);
});

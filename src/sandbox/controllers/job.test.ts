import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JOBS, PODS } from './kinds.ts';
import { container, eventsFor, startTestCluster, waitFor } from './testkit.ts';

const job = (name: string, spec: object) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'default' },
  spec: {
    template: { spec: { restartPolicy: 'Never', containers: [container({ image: 'busybox:1.36' })] } },
    ...spec,
  },
});

test('a Job runs completions with parallelism and completes; a failing one stops at backoffLimit', async (t) => {
  const { cluster, stop } = startTestCluster({
    speed: 200,
    runtime: {
      start: (p) => ({
        outcome: 'crash',
        runSeconds: 1,
        exitCode: p.metadata.labels?.['job-name'] === 'fails' ? 1 : 0,
        logLines: [],
      }),
    },
  });
  t.after(stop);
  const { store } = cluster;
  let maxActive = 0;
  const unsubscribe = store.subscribe(({ rt, object }) => {
    if (rt.kind === 'Job' && object.metadata.name === 'batch')
      maxActive = Math.max(maxActive, object.status?.active ?? 0);
  });
  t.after(unsubscribe);
  store.create(JOBS, job('batch', { completions: 4, parallelism: 2 }));
  store.create(JOBS, job('fails', { backoffLimit: 2 }));
  const done = await waitFor('batch complete', () => {
    const j = store.mustGet(JOBS, 'default', 'batch');
    return j.status?.conditions?.some((c: any) => c.type === 'Complete' && c.status === 'True') && j;
  });
  assert.equal(done.status.succeeded, 4);
  assert.ok(done.status.completionTime);
  assert.equal(maxActive, 2);
  const complete = done.status.conditions.find((c: any) => c.type === 'Complete');
  assert.equal(complete.reason, 'CompletionsReached');
  assert.ok(eventsFor(cluster, 'batch', 'Completed').some((e) => e.message === 'Job completed'));
  const pods = store.list(PODS, 'default').filter((p) => p.metadata.labels?.['job-name'] === 'batch');
  assert.equal(pods.length, 4);
  assert.ok(
    pods.every((p) => p.metadata.labels?.['batch.kubernetes.io/controller-uid'] === done.metadata.uid),
  );

  const failed = await waitFor('fails failed', () => {
    const j = store.mustGet(JOBS, 'default', 'fails');
    return j.status?.conditions?.some((c: any) => c.type === 'Failed' && c.status === 'True') && j;
  });
  const condition = failed.status.conditions.find((c: any) => c.type === 'Failed');
  assert.equal(condition.reason, 'BackoffLimitExceeded');
  assert.equal(condition.message, 'Job has reached the specified backoff limit');
  assert.equal(failed.status.failed, 3);
  assert.ok(eventsFor(cluster, 'fails', 'BackoffLimitExceeded').length);
});

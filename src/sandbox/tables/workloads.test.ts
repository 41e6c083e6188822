import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../core/types.ts';
import { ago, meta, row } from './testkit.ts';

describe('workload rows', () => {
  const template = {
    metadata: { labels: { app: 'api' } },
    spec: {
      containers: [
        { name: 'app', image: 'api:2' },
        { name: 'proxy', image: 'envoy:1' },
      ],
    },
  };

  it('a rolling deployment', () => {
    const deployment: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('api', 3 * 86400 + 4 * 3600),
      spec: { replicas: 3, selector: { matchLabels: { app: 'api' } }, template },
      status: { replicas: 4, readyReplicas: 2, updatedReplicas: 1, availableReplicas: 2 },
    };
    assert.deepEqual(Object.values(row('Deployment', deployment)), [
      'api',
      '2/3',
      1,
      2,
      '3d4h',
      'app,proxy',
      'api:2,envoy:1',
      'app=api',
    ]);
  });

  it('replica sets, stateful sets and daemon sets', () => {
    const base = {
      metadata: meta('x'),
      spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template },
    };
    assert.deepEqual(
      Object.values(
        row('ReplicaSet', {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          ...base,
          status: { replicas: 2, readyReplicas: 1 },
        }),
      ),
      ['x', 2, 2, 1, '10m', 'app,proxy', 'api:2,envoy:1', 'app=api'],
    );
    assert.deepEqual(
      Object.values(
        row('StatefulSet', {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          ...base,
          status: { readyReplicas: 2 },
        }),
      ),
      ['x', '2/2', '10m', 'app,proxy', 'api:2,envoy:1'],
    );
    const ds = row('DaemonSet', {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: meta('agent'),
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [] } },
      },
      status: {
        desiredNumberScheduled: 3,
        currentNumberScheduled: 3,
        numberReady: 2,
        updatedNumberScheduled: 3,
        numberAvailable: 2,
      },
    });
    assert.deepEqual(Object.values(ds).slice(0, 7), ['agent', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux']);
  });

  it('jobs and cron jobs', () => {
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta('backup-28960'),
      spec: { completions: 1, template: { spec: { containers: [{ name: 'backup', image: 'pg:16' }] } } },
      status: {
        succeeded: 1,
        startTime: ago(300),
        completionTime: ago(250),
        conditions: [{ type: 'Complete', status: 'True' }],
      },
    };
    assert.deepEqual(Object.values(row('Job', job)).slice(0, 5), [
      'backup-28960',
      'Complete',
      '1/1',
      '50s',
      '10m',
    ]);
    const failing = {
      ...job,
      spec: { parallelism: 3 },
      status: { startTime: ago(90), conditions: [{ type: 'Failed', status: 'True' }] },
    };
    assert.deepEqual(Object.values(row('Job', failing)).slice(1, 4), ['Failed', '0/1 of 3', '90s']);
    const cronJob: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta('backup'),
      spec: {
        schedule: '*/5 * * * *',
        suspend: false,
        jobTemplate: { spec: { template: job.spec.template } },
      },
      status: { active: [{ name: 'backup-28961' }], lastScheduleTime: ago(65) },
    };
    assert.deepEqual(Object.values(row('CronJob', cronJob)).slice(0, 7), [
      'backup',
      '*/5 * * * *',
      '<none>',
      'False',
      1,
      '65s',
      '10m',
    ]);
  });
});

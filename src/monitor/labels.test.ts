import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeAlert, isNodeAlert, ownerOfPod, workloadOf } from './labels.ts';

describe('alert labels', () => {
  it('reads the owner off pod names the way Kubernetes builds them', () => {
    const cases: [string, string][] = [
      ['api-service-7d4b9c6f8-x2x9q', 'api-service'], // Deployment → ReplicaSet hash → pod suffix
      ['postgres-0', 'postgres'], // StatefulSet ordinal
      ['node-exporter-4kz7m', 'node-exporter'], // DaemonSet or Job suffix
      ['backup-28123456-q7x2d', 'backup'], // CronJob run (scheduled minute) → Job → pod
      ['standalone', 'standalone'], // a bare pod is its own owner
      ['web-abcde', 'web-abcde'], // vowels never appear in generated suffixes: not a suffix
    ];
    for (const [pod, owner] of cases) assert.equal(ownerOfPod(pod), owner, pod);
  });

  it('prefers the workload named outright, then the pod, then the service', () => {
    assert.equal(
      workloadOf({ namespace: 'prod', deployment: 'api', pod: 'other-5d8c9f7b4d-x2x9q' }),
      'prod/api',
    );
    assert.equal(workloadOf({ namespace: 'prod', pod: 'api-5d8c9f7b4d-x2x9q' }), 'prod/api');
    assert.equal(workloadOf({ namespace: 'prod', replicaset: 'api-5d8c9f7b4d' }), 'prod/api');
    assert.equal(workloadOf({ namespace: 'prod', job_name: 'backup-28123456' }), 'prod/backup');
    assert.equal(workloadOf({ namespace: 'prod', service: 'api' }), 'prod/api');
    assert.equal(workloadOf({ exported_namespace: 'prod', pod: 'db-1' }), 'prod/db');
    // Without a namespace a name is ambiguous: no workload.
    assert.equal(workloadOf({ pod: 'api-5d8c9f7b4d-x2x9q' }), undefined);
    assert.equal(workloadOf({ namespace: 'prod', alertname: 'KubeQuotaExceeded' }), undefined);
  });

  it('tells node alerts from alerts about what runs on a node', () => {
    assert.equal(isNodeAlert({ alertname: 'KubeNodeNotReady', node: 'worker-2' }), true);
    assert.equal(isNodeAlert({ alertname: 'KubePodNotReady', node: 'worker-2', pod: 'api-0' }), false);
    assert.equal(isNodeAlert({ alertname: 'TargetDown' }), false);
  });

  it('describes an alert in one line', () => {
    assert.equal(
      describeAlert({ alertname: 'KubePodCrashLooping', namespace: 'prod', pod: 'api-0' }),
      'KubePodCrashLooping prod/api-0',
    );
    assert.equal(describeAlert({ alertname: 'KubeNodeNotReady', node: 'w2' }), 'KubeNodeNotReady node w2');
    assert.equal(
      describeAlert({ alertname: 'KubeQuotaExceeded', namespace: 'prod' }),
      'KubeQuotaExceeded in prod',
    );
    assert.equal(describeAlert({}), 'alert');
  });
});

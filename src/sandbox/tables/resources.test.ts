import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../core/types.ts';
import { meta, row } from './testkit.ts';

describe('config, storage and autoscaling rows', () => {
  it('secrets and config maps count their keys', () => {
    assert.deepEqual(
      Object.values(
        row('Secret', {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: meta('tls'),
          type: 'kubernetes.io/tls',
          data: { 'tls.crt': 'x', 'tls.key': 'y' },
        }),
      ),
      ['tls', 'kubernetes.io/tls', 2, '10m'],
    );
    assert.equal(
      row('ConfigMap', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta('cfg'),
        data: { a: '1' },
        binaryData: { b: 'AA==' },
      }).Data,
      2,
    );
  });

  it('a bound claim', () => {
    const pvc: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('data-postgres-0'),
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'standard',
        volumeName: 'pvc-123',
        resources: { requests: { storage: '10Gi' } },
      },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
    };
    assert.deepEqual(Object.values(row('PersistentVolumeClaim', pvc)), [
      'data-postgres-0',
      'Bound',
      'pvc-123',
      '10Gi',
      'RWO',
      'standard',
      '<unset>',
      '10m',
      'Filesystem',
    ]);
  });

  it('an autoscaler with a utilization and a value target', () => {
    const hpa: KubeObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta('api'),
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'api' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
          },
          {
            type: 'Resource',
            resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } },
          },
        ],
      },
      status: {
        currentReplicas: 3,
        currentMetrics: [
          { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 45 } } },
        ],
      },
    };
    assert.deepEqual(Object.values(row('HorizontalPodAutoscaler', hpa)), [
      'api',
      'Deployment/api',
      'cpu: 45%/80%, memory: <unknown>/500Mi',
      '2',
      10,
      3,
      '10m',
    ]);
  });

  it('a quota splits requests from limits', () => {
    const quota: KubeObject = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: meta('compute'),
      status: {
        hard: { 'requests.cpu': '4', 'limits.memory': '8Gi', pods: '10' },
        used: { 'requests.cpu': '1500m', pods: '3' },
      },
    };
    assert.deepEqual(Object.values(row('ResourceQuota', quota)), [
      'compute',
      'pods: 3/10, requests.cpu: 1500m/4',
      'limits.memory: 0/8Gi',
      '10m',
    ]);
  });

  it('kinds without a printer get NAME and CREATED AT', () => {
    const role: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta('reader'),
    };
    assert.deepEqual(row('Role', role), { Name: 'reader', 'Created At': '2025-05-01T11:50:00Z' });
  });
});

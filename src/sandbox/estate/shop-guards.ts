import type { KubeObject } from '../core/types.ts';
import { labelsFor } from './builders.ts';

/** What keeps production safe: autoscaling, a disruption budget and a quota. */
export function productionGuards(ns: string, partOf: string): KubeObject[] {
  return [
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api-service', namespace: ns, labels: labelsFor('api-service', partOf) },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api-service' },
        minReplicas: 3,
        maxReplicas: 10,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
          },
        ],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'api-service', namespace: ns, labels: labelsFor('api-service', partOf) },
      spec: {
        maxUnavailable: 1,
        selector: { matchLabels: { app: 'api-service' } },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'compute-quota', namespace: ns },
      spec: {
        hard: {
          'requests.cpu': '16',
          'requests.memory': '32Gi',
          'limits.cpu': '32',
          'limits.memory': '64Gi',
          pods: '60',
        },
      },
    },
  ];
}

import type { KubeObject } from '../core/types.ts';
import { AGE, column, NAME, quantity, since } from './format.ts';
import type { Printer } from './types.ts';

/** Metric specs and statuses are a union of shapes, read field by field. */
type Metric = any;

/** printHorizontalPodAutoscaler: TARGETS like `cpu: 45%/80%`, at most two then `+ N more...`. */
export const horizontalPodAutoscalerPrinter: Printer = {
  kinds: ['HorizontalPodAutoscaler'],
  columns: [
    NAME,
    column('Reference', 'scaleTargetRef points to the target resource to scale.'),
    column(
      'Targets',
      'metrics contains the specifications for which to use to calculate the desired replica count.',
    ),
    column(
      'MinPods',
      'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.',
    ),
    column(
      'MaxPods',
      'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.',
    ),
    column('Replicas', 'currentReplicas is current number of replicas of pods managed by this autoscaler.'),
    AGE,
  ],
  cells(hpa, now) {
    const spec = hpa.spec ?? {};
    const ref = spec.scaleTargetRef ?? {};
    return [
      hpa.metadata.name,
      `${ref.kind ?? ''}/${ref.name ?? ''}`,
      targets(hpa),
      String(spec.minReplicas ?? 1),
      spec.maxReplicas ?? 0,
      hpa.status?.currentReplicas ?? 0,
      since(hpa.metadata.creationTimestamp, now),
    ];
  },
};

/** autoscaling/v1 objects carry one CPU target; the server converts it to a Resource metric before printing. */
function metricsOf(hpa: KubeObject): { specs: Metric[]; statuses: Metric[] } {
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  if (Array.isArray(spec.metrics)) return { specs: spec.metrics, statuses: status.currentMetrics ?? [] };
  if (typeof spec.targetCPUUtilizationPercentage !== 'number') return { specs: [], statuses: [] };
  const current = status.currentCPUUtilizationPercentage;
  return {
    specs: [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { averageUtilization: spec.targetCPUUtilizationPercentage } },
      },
    ],
    statuses:
      typeof current === 'number'
        ? [{ type: 'Resource', resource: { current: { averageUtilization: current } } }]
        : [],
  };
}

function targets(hpa: KubeObject): string {
  const { specs, statuses } = metricsOf(hpa);
  if (!specs.length) return '<none>';
  const list = specs.map((spec, i) => formatMetric(spec, statuses[i]));
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...` : list.join(', ');
}

function formatMetric(spec: Metric, status: Metric): string {
  const unknown = '<unknown>';
  switch (spec?.type) {
    case 'External':
    case 'Object': {
      const field = spec.type === 'External' ? 'external' : 'object';
      const target = spec[field]?.target ?? {};
      const current = status?.[field]?.current;
      if (target.averageValue !== undefined) {
        return `${current?.averageValue !== undefined ? quantity(current.averageValue) : unknown}/${quantity(target.averageValue)} (avg)`;
      }
      return `${current ? quantity(current.value) : unknown}/${quantity(target.value)}`;
    }
    case 'Pods': {
      const current = status?.pods ? quantity(status.pods.current?.averageValue) : unknown;
      return `${current}/${quantity(spec.pods?.target?.averageValue)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const field = spec.type === 'Resource' ? 'resource' : 'containerResource';
      const source = spec[field] ?? {};
      const target = source.target ?? {};
      const current = status?.[field]?.current;
      if (target.averageValue !== undefined) {
        return `${source.name}: ${current ? quantity(current.averageValue) : unknown}/${quantity(target.averageValue)}`;
      }
      const utilization =
        current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : unknown;
      const wanted = target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
      return `${source.name}: ${utilization}/${wanted}`;
    }
    default:
      return '<unknown type>';
  }
}

export const podDisruptionBudgetPrinter: Printer = {
  kinds: ['PodDisruptionBudget'],
  columns: [
    NAME,
    column('Min Available', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', 'integer'),
    AGE,
  ],
  cells(pdb, now) {
    const spec = pdb.spec ?? {};
    return [
      pdb.metadata.name,
      spec.minAvailable !== undefined ? String(spec.minAvailable) : 'N/A',
      spec.maxUnavailable !== undefined ? String(spec.maxUnavailable) : 'N/A',
      pdb.status?.disruptionsAllowed ?? 0,
      since(pdb.metadata.creationTimestamp, now),
    ];
  },
};

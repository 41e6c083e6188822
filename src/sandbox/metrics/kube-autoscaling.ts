import { parseQuantity } from '../../kube/quantity.ts';
import { rt } from '../core/resources.ts';
import type { Collector } from './context.ts';
import { labels } from './exposition.ts';
import { conditions, gauges, generation } from './kube-helpers.ts';

/** kube-state-metrics HorizontalPodAutoscaler series. */
export const kubeAutoscaling: Collector = {
  name: 'kube-state-metrics/autoscaling',
  collect(ctx, out) {
    const list = ctx.store.list(rt('HorizontalPodAutoscaler'));
    gauges(out, list, 'horizontalpodautoscaler', 'kube_horizontalpodautoscaler', {
      metadata_generation: ['The generation observed by the HorizontalPodAutoscaler controller.', generation],
      spec_max_replicas: [
        'Upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas.',
        (h) => h.spec?.maxReplicas,
      ],
      spec_min_replicas: [
        'Lower limit for the number of pods that can be set by the autoscaler, default 1.',
        (h) => h.spec?.minReplicas ?? 1,
      ],
      status_current_replicas: [
        'Current number of replicas of pods managed by this autoscaler.',
        (h) => h.status?.currentReplicas ?? 0,
      ],
      status_desired_replicas: [
        'Desired number of replicas of pods managed by this autoscaler.',
        (h) => h.status?.desiredReplicas ?? 0,
      ],
    });
    const info = out.family(
      'kube_horizontalpodautoscaler_info',
      'gauge',
      'Information about this autoscaler.',
    );
    const target = out.family(
      'kube_horizontalpodautoscaler_spec_target_metric',
      'gauge',
      'The metric specifications used by this autoscaler when calculating the desired replica count.',
    );
    for (const h of list) {
      const base = labels({ namespace: h.metadata.namespace, horizontalpodautoscaler: h.metadata.name });
      const ref = h.spec?.scaleTargetRef ?? {};
      info(
        `${base},${labels({ scaletargetref_api_version: ref.apiVersion, scaletargetref_kind: ref.kind, scaletargetref_name: ref.name })}`,
        1,
      );
      for (const m of h.spec?.metrics ?? []) {
        const goal = m.resource?.target;
        if (!goal) continue;
        const type =
          goal.type === 'Utilization' ? 'utilization' : goal.type === 'AverageValue' ? 'average' : 'value';
        const value = goal.averageUtilization ?? goal.averageValue ?? goal.value;
        const parsed = parseQuantity(value);
        if (parsed !== undefined)
          target(`${base},${labels({ metric_name: m.resource.name, metric_target_type: type })}`, parsed);
      }
    }
    conditions(
      out,
      list,
      'horizontalpodautoscaler',
      'kube_horizontalpodautoscaler_status_condition',
      'The condition of this autoscaler.',
    );
  },
};

import { recordEvent } from '../core/events.ts';
import { findByKind, findStoredKind } from '../core/resources.ts';
import { resourceName } from '../core/store.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { type MetricOutcome, metricSpecs, resourceMetric } from './hpa-metrics.ts';
import { normalizeReplicas, type Recommendation } from './hpa-scaling.ts';
import { HPAS } from './kinds.ts';
import { type Condition, setCondition, writeStatus } from './object-utils.ts';
import { matchesSelector } from './selectors.ts';
import { objectKey, splitKey, WorkQueue } from './work-queue.ts';

const COMPONENT = 'horizontal-pod-autoscaler';
const SYNC_MS = 15_000;

/**
 * The HorizontalPodAutoscaler (autoscaling/v2): every 15 s, CPU/memory usage from the runtime vs
 * requests gives a desired replica count, stabilised and limited as the real controller does
 * (hpa-scaling.ts); the target is scaled through the store. Conditions AbleToScale /
 * ScalingActive / ScalingLimited and events use the real wording.
 */
export const hpaController: Controller = {
  name: 'horizontal-pod-autoscaler',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    const recommendations = new Map<string, Recommendation[]>();
    const seenGeneration = new Map<string, number>();
    const queue = new WorkQueue('horizontal-pod-autoscaler', clock, sync);

    function sync(key: string): void {
      const { namespace, name } = splitKey(key);
      const hpa = store.get(HPAS, namespace, name);
      if (!hpa || store.isFrozen(hpa)) return;
      const now = clock.now();
      const iso = clock.iso(now);
      let conditions: Condition[] = hpa.status?.conditions ?? [];
      const condition = (type: string, status: string, reason: string, message: string) => {
        conditions = setCondition(conditions, { type, status, reason, message }, iso);
      };
      const event = (type: 'Normal' | 'Warning', reason: string, message: string) =>
        recordEvent(store, { involved: hpa, type, reason, message, component: COMPONENT });
      const status = (fields: object) =>
        writeStatus(store, HPAS, hpa, {
          ...(hpa.status?.lastScaleTime ? { lastScaleTime: hpa.status.lastScaleTime } : {}),
          ...fields,
          conditions,
        });

      const ref = hpa.spec?.scaleTargetRef ?? {};
      const rt = findByKind(ref.apiVersion ?? '', ref.kind ?? '') ?? findStoredKind(ref.kind ?? '');
      const target = rt ? store.get(rt, namespace, ref.name) : undefined;
      if (!rt || !target) {
        const scale = rt
          ? resourceName(rt).replace(/^([^.]+)/, '$1/scale')
          : `${String(ref.kind).toLowerCase()}s/scale`;
        const message = `${scale} "${ref.name}" not found`;
        condition(
          'AbleToScale',
          'False',
          'FailedGetScale',
          `the HPA controller was unable to get the target's current scale: ${message}`,
        );
        event('Warning', 'FailedGetScale', message);
        status({
          currentReplicas: hpa.status?.currentReplicas ?? 0,
          desiredReplicas: hpa.status?.desiredReplicas ?? 0,
        });
        return;
      }
      const current: number = target.spec?.replicas ?? 1;
      const min: number = hpa.spec?.minReplicas ?? 1;
      const max: number = hpa.spec?.maxReplicas ?? current;
      condition(
        'AbleToScale',
        'True',
        'SucceededGetScale',
        "the HPA controller was able to get the target's current scale",
      );
      if (current === 0 && min !== 0) {
        condition(
          'ScalingActive',
          'False',
          'ScalingDisabled',
          'scaling is disabled since the replica count of the target is zero',
        );
        status({ currentReplicas: 0, desiredReplicas: 0 });
        return;
      }

      let desired: number;
      let reason: string;
      const metrics: MetricOutcome[] = [];
      if (current > max || current < min) {
        desired = current > max ? max : min;
        reason = `Current number of replicas ${current > max ? 'above Spec.MaxReplicas' : 'below Spec.MinReplicas'}`;
      } else {
        const pods = index
          .podsInNamespace(namespace ?? 'default')
          .filter((p) => matchesSelector(target.spec?.selector, p.metadata.labels));
        // Before any target pod runs there are no metrics yet: nothing to say (metrics-server has not scraped them).
        if (!pods.some((p) => p.status?.phase === 'Running')) {
          status({ currentReplicas: current, desiredReplicas: hpa.status?.desiredReplicas ?? current });
          return;
        }
        const errors: string[] = [];
        for (const metric of metricSpecs(hpa)) {
          if (metric.type !== 'Resource') continue;
          try {
            metrics.push(resourceMetric(cluster.runtime, metric, pods, current, now));
          } catch (err) {
            errors.push((err as Error).message);
            event('Warning', 'FailedGetResourceMetric', (err as Error).message);
          }
        }
        if (!metrics.length) {
          const resource = /^failed to get (\w+)/.exec(errors[0] ?? '')?.[1] ?? 'cpu';
          const first = `failed to get ${resource} resource metric value: ${errors[0] ?? 'no metrics'}`;
          event(
            'Warning',
            'FailedComputeMetricsReplicas',
            `invalid metrics (${errors.length} invalid out of ${errors.length}), first error is: ${first}`,
          );
          condition(
            'ScalingActive',
            'False',
            'FailedGetResourceMetric',
            `the HPA was unable to compute the replica count: ${first}`,
          );
          status({
            currentReplicas: current,
            desiredReplicas: hpa.status?.desiredReplicas ?? current,
            currentMetrics: null,
          });
          return;
        }
        const best = metrics.reduce((a, b) => (b.replicas > a.replicas ? b : a));
        condition(
          'ScalingActive',
          'True',
          'ValidMetricFound',
          `the HPA was able to successfully calculate a replica count from ${best.description}`,
        );
        const history = recommendations.get(key) ?? [];
        recommendations.set(key, history);
        const normalized = normalizeReplicas({
          raw: best.replicas,
          current,
          min,
          max,
          now,
          history,
          behavior: hpa.spec?.behavior,
        });
        condition('AbleToScale', 'True', normalized.ableToScale.reason, normalized.ableToScale.message);
        condition(
          'ScalingLimited',
          normalized.limited.status,
          normalized.limited.reason,
          normalized.limited.message,
        );
        desired = normalized.replicas;
        reason = best.replicas > current ? `${best.description} above target` : 'All metrics below target';
      }

      let lastScaleTime: string | undefined = hpa.status?.lastScaleTime;
      if (desired !== current) {
        store.mutate(rt, namespace, ref.name, (draft) => {
          draft.spec = { ...draft.spec, replicas: desired };
        });
        event('Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
        condition(
          'AbleToScale',
          'True',
          'SucceededRescale',
          `the HPA controller was able to update the target scale to ${desired}`,
        );
        lastScaleTime = iso;
      }
      const cpu = metrics.find((o) => o.status.resource?.name === 'cpu')?.status.resource.current
        .averageUtilization;
      status({
        observedGeneration: hpa.metadata.generation ?? 1,
        ...(lastScaleTime ? { lastScaleTime } : {}),
        currentReplicas: current,
        desiredReplicas: desired,
        ...(metrics.length ? { currentMetrics: metrics.map((o) => o.status) } : {}),
        ...(hpa.apiVersion === 'autoscaling/v1' && cpu !== undefined
          ? { currentCPUUtilizationPercentage: cpu }
          : {}),
      });
    }

    const enqueueAll = () => {
      for (const hpa of store.list(HPAS)) queue.add(objectKey(hpa.metadata.namespace, hpa.metadata.name));
    };
    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind !== 'HorizontalPodAutoscaler') return;
      const key = objectKey(object.metadata.namespace, object.metadata.name);
      if (type === 'DELETED') {
        recommendations.delete(key);
        seenGeneration.delete(key);
        return;
      }
      // Status writes (ours included) do not change the generation; spec edits do.
      if (seenGeneration.get(key) === object.metadata.generation) return;
      seenGeneration.set(key, object.metadata.generation ?? 0);
      queue.add(key);
    });
    enqueueAll();
    const stopTimer = clock.every(SYNC_MS, enqueueAll);
    return () => {
      unsubscribe();
      stopTimer();
      queue.stop();
    };
  },
};

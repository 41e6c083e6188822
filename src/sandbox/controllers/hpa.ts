import { recordEvent } from '../core/events.ts';
import { findByKind, findStoredKind } from '../core/resources.ts';
import { resourceName } from '../core/store.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { type MetricOutcome, metricSpecs, resourceMetric } from './hpa-metrics.ts';
import { HPAS } from './kinds.ts';
import { type Condition, setCondition, writeStatus } from './object-utils.ts';
import { matchesSelector } from './selectors.ts';
import { objectKey, splitKey, WorkQueue } from './work-queue.ts';

const COMPONENT = 'horizontal-pod-autoscaler';
const SYNC_MS = 15_000;

/**
 * The HorizontalPodAutoscaler (autoscaling/v2): every 15 s, CPU/memory usage from the runtime vs
 * requests gives a desired replica count, stabilised (5 min for scale-down), rate-limited
 * (double or +4 per step up) and clamped to min/max; the target is scaled through the store.
 * Conditions AbleToScale / ScalingActive / ScalingLimited and events use the real wording.
 */
export const hpaController: Controller = {
  name: 'horizontal-pod-autoscaler',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    const recommendations = new Map<string, { at: number; replicas: number }[]>();
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
      const ref = hpa.spec?.scaleTargetRef ?? {};
      const rt = findByKind(ref.apiVersion ?? '', ref.kind ?? '') ?? findStoredKind(ref.kind ?? '');
      const target = rt ? store.get(rt, namespace, ref.name) : undefined;
      if (!rt || !target) {
        const message = `${rt ? resourceName(rt).replace(/^([^.]+)/, '$1/scale') : `${String(ref.kind).toLowerCase()}s/scale`} "${ref.name}" not found`;
        condition(
          'AbleToScale',
          'False',
          'FailedGetScale',
          `the HPA controller was unable to get the target's current scale: ${message}`,
        );
        event('Warning', 'FailedGetScale', message);
        writeStatus(store, HPAS, hpa, {
          ...hpa.status,
          currentReplicas: hpa.status?.currentReplicas ?? 0,
          desiredReplicas: hpa.status?.desiredReplicas ?? 0,
          conditions,
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
        writeStatus(store, HPAS, hpa, { currentReplicas: 0, desiredReplicas: 0, conditions });
        return;
      }
      const pods = index
        .podsInNamespace(namespace ?? 'default')
        .filter((p) => matchesSelector(target.spec?.selector, p.metadata.labels));
      const outcomes: MetricOutcome[] = [];
      const errors: string[] = [];
      for (const metric of metricSpecs(hpa)) {
        if (metric.type !== 'Resource') continue;
        try {
          outcomes.push(resourceMetric(cluster.runtime, metric, pods, current, now));
        } catch (err) {
          errors.push((err as Error).message);
          event('Warning', 'FailedGetResourceMetric', (err as Error).message);
        }
      }
      if (!outcomes.length) {
        const first = `failed to get ${errors[0]?.match(/^failed to get (\w+)/)?.[1] ?? 'cpu'} resource metric value: ${errors[0] ?? 'no metrics'}`;
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
        writeStatus(store, HPAS, hpa, {
          currentReplicas: current,
          desiredReplicas: hpa.status?.desiredReplicas ?? current,
          currentMetrics: null,
          conditions,
          ...(hpa.status?.lastScaleTime ? { lastScaleTime: hpa.status.lastScaleTime } : {}),
        });
        return;
      }
      const best = outcomes.reduce((a, b) => (b.replicas > a.replicas ? b : a));
      condition(
        'ScalingActive',
        'True',
        'ValidMetricFound',
        `the HPA was able to successfully calculate a replica count from ${best.description}`,
      );

      const behavior = hpa.spec?.behavior ?? {};
      const upWindow = (behavior.scaleUp?.stabilizationWindowSeconds ?? 0) * 1000;
      const downWindow = (behavior.scaleDown?.stabilizationWindowSeconds ?? 300) * 1000;
      const history = (recommendations.get(key) ?? []).filter(
        (r) => r.at >= now - Math.max(upWindow, downWindow),
      );
      history.push({ at: now, replicas: best.replicas });
      recommendations.set(key, history);
      let up = best.replicas;
      let down = best.replicas;
      for (const r of history) {
        if (r.at >= now - upWindow) up = Math.min(up, r.replicas);
        if (r.at >= now - downWindow) down = Math.max(down, r.replicas);
      }
      let desired = Math.min(Math.max(current, up), down);
      const stabilized = desired > best.replicas;
      let limit = {
        reason: 'DesiredWithinRange',
        message: 'the desired count is within the acceptable range',
      };
      if (current > max || current < min) desired = current > max ? max : min;
      else if (desired > current) {
        // Default scale-up policies: +100% or +4 pods per period, whichever is more.
        const rateLimit = Math.max(2 * current, current + 4);
        const allowed = Math.min(max, rateLimit);
        if (desired > allowed) {
          limit =
            max > rateLimit
              ? {
                  reason: 'ScaleUpLimit',
                  message: 'the desired replica count is increasing faster than the maximum scale rate',
                }
              : {
                  reason: 'TooManyReplicas',
                  message: 'the desired replica count is more than the maximum replica count',
                };
          desired = allowed;
        }
      } else if (desired < min) {
        limit = {
          reason: 'TooFewReplicas',
          message: 'the desired replica count is less than the minimum replica count',
        };
        desired = min;
      }
      condition(
        'ScalingLimited',
        limit.reason === 'DesiredWithinRange' ? 'False' : 'True',
        limit.reason,
        limit.message,
      );

      let lastScaleTime: string | undefined = hpa.status?.lastScaleTime;
      if (desired !== current) {
        store.mutate(rt, namespace, ref.name, (draft) => {
          draft.spec = { ...draft.spec, replicas: desired };
        });
        const reason =
          current < min
            ? 'Current number of replicas below Spec.MinReplicas'
            : current > max
              ? 'Current number of replicas above Spec.MaxReplicas'
              : desired > current
                ? `${best.description} above target`
                : 'All metrics below target';
        event('Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
        condition(
          'AbleToScale',
          'True',
          'SucceededRescale',
          `the HPA controller was able to update the target scale to ${desired}`,
        );
        lastScaleTime = iso;
      } else if (stabilized) {
        condition(
          'AbleToScale',
          'True',
          'ScaleDownStabilized',
          'recent recommendations were higher than current one, applying the highest recent recommendation',
        );
      } else {
        condition('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
      }
      const cpu = outcomes.find((o) => o.status.resource?.name === 'cpu')?.status.resource.current
        .averageUtilization;
      writeStatus(store, HPAS, hpa, {
        observedGeneration: hpa.metadata.generation ?? 1,
        ...(lastScaleTime ? { lastScaleTime } : {}),
        currentReplicas: current,
        desiredReplicas: desired,
        currentMetrics: outcomes.map((o) => o.status),
        ...(hpa.apiVersion === 'autoscaling/v1' && cpu !== undefined
          ? { currentCPUUtilizationPercentage: cpu }
          : {}),
        conditions,
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

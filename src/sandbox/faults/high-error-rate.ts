import { describeTarget } from './targets.ts';
import type { FaultType } from './types.ts';
import {
  current,
  keyOf,
  mainContainerOf,
  podsOf,
  rewriteMainContainer,
  workloadHealthy,
} from './workloads.ts';

/**
 * A configuration change ships as a new revision: a feature flag switches on a code path that fails
 * a share of requests with 500s. Rolling back (or unsetting the flag) removes it; a restart keeps it.
 */
export const highErrorRate: FaultType = {
  name: 'high_error_rate',
  description:
    'A new revision turns on a feature flag whose code path fails a share of requests with HTTP 500.',
  targets: ['deployment'],
  params: [
    {
      name: 'errorRatio',
      type: 'number',
      description: 'Share of requests that fail',
      default: 0.3,
      min: 0.01,
      max: 1,
    },
    {
      name: 'env',
      type: 'string',
      description: 'Environment variable the release sets',
      default: 'FEATURE_NEW_PRICING_ENGINE',
    },
    { name: 'value', type: 'string', description: 'Its value', default: 'true' },
  ],
  inject(ctx, target, params) {
    const { store } = ctx.cluster;
    const errorRatio = Number(params.errorRatio ?? 0.3);
    const env = String(params.env ?? 'FEATURE_NEW_PRICING_ENGINE');
    const value = String(params.value ?? 'true');
    const key = keyOf(target);
    const main = mainContainerOf(target.object);
    ctx.runtime.effects.badConfig.set(key, {
      env,
      value,
      errorRatio,
      detail: `pricing engine v2: no rounding rule for currency "EUR" (${env}=${value})`,
    });
    rewriteMainContainer(
      store,
      target,
      `kubectl set env ${describeTarget(target)} ${env}=${value} --record=true`,
      (c) => {
        c.env = [...(c.env ?? []).filter((e: any) => e.name !== env), { name: env, value }];
      },
    );
    const hasFlag = (c: any) => (c?.env ?? []).some((e: any) => e.name === env && e.value === value);
    return {
      params: { errorRatio, env, value },
      symptoms: `After the new revision of ${describeTarget(target)} (${env}=${value}) rolls out, ~${Math.round(errorRatio * 100)}% of its requests fail with 500 (http_requests_total{code="500"}), and its logs show "request failed … pricing engine v2" errors.`,
      fix: `Roll back the release (kubectl rollout undo ${describeTarget(target)} -n ${target.namespace}) or unset the flag (kubectl set env ${describeTarget(target)} -c ${main?.name} ${env}-). Restarting keeps the flag and does not help.`,
      isCleared: () => {
        const obj = current(store, target);
        if (!obj || hasFlag(mainContainerOf(obj))) return false;
        return (
          !podsOf(store, target).some((p) => hasFlag(mainContainerOf(p))) && workloadHealthy(store, target)
        );
      },
      remove: () => ctx.runtime.effects.badConfig.delete(key),
    };
  },
};

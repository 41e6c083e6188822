/**
 * How the HPA turns a metric's recommendation into a replica count: stabilisation over recent
 * recommendations, then rate and min/max limits — both the classic algorithm (no
 * spec.behavior) and the behavior-driven one — with the AbleToScale and ScalingLimited wording
 * of the real controller.
 */

export interface Recommendation {
  at: number;
  replicas: number;
}

export interface Normalized {
  replicas: number;
  ableToScale: { reason: string; message: string };
  limited: { status: 'True' | 'False'; reason: string; message: string };
}

export interface ScalingInput {
  raw: number;
  current: number;
  min: number;
  max: number;
  now: number;
  /** Recent recommendations of this HPA; the new one is appended. */
  history: Recommendation[];
  behavior?: any;
}

const DEFAULT_DOWN_WINDOW_S = 300;
const WITHIN = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
const TOO_FEW = {
  reason: 'TooFewReplicas',
  message: 'the desired replica count is less than the minimum replica count',
};
const TOO_MANY = {
  reason: 'TooManyReplicas',
  message: 'the desired replica count is more than the maximum replica count',
};
const UP_LIMIT = {
  reason: 'ScaleUpLimit',
  message: 'the desired replica count is increasing faster than the maximum scale rate',
};
const DOWN_LIMIT = {
  reason: 'ScaleDownLimit',
  message: 'the desired replica count is decreasing faster than the maximum scale rate',
};
const READY = { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const DOWN_STABILIZED = {
  reason: 'ScaleDownStabilized',
  message: 'recent recommendations were higher than current one, applying the highest recent recommendation',
};
const UP_STABILIZED = {
  reason: 'ScaleUpStabilized',
  message: 'recent recommendations were lower than current one, applying the lowest recent recommendation',
};

function record(input: ScalingInput, keepMs: number): void {
  const { history, now, raw } = input;
  const fresh = history.filter((r) => r.at >= now - keepMs);
  history.splice(0, history.length, ...fresh, { at: now, replicas: raw });
}

function limitedResult(replicas: number, stabilized: number, limit: { reason: string; message: string }) {
  return {
    status: replicas === stabilized ? ('False' as const) : ('True' as const),
    ...(replicas === stabilized ? WITHIN : limit),
  };
}

/** normalizeDesiredReplicas: the highest recommendation of the last 5 minutes, then at most ×2 (or 4) up and min/max. */
function classic(input: ScalingInput): Normalized {
  const { raw, current, min, max, now, history } = input;
  const cutoff = now - DEFAULT_DOWN_WINDOW_S * 1000;
  const stabilized = Math.max(raw, ...history.filter((r) => r.at >= cutoff).map((r) => r.replicas));
  record(input, DEFAULT_DOWN_WINDOW_S * 1000);
  const scaleUpLimit = Math.max(2 * current, 4);
  const [maxAllowed, maxReason] = max > scaleUpLimit ? [scaleUpLimit, UP_LIMIT] : [max, TOO_MANY];
  let replicas = stabilized;
  let limit = WITHIN;
  if (stabilized < min) [replicas, limit] = [min, TOO_FEW];
  else if (stabilized > maxAllowed) [replicas, limit] = [maxAllowed, maxReason];
  return {
    replicas,
    ableToScale: stabilized === raw ? READY : DOWN_STABILIZED,
    limited: limitedResult(replicas, stabilized, limit),
  };
}

/** The largest change a set of scaling policies allows in one step (selectPolicy Max unless said otherwise). */
function policyLimit(rules: any, current: number, up: boolean): number {
  const policies: any[] =
    rules?.policies ??
    (up
      ? [
          { type: 'Percent', value: 100 },
          { type: 'Pods', value: 4 },
        ]
      : [{ type: 'Percent', value: 100 }]);
  if (rules?.selectPolicy === 'Disabled') return current;
  const limits = policies.map((p) => {
    const change = p.type === 'Pods' ? p.value : Math.ceil((current * p.value) / 100);
    return up
      ? current + change
      : current - (p.type === 'Pods' ? p.value : Math.floor((current * p.value) / 100));
  });
  const pickMin = rules?.selectPolicy === 'Min';
  return up
    ? pickMin
      ? Math.min(...limits)
      : Math.max(...limits)
    : pickMin
      ? Math.max(...limits)
      : Math.min(...limits);
}

/** normalizeDesiredReplicasWithBehaviors: windows and policies from spec.behavior. */
function withBehavior(input: ScalingInput): Normalized {
  const { raw, current, min, max, now, history, behavior } = input;
  const upWindow = (behavior.scaleUp?.stabilizationWindowSeconds ?? 0) * 1000;
  const downWindow = (behavior.scaleDown?.stabilizationWindowSeconds ?? DEFAULT_DOWN_WINDOW_S) * 1000;
  let up = raw;
  let down = raw;
  for (const r of history) {
    if (r.at > now - upWindow) up = Math.min(up, r.replicas);
    if (r.at > now - downWindow) down = Math.max(down, r.replicas);
  }
  record(input, Math.max(upWindow, downWindow));
  const stabilized = Math.min(Math.max(current, up), down);
  let replicas = stabilized;
  let limit = WITHIN;
  if (stabilized > current) {
    const rateLimit = Math.max(policyLimit(behavior.scaleUp, current, true), current);
    const [allowed, reason] = max > rateLimit ? [rateLimit, UP_LIMIT] : [max, TOO_MANY];
    if (stabilized > allowed) [replicas, limit] = [allowed, reason];
  } else if (stabilized < current) {
    const rateLimit = Math.min(policyLimit(behavior.scaleDown, current, false), current);
    const [allowed, reason] = min < rateLimit ? [rateLimit, DOWN_LIMIT] : [min, TOO_FEW];
    if (stabilized < allowed) [replicas, limit] = [allowed, reason];
  }
  const ableToScale = stabilized === raw ? READY : raw >= current ? UP_STABILIZED : DOWN_STABILIZED;
  return { replicas, ableToScale, limited: limitedResult(replicas, stabilized, limit) };
}

export const normalizeReplicas = (input: ScalingInput): Normalized =>
  input.behavior ? withBehavior(input) : classic(input);

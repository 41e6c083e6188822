/**
 * Response time of a service: a fixed part (work plus network) and a queueing wait that is
 * exponential, as in an M/M/1 queue per replica (rate μ − λ), mixed with a share of requests
 * that hang for a timeout (a resolver that does not answer).
 */
export interface LatencyModel {
  fixedSeconds: number;
  /** Rate (1/s) of the exponential queueing wait. */
  waitRate: number;
  slowShare: number;
  slowSeconds: number;
}

/** Share of requests answered within `le` seconds. */
export function latencyCdf(model: LatencyModel, le: number): number {
  const fast = le <= model.fixedSeconds ? 0 : 1 - Math.exp(-(le - model.fixedSeconds) * model.waitRate);
  return (1 - model.slowShare) * fast + (le >= model.slowSeconds ? model.slowShare : 0);
}

export function latencyQuantile(model: LatencyModel, q: number): number {
  const fastShare = 1 - model.slowShare;
  if (q >= fastShare) return model.slowSeconds;
  return model.fixedSeconds - Math.log(1 - q / fastShare) / model.waitRate;
}

export const meanLatency = (model: LatencyModel): number =>
  (1 - model.slowShare) * (model.fixedSeconds + 1 / model.waitRate) + model.slowShare * model.slowSeconds;

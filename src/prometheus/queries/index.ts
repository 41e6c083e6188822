export type { CannedQuery, Unit } from './canned.ts';
export { DEFAULT_METRIC_NAMES, durationMs, type MetricNames, metricNames, quote, selector } from './names.ts';
export { nodeUsage } from './nodes.ts';
export { type PodScope, podCpu, podMemory } from './pods.ts';
export { type ServiceScope, serviceErrorRate, serviceLatency, serviceRequestRate } from './services.ts';
export { type TopScope, topConsumers } from './top.ts';

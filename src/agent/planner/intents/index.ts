import { assertUniqueNames } from '../../../registry.ts';
import { MONITORING_INTENTS, SILENCE_INTENTS } from './alerts.ts';
import { ANALYZE_INTENTS, DIAGNOSE_INTENTS } from './diagnose.ts';
import type { Intent } from './intent.ts';
import { METRIC_INTENTS, QUERY_INTENTS } from './metrics.ts';
import { NODE_INTENTS } from './nodes.ts';
import { LOG_INTENTS, POD_INTENTS } from './pods.ts';
import { EVENT_INTENTS, HISTORY_INTENTS, OVERVIEW_INTENTS } from './reads.ts';
import { WORKLOAD_INTENTS } from './workloads.ts';

/**
 * Every intent, most specific first: the first whose `matches` holds plans the request. A "why"
 * question outranks the verbs inside it, an order outranks a reading, a named metric outranks a
 * generic "show", and the generic list/get comes last.
 */
export const INTENTS: readonly Intent[] = [
  ...DIAGNOSE_INTENTS,
  ...QUERY_INTENTS,
  ...NODE_INTENTS,
  ...SILENCE_INTENTS,
  ...WORKLOAD_INTENTS,
  ...POD_INTENTS,
  ...MONITORING_INTENTS,
  ...METRIC_INTENTS,
  ...LOG_INTENTS,
  ...EVENT_INTENTS,
  ...HISTORY_INTENTS,
  ...ANALYZE_INTENTS,
  ...OVERVIEW_INTENTS,
];

assertUniqueNames(INTENTS, 'planner intent');

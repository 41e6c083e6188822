import { INTENTS } from './intents/index.ts';

export { type PlanOptions, planOffline } from './plan-offline.ts';

/** Every tool the offline planner may call, to check against the MCP servers' registries. */
export const PLANNER_TOOLS: readonly string[] = [
  ...new Set(INTENTS.flatMap((i) => i.tools).concat('diagnose')),
].sort();

/** The planner's tools that change something (each goes through the policy gate when run). */
export const MUTATING_PLANNER_TOOLS: readonly string[] = [
  'deployments_scale',
  'deployments_restart',
  'deployments_rollback',
  'deployments_set_resources',
  'pods_delete',
  'nodes_cordon',
  'nodes_uncordon',
  'nodes_drain',
  'alertmanager_silence_create',
  'alertmanager_silence_delete',
];

import { checkUniqueNames, type ToolDef } from '../tool.ts';
import { alertmanagerAlerts, alertmanagerSilencesList } from './alertmanager.ts';
import {
  prometheusLabels,
  prometheusLabelValues,
  prometheusMetadata,
  prometheusMetricsList,
  prometheusSeries,
} from './catalog.ts';
import { compareTimeRanges } from './compare.ts';
import type { PrometheusToolContext } from './context.ts';
import { nodeUsageTool, topConsumersTool } from './nodes.ts';
import { podCpuUsage, podMemoryUsage } from './pods.ts';
import { prometheusQuery, prometheusQueryRange } from './query.ts';
import { prometheusAlerts, prometheusRules, prometheusStatus, prometheusTargets } from './server-state.ts';
import { serviceErrorRateTool, serviceLatencyTool, serviceRequestRateTool } from './services.ts';
import { alertmanagerSilenceCreate, alertmanagerSilenceDelete } from './silences.ts';

/** Every Prometheus and Alertmanager tool, in the order tools/list shows them. */
export const PROMETHEUS_TOOLS: readonly ToolDef<PrometheusToolContext, any>[] = [
  prometheusQuery,
  prometheusQueryRange,
  prometheusSeries,
  prometheusLabels,
  prometheusLabelValues,
  prometheusMetricsList,
  prometheusMetadata,
  prometheusTargets,
  prometheusRules,
  prometheusAlerts,
  prometheusStatus,
  podCpuUsage,
  podMemoryUsage,
  serviceLatencyTool,
  serviceErrorRateTool,
  serviceRequestRateTool,
  nodeUsageTool,
  topConsumersTool,
  compareTimeRanges,
  alertmanagerAlerts,
  alertmanagerSilencesList,
  alertmanagerSilenceCreate,
  alertmanagerSilenceDelete,
];

checkUniqueNames(PROMETHEUS_TOOLS);

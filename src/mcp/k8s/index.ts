import { checkUniqueNames, type ToolDef } from '../tool.ts';
import { clusterHealthTool } from './cluster-health.ts';
import type { K8sToolContext } from './context.ts';
import { contextsList } from './contexts.ts';
import { deploymentsGet, deploymentsHistory, deploymentsList } from './deployments.ts';
import {
  deploymentsRestart,
  deploymentsRollback,
  deploymentsScale,
  deploymentsSetResources,
} from './deployments-changes.ts';
import { diagnoseTool } from './diagnose.ts';
import { eventsList } from './events.ts';
import { namespacesList } from './namespaces.ts';
import { nodesGet, nodesList } from './nodes.ts';
import { nodesCordon, nodesDrain, nodesUncordon } from './nodes-maintenance.ts';
import { podsGet, podsList } from './pods.ts';
import { podsDelete } from './pods-delete.ts';
import { podsLog } from './pods-log.ts';
import { podsTop } from './pods-top.ts';
import { pvcsList } from './pvcs.ts';
import { resourcesGet, resourcesList } from './resources.ts';
import { resourcesApply } from './resources-apply.ts';
import { servicesList } from './services.ts';

/** Every Kubernetes tool, in the order tools/list shows them. */
export const K8S_TOOLS: readonly ToolDef<K8sToolContext, any>[] = [
  clusterHealthTool,
  diagnoseTool,
  contextsList,
  namespacesList,
  podsList,
  podsGet,
  podsLog,
  podsTop,
  podsDelete,
  deploymentsList,
  deploymentsGet,
  deploymentsHistory,
  deploymentsScale,
  deploymentsRestart,
  deploymentsRollback,
  deploymentsSetResources,
  eventsList,
  nodesList,
  nodesGet,
  nodesCordon,
  nodesUncordon,
  nodesDrain,
  servicesList,
  pvcsList,
  resourcesList,
  resourcesGet,
  resourcesApply,
];

checkUniqueNames(K8S_TOOLS);

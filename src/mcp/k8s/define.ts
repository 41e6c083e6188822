import { defineTool } from '../tool.ts';
import type { K8sToolContext } from './context.ts';

/** `defineK8sTool({ … })`: a Kubernetes tool with its argument types bound to its schema. */
export const defineK8sTool = defineTool<K8sToolContext>();

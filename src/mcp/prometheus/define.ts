import { defineTool } from '../tool.ts';
import type { PrometheusToolContext } from './context.ts';

/** `definePrometheusTool({ … })`: a Prometheus tool with its argument types bound to its schema. */
export const definePrometheusTool = defineTool<PrometheusToolContext>();

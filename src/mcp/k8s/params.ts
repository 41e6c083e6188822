import { z } from 'zod';

/** Argument definitions shared by every Kubernetes tool: one name and one description per idea. */
export const context = z
  .string()
  .min(1)
  .optional()
  .describe(
    'Kubeconfig context (cluster) to use; omit for the default one. contexts_list shows the choices.',
  );

export const namespace = z
  .string()
  .min(1)
  .optional()
  .describe("Namespace; omit for the context's default namespace.");

export const allNamespaces = z
  .boolean()
  .optional()
  .describe('List across all namespaces (namespace is then ignored).');

export const labelSelector = z
  .string()
  .min(1)
  .optional()
  .describe('Label selector, e.g. "app=api-service" or "tier in (web,api),env!=dev".');

export const fieldSelector = z
  .string()
  .min(1)
  .optional()
  .describe('Field selector, e.g. "status.phase!=Running" or "spec.nodeName=node-1".');

export const limit = z
  .number()
  .int()
  .min(1)
  .max(5000)
  .optional()
  .describe('Return at most this many items (default 500).');

export const output = z
  .enum(['summary', 'yaml', 'json'])
  .optional()
  .describe(
    '"summary" (default): a compact readable view. "yaml" or "json": the full object (Secret values are never shown).',
  );

export const dryRun = z
  .boolean()
  .optional()
  .describe('Only validate the change on the API server (server-side dry run); nothing is persisted.');

export const name = (what: string) => z.string().min(1).describe(`Name of the ${what}.`);

/** The arguments of every list tool. */
export const listArgs = { context, namespace, allNamespaces, labelSelector, fieldSelector, limit, output };

export const DEFAULT_LIMIT = 500;

export const NARROW_LIST = 'Narrow it with namespace, labelSelector, fieldSelector or limit.';

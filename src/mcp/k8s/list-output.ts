import type { ListOptions } from '../../k8s/kube.ts';
import { bounded, moreNote } from '../format/bound.ts';
import { type OutputFormat, render } from '../format/render.ts';
import { DEFAULT_LIMIT, NARROW_LIST } from './params.ts';

interface ListArgs {
  namespace?: string;
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  output?: 'summary' | OutputFormat;
}

export const listOptions = (args: ListArgs): ListOptions => ({
  namespace: args.namespace,
  allNamespaces: args.allNamespaces,
  labelSelector: args.labelSelector,
  fieldSelector: args.fieldSelector,
  limit: args.limit ?? DEFAULT_LIMIT,
});

/** A list as a table (default) or as full objects, bounded, with a note when the server had more. */
export async function listOutput<T>(
  args: ListArgs,
  result: { items: T[]; more: boolean; remaining?: number },
  view: (items: T[]) => string,
  raw: unknown[] = result.items,
): Promise<string> {
  const where = args.allNamespaces ? '' : args.namespace ? ` in namespace ${args.namespace}` : '';
  const body = !result.items.length
    ? `No resources found${where}.`
    : args.output === 'yaml' || args.output === 'json'
      ? await render({ items: raw }, args.output)
      : view(result.items);
  return bounded(body + moreNote(result.items.length, result.more, result.remaining), NARROW_LIST);
}

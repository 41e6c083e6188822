import { z } from 'zod';
import { getResource, listResources } from '../../k8s/resources.ts';
import { bounded } from '../format/bound.ts';
import { render } from '../format/render.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { KIND_VIEWS, rowEnd, rowStart } from './kind-views.ts';
import { listOptions, listOutput } from './list-output.ts';
import { context, listArgs, name, namespace } from './params.ts';

const kind = z
  .string()
  .min(1)
  .describe(
    'Kind, plural or short name: "ConfigMap", "ingresses", "hpa", "Certificate" (custom resources too).',
  );
const apiVersion = z
  .string()
  .min(1)
  .optional()
  .describe(
    'API group/version, e.g. "networking.k8s.io/v1" or "cert-manager.io/v1"; omit to let the server find the kind.',
  );

export const resourcesList = defineK8sTool({
  name: 'resources_list',
  title: 'List objects of any kind',
  description:
    'List objects of any kind, built-in or custom (Ingress, ConfigMap, Secret, Job, CronJob, HorizontalPodAutoscaler, NetworkPolicy, PodDisruptionBudget, StorageClass, CRDs…). Secrets show their keys only, never values. Prefer the dedicated tools for pods, deployments, nodes, services, events and PVCs.',
  input: { apiVersion, kind, ...listArgs },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const result = await listResources(kube, {
      ...listOptions(args),
      kind: args.kind,
      apiVersion: args.apiVersion,
    });
    const withNamespace = result.type.namespaced && Boolean(args.allNamespaces);
    const view = KIND_VIEWS[result.type.kind];
    return listOutput(args, result, (items) =>
      table(
        [...(withNamespace ? ['namespace'] : []), 'name', ...(view?.headers ?? []), 'age'],
        items.map((o) => [...rowStart(o, withNamespace), ...(view ? view.row(o) : []), ...rowEnd(o)]),
      ),
    );
  },
});

export const resourcesGet = defineK8sTool({
  name: 'resources_get',
  title: 'Get one object of any kind',
  description:
    'Get one object of any kind (built-in or custom) as YAML (default) or JSON. Secret values are replaced by their sizes; credentials never appear.',
  input: {
    apiVersion,
    kind,
    context,
    namespace,
    name: name('object'),
    output: z.enum(['yaml', 'json']).optional().describe('"yaml" (default) or "json".'),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const { object } = await getResource(kube, args);
    return bounded(
      await render(object, args.output ?? 'yaml'),
      'Use a dedicated tool (pods_get, deployments_get, nodes_get) for a summary.',
    );
  },
});

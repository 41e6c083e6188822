import { z } from 'zod';
import type { KubeReader } from '../../diagnosis/evidence/live/client.ts';
import type { Finding, ObjectRef } from '../../diagnosis/types.ts';
import { KubeError } from '../../k8s/errors.ts';
import type { Kube } from '../../k8s/kube.ts';
import { bounded } from '../format/bound.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { allNamespaces, context, namespace } from './params.ts';

/** The diagnosis reads through the tools' own client: same credentials, secret masking and limits. */
async function readerOver(kube: Kube): Promise<KubeReader> {
  const { ApiStatusError, UnreachableError } = await import('../../diagnosis/evidence/live/client.ts');
  const get = async <T>(path: string, text: boolean) => {
    try {
      return await kube.send<T>({ method: 'GET', path, text });
    } catch (err) {
      if (!(err instanceof KubeError)) throw err;
      if (err.status === undefined) throw new UnreachableError(err.message);
      throw new ApiStatusError(err.status, path, err.message);
    }
  };
  return {
    server: `context ${kube.context}`,
    getJson: <T>(path: string) => get<T>(path, false),
    getText: (path: string) => get<string>(path, true),
    close: () => undefined,
  };
}

const same = (a: ObjectRef, b: ObjectRef) =>
  a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;

/** The findings about `name` (as the object or its workload) and the root causes they point to. */
function about(findings: Finding[], name: string): Finding[] {
  const own = findings.filter((f) => f.resource.name === name || f.workload?.name === name);
  return findings.filter(
    (f) =>
      own.includes(f) ||
      own.some(
        (o) => o.causedBy && o.causedBy.pattern === f.pattern && same(o.causedBy.resource, f.resource),
      ),
  );
}

export const diagnoseTool = defineK8sTool({
  name: 'diagnose',
  title: 'Diagnose what is wrong',
  description:
    'Find what is wrong and why, like `sre-nanobot diagnose`: reads pods, workloads, events, logs, nodes, volumes and services, matches 29 failure patterns (crash loop, OOM, bad release, volume full, probe failures, DNS, …) and links symptoms to their root cause. Returns each finding with its root cause, the whys and the runbook to fix it. Read-only. Give name to focus on one workload or pod.',
  input: {
    context,
    namespace,
    name: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Only findings about this workload or pod (and their root causes); omit for everything in scope.',
      ),
    allNamespaces,
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const scope = args.allNamespaces ? ('all' as const) : [kube.namespaceOr(args.namespace)];
    const [{ collectCluster }, { evidenceFromObjects }, { diagnose }, { assessImpact }, { renderText }] =
      await Promise.all([
        import('../../diagnosis/evidence/live/collect.ts'),
        import('../../diagnosis/evidence/from-objects.ts'),
        import('../../diagnosis/diagnose.ts'),
        import('../../diagnosis/correlate/impact.ts'),
        import('../../diagnosis/render.ts'),
      ]);
    const evidence = evidenceFromObjects(await collectCluster(await readerOver(kube), scope));
    const result = diagnose(evidence);
    const where = scope === 'all' ? 'all namespaces' : `namespace ${scope[0]}`;
    if (!args.name)
      return bounded(renderText(result, { color: false, scope: where }), 'Narrow it with namespace or name.');
    const findings = about(result.findings, args.name);
    const focused = { ...result, findings, impact: assessImpact(evidence, findings) };
    const elsewhere = result.findings.length - findings.length;
    const note = elsewhere ? `\n${elsewhere} other finding(s) in ${where}; omit name to see them.` : '';
    return bounded(
      renderText(focused, { color: false, scope: `${args.name} (${where})` }) + note,
      'Narrow it with namespace or name.',
    );
  },
});

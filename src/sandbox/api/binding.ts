import { ApiError, invalid } from '../core/errors.ts';
import type { ResourceType } from '../core/resources.ts';
import { required } from './causes.ts';
import { isRecord, readObject } from './decode.ts';
import { type RequestContext, sendJson } from './http.ts';
import { getStored, methodNotAllowed } from './object-handlers.ts';

/** `pods/binding`: what a scheduler posts to put a pod on a node. */
export async function handleBinding(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
) {
  if (ctx.method !== 'POST') throw methodNotAllowed();
  const binding = await readObject(ctx, 'Binding', 'v1');
  const target = isRecord(binding.target) ? binding.target : {};
  if (typeof target.name !== 'string' || !target.name) {
    throw invalid('Binding', name, [required('target.name')]);
  }
  const pod = getStored(ctx, rt, namespace, name);
  if (pod.spec?.nodeName) {
    throw new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${pod.spec.nodeName}"`,
      { name, kind: 'pods/binding' },
    );
  }
  const nodeName = target.name;
  ctx.cluster.store.mutate(rt, namespace, name, (draft) => {
    draft.spec = { ...(isRecord(draft.spec) ? draft.spec : {}), nodeName };
    draft.status = isRecord(draft.status) ? draft.status : {};
    const conditions = (Array.isArray(draft.status.conditions) ? draft.status.conditions : []).filter(
      (c: unknown) => !(isRecord(c) && c.type === 'PodScheduled'),
    );
    conditions.push({
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: ctx.cluster.clock.iso(),
    });
    draft.status.conditions = conditions;
  });
  sendJson(ctx.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

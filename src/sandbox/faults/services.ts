import { rt } from '../core/resources.ts';
import type { ServiceRef } from '../runtime/topology.ts';
import { describeTarget } from './targets.ts';
import { badRequest, type FaultContext, type Target } from './types.ts';

/** The HTTP Service in front of a target (the target itself when it is a Service). */
export function httpServiceOf(ctx: FaultContext, target: Target): ServiceRef {
  const namespace = target.namespace ?? 'default';
  const { topology, traffic } = ctx.runtime;
  const candidates =
    target.kind === 'service'
      ? [{ namespace, name: target.name, key: `${namespace}/${target.name}` }]
      : topology.servicesSelecting(namespace, target.object.spec?.template?.metadata?.labels);
  const found = candidates.find((s) => {
    const svc = ctx.cluster.store.get(rt('Service'), namespace, s.name);
    return svc?.spec?.clusterIP !== 'None' && traffic.service(s.namespace, s.name)?.protocol === 'http';
  });
  if (!found) throw badRequest(`no HTTP Service selects the pods of ${describeTarget(target)}`);
  return found;
}

import type { KubeObject } from '../core/types.ts';
import { infrastructure } from './infrastructure.ts';
import { kubeSystem } from './kube-system.ts';
import { PRODUCTION, STAGING, shop } from './shop.ts';

export interface EstateOptions {
  /** Only the cluster: nodes, classes and the system namespaces, no workloads. */
  empty?: boolean;
  /** Simulated epoch ms the estate is built for (certificate validity, heartbeats); defaults to now. */
  now?: number;
}

/**
 * The default demo estate: a small production-like cluster (three nodes; `production` and `staging`
 * shops; CoreDNS and kube-proxy in `kube-system`) that comes up healthy under the controllers.
 */
export function defaultEstate(options: EstateOptions = {}): KubeObject[] {
  const now = options.now ?? Date.now();
  const system = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
  if (options.empty) return infrastructure(now, system);
  return [
    ...infrastructure(now, [...system, 'production', 'staging']),
    ...kubeSystem(),
    ...shop(PRODUCTION, now),
    ...shop(STAGING, now),
  ];
}

import type { Cluster } from '../core/cluster.ts';
import type { ClusterIndex } from './cluster-index.ts';

/** What every controller gets: the cluster and the shared lookup indexes (pods by owner, by node, by namespace). */
export interface ControllerContext {
  cluster: Cluster;
  index: ClusterIndex;
}

/**
 * One control loop. `start` subscribes to the store and the clock and returns the function that
 * stops every subscription and timer it made.
 */
export interface Controller {
  readonly name: string;
  start(ctx: ControllerContext): () => void;
}

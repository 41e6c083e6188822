import type { Cluster } from '../core/cluster.ts';
import type { KubeObject } from '../core/types.ts';
import type { SimRuntime } from '../runtime/index.ts';

/** Kinds a fault can be aimed at, as written in `target: "kind/name"`. */
export type TargetKind =
  | 'deployment'
  | 'statefulset'
  | 'daemonset'
  | 'node'
  | 'pvc'
  | 'secret'
  | 'service'
  | 'ingress';

export interface Target {
  kind: TargetKind;
  /** undefined for nodes. */
  namespace?: string;
  name: string;
  object: KubeObject;
}

export interface ParamSpec {
  name: string;
  type: 'number' | 'string';
  description: string;
  /** What happens when the parameter is omitted (a value, or how it is derived). */
  default: string | number;
  min?: number;
  max?: number;
}

export type Params = Record<string, string | number>;

export interface FaultContext {
  cluster: Cluster;
  runtime: SimRuntime;
  now(): number;
}

/**
 * One injected fault. It holds what it changed and answers, by looking at the cluster, whether the
 * cause is gone and the symptoms with it. It never flips a "fixed" flag itself.
 */
export interface FaultInstance {
  /** Parameters after defaults were applied. */
  params: Params;
  /** What an operator sees, naming the concrete objects. */
  symptoms: string;
  /** The remediation that clears it (and the tempting ones that do not). */
  fix: string;
  /** Periodic housekeeping the simulated infrastructure does (a node auto-repair, for one). */
  reconcile?(): void;
  isCleared(): boolean;
  /** Takes the cause away (DELETE): effects go, objects the fault rewrote get their old data back. */
  remove(): void;
}

export interface FaultType {
  name: string;
  description: string;
  targets: TargetKind[];
  /** Used when the request names no target. */
  defaultTarget?: { namespace?: string; target: string };
  params: ParamSpec[];
  inject(ctx: FaultContext, target: Target, params: Params): FaultInstance;
}

/** A control-API error: the HTTP status and a message saying what to change. */
export class FaultError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'FaultError';
  }
}

export const badRequest = (message: string) => new FaultError(400, message);

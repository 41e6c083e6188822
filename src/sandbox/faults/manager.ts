import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cluster } from '../core/cluster.ts';
import { type SimRuntime, simRuntimeOf } from '../runtime/index.ts';
import { handleFaultRequest } from './http.ts';
import { validateParams } from './params.ts';
import { describeTarget, resolveTarget } from './targets.ts';
import { badRequest, type FaultContext, FaultError, type FaultInstance, type FaultType } from './types.ts';

export interface FaultSpec {
  type: string;
  namespace?: string;
  target?: string;
  params?: Record<string, unknown>;
}

/** A fault as the control API reports it. */
export interface FaultView {
  id: string;
  type: string;
  description: string;
  namespace?: string;
  target: string;
  params: Record<string, string | number>;
  injectedAt: string;
  status: 'active' | 'cleared';
  clearedAt?: string;
  symptoms: string;
  fix: string;
}

interface Entry {
  view: FaultView;
  instance: FaultInstance;
  /** Since when (sim ms) the fault has looked cleared without interruption. */
  clearSince?: number;
}

const CHECK_INTERVAL_MS = 1_000;
/** Symptoms must stay gone this long: a rollout passing through a good moment is not a fix. */
const CLEAR_STABLE_MS = 10_000;

/**
 * Injects faults, keeps them, and decides from what the cluster looks like whether each has been
 * cleared by a real remediation. Serves the control API under /sandbox/v1/faults.
 */
export class FaultManager {
  private readonly faults = new Map<string, Entry>();
  private readonly ctx: FaultContext;
  private seq = 0;
  private stopTimer?: () => void;

  constructor(
    private readonly cluster: Cluster,
    readonly types: readonly FaultType[],
  ) {
    const runtime: SimRuntime = simRuntimeOf(cluster);
    this.ctx = { cluster, runtime, now: () => cluster.clock.now() };
  }

  start(): void {
    this.stopTimer ??= this.cluster.clock.every(CHECK_INTERVAL_MS, () => this.check());
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
  }

  list(): FaultView[] {
    return [...this.faults.values()].map((e) => ({ ...e.view }));
  }

  get(id: string): FaultView {
    const entry = this.faults.get(id);
    if (!entry) throw new FaultError(404, `fault "${id}" not found`);
    return { ...entry.view };
  }

  inject(spec: FaultSpec): FaultView {
    const type = this.types.find((t) => t.name === spec?.type);
    if (!type) {
      throw badRequest(
        `unknown fault type ${JSON.stringify(spec?.type ?? null)}; known types: ${this.types.map((t) => t.name).join(', ')}`,
      );
    }
    const params = validateParams(type.name, type.params, spec.params);
    const rawTarget = spec.target ?? type.defaultTarget?.target;
    if (rawTarget === undefined)
      throw badRequest(`${type.name} needs a target (${type.targets.map((k) => `${k}/NAME`).join(' or ')})`);
    const namespace =
      spec.namespace ?? (spec.target === undefined ? type.defaultTarget?.namespace : undefined) ?? 'default';
    if (typeof namespace !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
      throw badRequest('namespace must be a DNS label such as "production"');
    }
    const target = resolveTarget(this.cluster.store, type.name, type.targets, rawTarget, namespace);
    const targetText = describeTarget(target);
    for (const e of this.faults.values()) {
      if (
        e.view.type === type.name &&
        e.view.target === targetText &&
        e.view.namespace === target.namespace &&
        e.view.status === 'active'
      ) {
        throw new FaultError(
          409,
          `fault ${e.view.id} (${type.name}) is already active on ${targetText}; delete it first`,
        );
      }
    }
    const instance = type.inject(this.ctx, target, params);
    const id = `${type.name.replace(/_/g, '-')}-${++this.seq}`;
    const view: FaultView = {
      id,
      type: type.name,
      description: type.description,
      ...(target.namespace ? { namespace: target.namespace } : {}),
      target: targetText,
      params: instance.params,
      injectedAt: this.cluster.clock.iso(),
      status: 'active',
      symptoms: instance.symptoms,
      fix: instance.fix,
    };
    this.faults.set(id, { view, instance });
    return { ...view };
  }

  /** Removes a fault and its cause. */
  remove(id: string): FaultView {
    const entry = this.faults.get(id);
    if (!entry) throw new FaultError(404, `fault "${id}" not found`);
    entry.instance.remove();
    this.faults.delete(id);
    return { ...entry.view };
  }

  /** Runs infrastructure reactions and re-evaluates every active fault against the cluster. */
  check(): void {
    const now = this.cluster.clock.now();
    for (const entry of this.faults.values()) {
      const { view, instance } = entry;
      if (view.status !== 'active') continue;
      try {
        instance.reconcile?.();
        entry.clearSince = instance.isCleared() ? (entry.clearSince ?? now) : undefined;
        if (entry.clearSince !== undefined && now - entry.clearSince >= CLEAR_STABLE_MS) {
          view.status = 'cleared';
          view.clearedAt = this.cluster.clock.iso(entry.clearSince);
        }
      } catch (err) {
        process.stderr.write(`sandbox: checking fault ${view.id} failed: ${(err as Error).stack ?? err}\n`);
      }
    }
  }

  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    handleFaultRequest(this, req, res);
  }
}

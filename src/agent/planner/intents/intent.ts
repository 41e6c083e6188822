import type { ToolCall } from '../../plan.ts';
import { ask, type QuestionKey } from '../questions.ts';
import type { Candidate, Segment } from '../segment.ts';

/** What the requests before this one in the same message established ("…, then restart it"). */
export interface Carry {
  namespace?: string;
  context?: string;
  names: Candidate[];
}

/** One request, read: its segment with the slots filled, the names it is about, the defaults. */
export interface Request {
  seg: Segment;
  names: Candidate[];
  carry: Carry;
  defaultNamespace?: string;
  /** Set when a namespace-like word ("in shop") turned out to be the target instead. */
  maybeIsTarget?: boolean;
}

export type Outcome = { calls: ToolCall[]; question?: string } | { calls?: undefined; question: string };

/**
 * One thing users ask for — list, scale, logs, latency… `matches` reads the segment's cues and
 * slots; the first intent of the registry that matches plans the request. `tools` lists every tool
 * the intent may call, so the planner's tool list is checked against the real registries.
 */
export interface Intent {
  name: string;
  tools: readonly string[];
  matches(seg: Segment): boolean;
  plan(req: Request): Outcome;
}

/** Tools of the Prometheus server: they take no kubeconfig `context`. */
const PROMETHEUS_SIDE =
  /^(?:prometheus_|alertmanager_|service_|pod_cpu_usage$|pod_memory_usage$|node_usage$|top_consumers$|compare_time_ranges$)/;

/** The kubeconfig context said for the request (--context x, the x cluster) on every Kubernetes call. */
export const withContext = (c: ToolCall, context: string | undefined): ToolCall =>
  context && !PROMETHEUS_SIDE.test(c.tool) ? { tool: c.tool, args: { ...c.args, context } } : c;

/** A tool call with only the arguments that have a value, in the order given. */
export function call(tool: string, args: Record<string, unknown> = {}): ToolCall {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    if (v === undefined) continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length) continue;
    clean[k] = v;
  }
  return { tool, args: clean };
}

export const question = (
  req: Request,
  key: QuestionKey,
  params: Record<string, string | number> = {},
): Outcome => ({
  question: ask(req.seg.lang, key, params),
});

const PRONOUN = /它|其|该(?:服务|应用|部署|pod)|(?<![\w-])(?:it|its|them|their|this one|that one)(?![\w-])/;

/**
 * The names a request is about. An intent that needs a target falls back to a word that could
 * also have been a namespace ("latency in checkout"), then to the names of an earlier request;
 * one that does not only to earlier names referred to by a pronoun ("…, then its events").
 */
export function targets(req: Request, needsTarget = true): Candidate[] {
  if (req.names.length) return req.names;
  if (!needsTarget) return PRONOUN.test(req.seg.low) ? req.carry.names : [];
  const maybe = req.seg.slots.maybeNamespace[0];
  if (maybe) {
    req.maybeIsTarget = true;
    return [{ name: maybe, raw: maybe, start: -1, end: -1, score: 1 }];
  }
  return req.carry.names;
}

/**
 * The namespace of a call: the one said, else a word like "in shop" when it was not the target,
 * else the one said earlier in the message, else (when the call is about namespaced objects) the
 * caller's default — otherwise none, and the tools use the kubeconfig's namespace.
 */
export function namespaceOf(req: Request, useDefault = true): string | undefined {
  const s = req.seg.slots;
  const maybe = s.maybeNamespace[req.maybeIsTarget ? 1 : 0];
  return s.namespace ?? maybe ?? req.carry.namespace ?? (useDefault ? req.defaultNamespace : undefined);
}

/** `{namespace}` or `{allNamespaces: true}` for list calls. */
export function listScope(req: Request): { namespace?: string; allNamespaces?: true } {
  if (req.seg.slots.allNamespaces && !req.seg.slots.namespace) return { allNamespaces: true };
  return { namespace: namespaceOf(req) };
}

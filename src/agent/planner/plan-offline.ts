import type { Plan, ToolCall } from '../plan.ts';
import { extractSlots } from './extract/index.ts';
import { pickNames } from './extract/names.ts';
import { handover, instructionOf } from './handover.ts';
import { MUTATION_CUES, mood } from './intents/imperative.ts';
import { INTENTS } from './intents/index.ts';
import { type Carry, type Request, targets, withContext } from './intents/intent.ts';
import { languageOf, normalize } from './normalize.ts';
import { ask } from './questions.ts';
import { newSegment } from './segment.ts';
import { splitRequests } from './split.ts';

/**
 * Longer instructions are pasted material, not requests; the cap also bounds the work on
 * adversarial input (every step is linear or worse in the length).
 */
const MAX_INSTRUCTION = 2000;
const MAX_ALERT = 8000;

export interface PlanOptions {
  /**
   * Namespace for calls about namespaced objects when the message names none. Without it the
   * namespace argument is left out and the tools use the kubeconfig context's namespace.
   */
  defaultNamespace?: string;
}

/**
 * The offline planner: one message (Chinese, English or both) → the tool calls that carry it out,
 * or no calls and a question when it is ambiguous or unsafe. Pure and deterministic.
 *
 * Pipeline: separate pasted data → normalize → alert handover? → split into requests → per
 * request: extract slots → the first matching intent plans it → calls, names and namespace
 * carried to the next request ("…, then restart it").
 */
export function planOffline(message: string, options: PlanOptions = {}): Plan {
  const lang = languageOf(message);
  const { raw, low } = normalize(instructionOf(message).slice(0, MAX_INSTRUCTION));
  const whole = newSegment(lang, raw, low);
  extractSlots(whole);
  const handed = handover(lang, whole, message.slice(0, MAX_ALERT), options.defaultNamespace);
  if (handed) return handed;

  const calls: ToolCall[] = [];
  const carry: Carry = { names: [] };
  let negated = false;
  for (const part of splitRequests(raw, low)) {
    const seg = newSegment(lang, part.raw, part.low);
    extractSlots(seg);
    const intent = INTENTS.find((i) => i.matches(seg));
    if (MUTATION_CUES.some((c) => mood(seg, c) === 'negated') && (!intent || intent.name === 'read')) {
      negated = true;
      carry.names = pickNames(seg, seg.slots.candidates);
      continue;
    }
    if (!intent) continue;
    const req: Request = {
      seg,
      names: pickNames(seg, seg.slots.candidates),
      carry,
      defaultNamespace: options.defaultNamespace,
    };
    const outcome = intent.plan(req);
    if (!outcome.calls) return { calls: [], question: outcome.question };
    carry.context = seg.slots.context ?? carry.context;
    calls.push(...outcome.calls.map((c) => withContext(c, carry.context)));
    carry.namespace = seg.slots.namespace ?? carry.namespace;
    const names = targets(req);
    if (names.length) carry.names = names;
  }
  if (!calls.length) return { calls: [], question: ask(lang, negated ? 'negated' : 'help') };
  return { calls: unique(calls) };
}

function unique(calls: ToolCall[]): ToolCall[] {
  const seen = new Set<string>();
  return calls.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

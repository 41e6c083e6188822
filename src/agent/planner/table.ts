import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { K8S_TOOLS } from '../../mcp/k8s/index.ts';
import { PROMETHEUS_TOOLS } from '../../mcp/prometheus/index.ts';
import type { Plan, ToolCall } from '../plan.ts';
import { planOffline } from './index.ts';
import { languageOf } from './normalize.ts';
import { ask, type QuestionKey } from './questions.ts';

/**
 * One row of the planner's table tests: a message and the exact plan expected — calls, or no calls
 * and the question named by `ask` (in the message's language), or calls plus the `note` question.
 */
export interface Case {
  in: string;
  calls?: ToolCall[];
  ask?: QuestionKey;
  params?: Record<string, string | number>;
  note?: QuestionKey;
  defaultNamespace?: string;
}

export const c = (tool: string, args: Record<string, unknown> = {}): ToolCall => ({ tool, args });

export function expected(row: Case): Plan {
  const lang = languageOf(row.in);
  if (row.ask) return { calls: [], question: ask(lang, row.ask, row.params) };
  if (row.note) return { calls: row.calls ?? [], question: ask(lang, row.note) };
  return { calls: row.calls ?? [] };
}

const SCHEMAS = new Map([...K8S_TOOLS, ...PROMETHEUS_TOOLS].map((t) => [t.name, z.object(t.input).strict()]));

/** Every call must pass the real tool's input schema: names, types and required arguments. */
export function assertValidCalls(plan: Plan): void {
  for (const call of plan.calls) {
    const schema = SCHEMAS.get(call.tool);
    assert.ok(schema, `no tool named ${call.tool}`);
    const result = schema.safeParse(call.args);
    assert.ok(result.success, `${call.tool} ${JSON.stringify(call.args)}: ${result.error?.message}`);
  }
}

export function table(title: string, rows: Case[]): void {
  describe(title, () => {
    for (const row of rows)
      it(row.in || '(empty)', () => {
        const plan = planOffline(row.in, { defaultNamespace: row.defaultNamespace });
        assert.deepStrictEqual(plan, expected(row));
        assertValidCalls(plan);
      });
  });
}

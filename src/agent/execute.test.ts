import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { defineTool, IDEMPOTENT_CHANGE, READ_ONLY } from '../mcp/tool.ts';
import type { Approval } from './approval.ts';
import { executePlan, exitCodeOf } from './execute.ts';
import { silentProgress } from './progress.ts';
import { Toolbox } from './toolbox.ts';

const ran: string[] = [];
const define = defineTool<null>();
const tools = [
  define({
    name: 'pods_list',
    title: 't',
    description: 'd',
    input: { namespace: z.string().optional() },
    hints: READ_ONLY,
    run: async () => {
      ran.push('pods_list');
      return 'pods';
    },
  }),
  define({
    name: 'deployments_scale',
    title: 't',
    description: 'd',
    input: { name: z.string(), replicas: z.number() },
    hints: IDEMPOTENT_CHANGE,
    run: async (a) => {
      ran.push(`scale ${a.name} ${a.replicas}`);
      return 'scaled';
    },
  }),
];
const box = new Toolbox([{ tools, context: null, explain: () => undefined }]);
const scale = { tool: 'deployments_scale', args: { name: 'api', replicas: 3 } };
const list = { tool: 'pods_list', args: {} };

async function run(calls: { tool: string; args: Record<string, unknown> }[], approval: Approval) {
  ran.length = 0;
  return executePlan({ calls }, { toolbox: box, approval, progress: silentProgress });
}

test('read-only calls run without asking; changes run with --yes', async () => {
  const results = await run([list, scale], { yes: true });
  assert.deepEqual(ran, ['pods_list', 'scale api 3']);
  assert.ok(results.every((r) => r.ok));
  assert.equal(exitCodeOf(results), 0);
});

test('without a terminal and without --yes a change is refused, and exit code 2 says so', async () => {
  const results = await run([list, scale, list], { yes: false });
  assert.deepEqual(ran, ['pods_list']);
  assert.equal(results[1].notRun, 'no-terminal');
  assert.match(
    results[1].output,
    /"Scale deployment api \(default namespace\) to 3 replicas" needs confirmation .* rerun with --yes/,
  );
  assert.equal(results[2].notRun, 'skipped');
  assert.equal(exitCodeOf(results), 2);
});

test('the question asked is our sentence; a no is exit 1 and nothing changes', async () => {
  const asked: string[] = [];
  const no = await run([scale], {
    yes: false,
    ask: async (q) => {
      asked.push(q);
      return false;
    },
  });
  assert.deepEqual(asked, ['Scale deployment api (default namespace) to 3 replicas']);
  assert.deepEqual(ran, []);
  assert.equal(no[0].notRun, 'declined');
  assert.equal(exitCodeOf(no), 1);
  const yes = await run([scale], { yes: false, ask: async () => true });
  assert.deepEqual(ran, ['scale api 3']);
  assert.equal(exitCodeOf(yes), 0);
});

test('invalid arguments never reach the tool', async () => {
  const results = await run([{ tool: 'deployments_scale', args: { name: 'api', replicas: 'many' } }], {
    yes: true,
  });
  assert.deepEqual(ran, []);
  assert.equal(results[0].notRun, 'invalid');
  assert.equal(exitCodeOf(results), 1);
});

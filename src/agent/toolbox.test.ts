import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { defineTool, IDEMPOTENT_CHANGE, READ_ONLY, ToolError } from '../mcp/tool.ts';
import { Toolbox } from './toolbox.ts';

const define = defineTool<{ log: string[] }>();
const podsList = define({
  name: 'pods_list',
  title: 'List pods',
  description: 'List pods.',
  input: { namespace: z.string().min(1).optional(), limit: z.number().int().min(1).optional() },
  hints: READ_ONLY,
  run: async (args, ctx) => {
    ctx.log.push(`list ${args.namespace ?? ''}`);
    return 'api-1 Running';
  },
});
const scale = define({
  name: 'deployments_scale',
  title: 'Scale',
  description: 'Scale a deployment.',
  input: {
    namespace: z.string().optional(),
    name: z.string().min(1),
    replicas: z.number().int().min(0),
    dryRun: z.boolean().optional(),
  },
  hints: IDEMPOTENT_CHANGE,
  run: async (args) => {
    if (args.name === 'protected') throw new ToolError('policy refused to scale deployment protected');
    if (args.name === 'buggy') throw new TypeError('x is undefined');
    return `scaled ${args.name} to ${args.replicas}`;
  },
});
const set = (log: string[]) => ({
  tools: [podsList, scale],
  context: { log },
  explain: (e: unknown) => (e instanceof ToolError ? e.message : undefined),
});

test('arguments are checked against the tool schema before anything runs', () => {
  const box = new Toolbox([set([])]);
  assert.deepEqual(box.check({ tool: 'pods_list', args: { namespace: 'prod' } }), {
    ok: true,
    call: { tool: podsList, args: { namespace: 'prod' } },
  });
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ name: 'api' }, /^deployments_scale: replicas: required$/],
    [{ name: 'api', replicas: 'ten' }, /^deployments_scale: replicas: expected a number, got "ten"$/],
    [{ name: 'api', replicas: -1 }, /replicas: must be at least 0, got -1/],
    [
      { name: 'api', replicas: 3, replica: 3 },
      /replica: unknown argument; did you mean "replicas"\? \(known here: namespace, name, replicas, dryRun\)/,
    ],
    [{ deployment: 'api', replicas: 3 }, /name: required; deployment: unknown argument/],
  ];
  for (const [args, expected] of cases) {
    const checked = box.check({ tool: 'deployments_scale', args });
    assert.equal(checked.ok, false);
    if (!checked.ok) assert.match(checked.error, expected);
  }
});

test('an unknown tool gets a did-you-mean', () => {
  const checked = new Toolbox([set([])]).check({ tool: 'pod_list', args: {} });
  assert.deepEqual(checked, { ok: false, error: 'no tool named "pod_list"; did you mean "pods_list"?' });
});

test('changes need approval unless they are dry runs, by argument or by policy', () => {
  const box = new Toolbox([set([])]);
  const call = (args: Record<string, unknown>) => {
    const c = box.check({ tool: 'deployments_scale', args });
    assert.ok(c.ok);
    return c.call;
  };
  assert.equal(box.needsApproval(call({ name: 'a', replicas: 1 })), true);
  assert.equal(box.needsApproval(call({ name: 'a', replicas: 1, dryRun: true })), false);
  const list = box.check({ tool: 'pods_list', args: {} });
  assert.ok(list.ok && !box.needsApproval(list.call));
  const dry = new Toolbox([set([])], { readOnly: false, dryRun: true });
  const c = dry.check({ tool: 'deployments_scale', args: { name: 'a', replicas: 1 } });
  assert.ok(c.ok && !dry.needsApproval(c.call));
});

test('a read-only policy hides the changing tools from the model and refuses them by name', () => {
  const box = new Toolbox([set([])], { readOnly: true, dryRun: false });
  assert.deepEqual(
    box.tools.map((t) => t.name),
    ['pods_list'],
  );
  const checked = box.check({ tool: 'deployments_scale', args: { name: 'a', replicas: 1 } });
  assert.ok(!checked.ok && /changes the cluster and the policy is read-only/.test(checked.error));
});

test('run: output, an expected failure as its sentence, a bug as a short report; never a throw', async () => {
  const log: string[] = [];
  const box = new Toolbox([set(log)]);
  const run = async (tool: string, args: Record<string, unknown>) => {
    const c = box.check({ tool, args });
    assert.ok(c.ok);
    return box.run(c.call);
  };
  assert.deepEqual(await run('pods_list', { namespace: 'prod' }), { ok: true, output: 'api-1 Running' });
  assert.deepEqual(log, ['list prod']);
  assert.deepEqual(await run('deployments_scale', { name: 'protected', replicas: 1 }), {
    ok: false,
    output: 'policy refused to scale deployment protected',
  });
  assert.deepEqual(await run('deployments_scale', { name: 'buggy', replicas: 1 }), {
    ok: false,
    output: 'deployments_scale failed unexpectedly: x is undefined',
  });
});

test('two tool sets may not share a tool name', () => {
  assert.throws(() => new Toolbox([set([]), set([])]), /duplicate tool pods_list/);
});

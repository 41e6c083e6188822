import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rt } from '../src/sandbox/core/resources.ts';
import { assertBuilt } from './helpers/mcp.ts';
import { runProcess } from './helpers/run.ts';
import { CLI, inProcessSandbox } from './helpers/sandbox.ts';

const INSPECTOR = '@modelcontextprotocol/inspector@0.15.0';

/** The MCP Inspector's CLI as an independent client; it exits 0 even on isError, so its JSON is what counts. */
async function inspector(kubeconfig: string, args: string[]): Promise<any> {
  // The first run downloads the Inspector.
  const { status, stdout, stderr } = await runProcess(
    'npx',
    ['-y', INSPECTOR, '--cli', process.execPath, CLI, 'mcp', 'k8s', '--kubeconfig', kubeconfig, ...args],
    { timeoutMs: 240_000 },
  );
  try {
    return JSON.parse(stdout);
  } catch {
    throw new Error(
      `inspector exited ${status} without JSON: ${stdout.slice(0, 500)} ${stderr.slice(-1500)}`,
    );
  }
}

describe(`MCP Inspector CLI (${INSPECTOR}) against sre-nanobot mcp k8s`, () => {
  let sandbox: Awaited<ReturnType<typeof inProcessSandbox>>;

  before(async () => {
    assertBuilt();
    sandbox = await inProcessSandbox({ speed: 20 });
  });
  after(() => sandbox?.stop());

  test('tools/list, a read, a change and an error', { timeout: 600_000 }, async () => {
    const list = await inspector(sandbox.kubeconfig, ['--method', 'tools/list']);
    const names = list.tools.map((t: { name: string }) => t.name);
    assert.equal(names.length, 27);
    const scale = list.tools.find((t: { name: string }) => t.name === 'deployments_scale');
    assert.deepEqual(scale.inputSchema.required.sort(), ['name', 'replicas']);
    assert.equal(scale.annotations.readOnlyHint, false);

    const pods = await inspector(sandbox.kubeconfig, [
      '--method',
      'tools/call',
      '--tool-name',
      'pods_list',
      '--tool-arg',
      'namespace=production',
    ]);
    assert.notEqual(pods.isError, true);
    assert.match(pods.content[0].text, /^NAME\s+READY\s+STATUS/);

    const scaled = await inspector(sandbox.kubeconfig, [
      '--method',
      'tools/call',
      '--tool-name',
      'deployments_scale',
      '--tool-arg',
      'namespace=production',
      '--tool-arg',
      'name=web-frontend',
      '--tool-arg',
      'replicas=3',
    ]);
    assert.equal(
      scaled.content[0].text,
      'scaled deployment web-frontend from 2 to 3 replicas (undo: deployments_scale replicas=2).',
    );
    assert.equal(
      sandbox.cluster.store.get(rt('Deployment'), 'production', 'web-frontend')?.spec?.replicas,
      3,
    );

    const missing = await inspector(sandbox.kubeconfig, [
      '--method',
      'tools/call',
      '--tool-name',
      'pods_get',
      '--tool-arg',
      'namespace=production',
      '--tool-arg',
      'name=nope',
    ]);
    assert.equal(missing.isError, true);
    assert.match(missing.content[0].text, /pods "nope" not found/);
  });
});

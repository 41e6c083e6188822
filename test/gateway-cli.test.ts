import assert from 'node:assert/strict';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { alert, payload } from '../src/monitor/testkit.ts';
import { cliGateway, readJson, runCli } from './helpers/gateway.ts';
import { tempDir } from './helpers/sandbox.ts';

describe('sre-nanobot gateway (CLI)', () => {
  it('prints help, and refuses bad flags and a bad config with exit 2 and one line', () => {
    const help = runCli(['gateway', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: sre-nanobot gateway \[--config P\] \[--port N\] \[--host H\]/);
    const port = runCli(['gateway', '--port', 'eighty']);
    assert.equal(port.status, 2);
    assert.equal(
      port.stderr,
      "sre-nanobot gateway: --port must be a whole number from 0 to 65535, got 'eighty'\n",
    );
    const durability = runCli(['gateway', '--durability', 'fast']);
    assert.equal(durability.status, 2);
    assert.match(durability.stderr, /--durability must be full or normal, got 'fast'/);
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), '{"gateway": {"port": "x"}}');
    const config = runCli(['gateway', '--config', join(dir, 'c.json')]);
    assert.equal(config.status, 2);
    assert.match(config.stderr, /^sre-nanobot gateway: gateway\.port: /);
    assert.equal(config.stderr.trim().split('\n').length, 1);
  });

  it('takes its settings from the config file, answers on the ready line URL, and stops cleanly on SIGINT', async () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({
        dataDir: join(dir, 'data'),
        gateway: { auth: { type: 'bearer', token: 'from-file' } },
      }),
    );
    const g = await cliGateway(['--config', file]);
    assert.equal(g.ready.database, join(dir, 'data', 'incidents.db'));
    assert.equal(g.ready.webhook, `${g.ready.url}/api/v1/alerts/alertmanager`);
    const post = (token: string) =>
      fetch(g.ready.webhook, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify(payload([alert({ alertname: 'X' })])),
      });
    assert.equal((await post('nope')).status, 401);
    assert.equal((await readJson(post('from-file'))).accepted, 1);
    g.child.kill('SIGINT');
    const [code] = await once(g.child, 'exit');
    assert.equal(code, 0);
    assert.match(g.stderr(), /stopping: finishing requests and processing in flight/);
  });

  it('says the port is taken, with exit 1', async () => {
    const g = await cliGateway(['--data-dir', tempDir()]);
    try {
      const port = new URL(g.ready.url).port;
      const second = runCli(['gateway', '--port', port, '--data-dir', tempDir()]);
      assert.equal(second.status, 1);
      assert.equal(
        second.stderr,
        `sre-nanobot gateway: port ${port} is already in use; pick another with --port or use --port 0\n`,
      );
    } finally {
      g.child.kill('SIGTERM');
      await once(g.child, 'exit');
    }
  });
});

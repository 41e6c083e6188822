import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config/index.ts';
import type { Config, GatewayConfig } from '../../src/config/types.ts';
import { type GatewayOptions, startGateway } from '../../src/gateway/server.ts';
import { REPO, tempDir } from './sandbox.ts';

/** The configuration a fresh install has (the loader's defaults), with its data in `dir`. */
export function gatewayConfig(dir: string, gateway: Partial<GatewayConfig> = {}): Config {
  const file = join(dir, 'config.json');
  writeFileSync(file, '{}');
  const { config } = loadConfig({ path: file, env: {} });
  return { ...config, dataDir: dir, gateway: { ...config.gateway, port: 0, ...gateway } };
}

/** A gateway in this process on a free port with its own data directory. */
export async function inProcessGateway(
  options: { gateway?: Partial<GatewayConfig>; alertmanagerUrl?: string } & Partial<
    Omit<GatewayOptions, 'config'>
  > = {},
) {
  const dir = tempDir('sre-nanobot-gateway-');
  const { gateway, alertmanagerUrl, ...rest } = options;
  const config = gatewayConfig(dir, gateway);
  const g = await startGateway({
    config: alertmanagerUrl
      ? { ...config, alertmanager: { ...config.alertmanager, url: alertmanagerUrl } }
      : config,
    version: 'test',
    durability: 'normal',
    ...rest,
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${g.url}/api/v1/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { ...g, dir, post };
}

export interface GatewayReadyLine {
  ready: true;
  url: string;
  webhook: string;
  database: string;
}

/** Node arguments that run the CLI from source, so tests need no build. */
const FROM_SOURCE = [
  '--import',
  'tsx',
  '--input-type=module',
  '-e',
  "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(process.argv.slice(1));",
  '--',
];

/** Runs `sre-nanobot ARGS` from source to completion. */
export const runCli = (args: string[]) =>
  spawnSync(process.execPath, [...FROM_SOURCE, ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });

/**
 * `sre-nanobot gateway` as a real process, run from source (so it needs no build), resolving with
 * its ready line.
 */
export async function cliGateway(
  args: string[],
): Promise<{ ready: GatewayReadyLine; child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, [...FROM_SOURCE, 'gateway', '--port', '0', ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<GatewayReadyLine>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway not ready after 30 s: ${stderr}`)), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited ${code} before ready: ${stderr}`));
    });
  });
  return { ready, child, stderr: () => stderr };
}

/** A response's JSON body, typed loosely for assertions. */
export const readJson = async (res: Response | Promise<Response>): Promise<any> => (await res).json();

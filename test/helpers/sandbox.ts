import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type SandboxOptions, startSandbox } from '../../src/sandbox/server.ts';

export const REPO = new URL('../..', import.meta.url).pathname;
export const CLI = join(REPO, 'bin', 'sre-nanobot.js');

export const tempDir = (prefix = 'sre-nanobot-test-') => mkdtempSync(join(tmpdir(), prefix));

/** An in-process sandbox with its own port, kubeconfig and temp folder. */
export async function inProcessSandbox(options: SandboxOptions = {}) {
  const dir = tempDir();
  const sandbox = await startSandbox({
    port: 0,
    kubeconfigOut: join(dir, 'kubeconfig'),
    speed: 20,
    ...options,
  });
  return { ...sandbox, kubeconfig: join(dir, 'kubeconfig'), dir };
}

export interface ReadyLine {
  ready: true;
  server: string;
  kubeconfig: string;
  metrics: string;
}

/** Starts `sre-nanobot sandbox` as a real process and resolves with its ready line. */
export async function cliSandbox(
  args: string[] = [],
): Promise<{ ready: ReadyLine; child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI, 'sandbox', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<ReadyLine>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox not ready after 15 s: ${stderr}`)), 15_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited ${code} before ready: ${stderr}`));
    });
  });
  return { ready, child, stderr: () => stderr };
}

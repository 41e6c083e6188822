import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess } from './run.ts';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs real kubectl against a kubeconfig with a private, cold discovery cache. */
export function kubectlFor(kubeconfig: string) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'kubectl-cache-'));
  return async (
    args: string[],
    options: { input?: string; timeoutMs?: number } = {},
  ): Promise<KubectlResult> => {
    const r = await runProcess('kubectl', ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args], {
      timeoutMs: 30_000,
      ...options,
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
}

/** Runs kubectl and fails with its stderr unless it exits 0. */
export function kubectlOk(kubectl: ReturnType<typeof kubectlFor>) {
  return async (args: string[], options?: { input?: string; timeoutMs?: number }): Promise<string> => {
    const r = await kubectl(args, options);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
}

/** Replaces a TLS Secret with a fresh self-signed certificate for `host`, as an operator renewing it would. */
export async function renewTlsSecret(
  kubectl: ReturnType<typeof kubectlOk>,
  dir: string,
  target: { namespace: string; secret: string; host: string },
): Promise<string> {
  const [key, cert] = [join(dir, 'tls.key'), join(dir, 'tls.crt')];
  const openssl = await runProcess('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '90',
    '-subj',
    `/CN=${target.host}`,
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  if (openssl.status !== 0) throw new Error(`openssl failed: ${openssl.stderr}`);
  const manifest = await kubectl([
    'create',
    'secret',
    'tls',
    target.secret,
    '-n',
    target.namespace,
    `--cert=${cert}`,
    `--key=${key}`,
    '--dry-run=client',
    '-o',
    'yaml',
  ]);
  return kubectl(['apply', '-f', '-'], { input: manifest });
}

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export async function timeMany(
  n: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p99: number; mean: number }> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: samples.reduce((a, b) => a + b, 0) / n,
  };
}

/** Resident set size of a process in MiB, from /proc. */
export const rssMiB = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
};

export const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;

export const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;

/**
 * Installs peer servers into a scratch prefix (never project dependencies) unless `present`; says
 * so on stderr. Returns false when npm failed, so the bench measures sre-nanobot alone.
 */
export function installPeers(bench: string, prefix: string, packages: string[], present: boolean): boolean {
  if (present) return true;
  process.stderr.write(
    `bench ${bench}: installing the peer servers into ${prefix} (not project dependencies)…\n`,
  );
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', ...packages], {
    stdio: 'inherit',
  });
  if (r.status === 0) return true;
  process.stderr.write(`bench ${bench}: peers could not be installed; measuring sre-nanobot alone\n`);
  return false;
}

import { spawnSync } from 'node:child_process';

/**
 * A test that needs a binary fails in CI (CI=true) and skips with a reason locally.
 * Returns the `skip` option for node:test.
 */
export function requireBinary(name: string): { skip: string | false } {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
  if (found) return { skip: false };
  if (process.env.CI === 'true') throw new Error(`${name} is not installed; .ci/run must install it`);
  return { skip: `${name} is not installed (apt-get install it to run this test)` };
}

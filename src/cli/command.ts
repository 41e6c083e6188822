/** One subcommand of the `sre-nanobot` binary: one file under commands/, one line in commands/index.ts. */
export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text: synopsis first, then options. */
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Bad usage or input: exit 2 with a one-line message saying what is wrong and how to fix it. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** The command could not do its job (a port taken, a cluster unreachable): exit 1. */
export class OperationalError extends Error {
  readonly exitCode = 1;
}

/** Turns a listen failure into a sentence that says what to change; other errors pass through. */
export function listenError(err: unknown, port: number, host: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new OperationalError(`port ${port} is already in use; pick another with --port or use --port 0`);
  if (code === 'EADDRNOTAVAIL')
    return new OperationalError(`cannot listen on ${host}: no such local address; use --host 127.0.0.1`);
  if (code === 'EACCES')
    return new OperationalError(`no permission to listen on port ${port}; use a port above 1023`);
  return err;
}

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

import { OperationalError, UsageError } from './command.ts';
import { COMMANDS, findCommand } from './commands/index.ts';
import { VERSION } from './version.ts';

const HELP = `sre-nanobot ${VERSION} — an SRE agent for Kubernetes

Usage: sre-nanobot <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run 'sre-nanobot <command> --help' for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = findCommand(name);
  if (!command) {
    process.stderr.write(
      `sre-nanobot: unknown command '${name}'; run 'sre-nanobot --help' to list the commands\n`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    return reportError(command.name, err);
  }
}

function reportError(command: string, err: unknown): number {
  if (err instanceof UsageError || err instanceof OperationalError) {
    process.stderr.write(`sre-nanobot ${command}: ${err.message}\n`);
    return err.exitCode;
  }
  if (isParseArgsError(err)) {
    process.stderr.write(`sre-nanobot ${command}: ${err.message}; see 'sre-nanobot ${command} --help'\n`);
    return 2;
  }
  process.stderr.write(
    `sre-nanobot ${command}: unexpected failure: ${(err as Error)?.stack ?? String(err)}\n`,
  );
  return 1;
}

const isParseArgsError = (err: unknown): err is Error =>
  err instanceof TypeError &&
  String((err as unknown as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');

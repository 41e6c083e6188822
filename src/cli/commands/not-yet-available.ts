import { type Command, UsageError } from '../command.ts';

/** A contract command whose issue has not landed: listed in --help, exits 2 with a clear word. */
export const notYetAvailable = (name: string, summary: string, synopsis: string): Command => ({
  name,
  summary: `${summary} (not yet available)`,
  usage: `Usage: ${synopsis}\n\nNot yet available in this version of sre-nanobot.`,
  run: async () => {
    throw new UsageError(
      `'${name}' is not yet available in this version; 'sre-nanobot --help' lists what is`,
    );
  },
});

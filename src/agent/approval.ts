import { createInterface } from 'node:readline';

/** How mutating calls are allowed: --yes, or a question on the terminal; neither means refused. */
export interface Approval {
  yes: boolean;
  /** Asks the person at the terminal; absent when there is none (a pipe, CI, a service). */
  ask?: (question: string) => Promise<boolean>;
}

export type Decision = { run: true } | { run: false; reason: 'declined' | 'no-terminal'; message: string };

/** A y/N question on stderr answered on stdin, when both are a terminal. */
export function terminalApproval(yes: boolean): Approval {
  const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true;
  if (!interactive) return { yes };
  return {
    yes,
    ask: (question) =>
      new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        rl.question(`${question}? [y/N] `, (answer) => {
          rl.close();
          resolve(/^\s*y(es)?\s*$/i.test(answer));
        });
      }),
  };
}

/** `description` is the sentence built by describeCall from the typed arguments. */
export async function approve(description: string, approval: Approval): Promise<Decision> {
  if (approval.yes) return { run: true };
  const headline = description.split('\n')[0].replace(/:$/, '');
  if (!approval.ask)
    return {
      run: false,
      reason: 'no-terminal',
      message: `not done: "${headline}" needs confirmation and there is no terminal to ask on; rerun with --yes to allow changes`,
    };
  if (await approval.ask(description)) return { run: true };
  return { run: false, reason: 'declined', message: `not done: "${headline}" was declined at the prompt` };
}

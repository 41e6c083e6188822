import type { Command } from '../command.ts';
import { diagnoseCommand } from './diagnose.ts';
import { mcpCommand } from './mcp.ts';
import { notYetAvailable } from './not-yet-available.ts';
import { sandboxCommand } from './sandbox.ts';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  notYetAvailable(
    'demo',
    'Run the whole loop: sandbox, Prometheus, Alertmanager, gateway, a fault, the fix',
    'sre-nanobot demo [--scenario NAME] [--auto-approve] [--json]',
  ),
  sandboxCommand,
  mcpCommand,
  diagnoseCommand,
  notYetAvailable(
    'agent',
    'Ask in Chinese or English: "将 api-service 扩展到 10 个副本"',
    'sre-nanobot agent -m "MESSAGE" [--plan] [--json] [--yes] [--config P]',
  ),
  notYetAvailable(
    'gateway',
    'Receive Alertmanager webhooks and run incidents',
    'sre-nanobot gateway [--config P] [--port N] [--host H]',
  ),
  notYetAvailable(
    'runbook',
    'List, show, validate and run runbooks',
    'sre-nanobot runbook list [--json] | show ID | validate [FILE…] | run ID --param k=v… [--dry-run]',
  ),
  notYetAvailable(
    'incident',
    'List incidents and write their reports',
    'sre-nanobot incident list [--json] | show ID [--json] | report ID [--format md|html|json]',
  ),
];

const names = new Set<string>();
for (const c of COMMANDS) {
  if (names.has(c.name)) throw new Error(`duplicate command ${c.name}`);
  names.add(c.name);
}

export const findCommand = (name: string) => COMMANDS.find((c) => c.name === name);

import { assertUniqueNames } from '../../registry.ts';
import type { Command } from '../command.ts';
import { agentCommand } from './agent.ts';
import { configCommand } from './config.ts';
import { diagnoseCommand } from './diagnose.ts';
import { gatewayCommand } from './gateway.ts';
import { incidentCommand } from './incident.ts';
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
  agentCommand,
  gatewayCommand,
  notYetAvailable(
    'runbook',
    'List, show, validate and run runbooks',
    'sre-nanobot runbook list [--json] | show ID | validate [FILE…] | run ID --param k=v… [--dry-run]',
  ),
  incidentCommand,
  configCommand,
];

assertUniqueNames(COMMANDS, 'command');

export const findCommand = (name: string) => COMMANDS.find((c) => c.name === name);

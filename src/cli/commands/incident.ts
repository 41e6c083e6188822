import { existsSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../incidents/types.ts';
import type { IncidentStore } from '../../store/index.ts';
import { type Command, OperationalError, UsageError } from '../command.ts';
import { loadCliConfig } from '../load-config.ts';

const USAGE = `Usage: sre-nanobot incident list [--json] [--status S]... [--limit N]
       sre-nanobot incident show ID [--json]
       sre-nanobot incident report ID [--format md|html|json] [--output FILE]

Reads the incidents the gateway recorded (alerts, diagnosis, actions, approvals, verification,
timeline) and writes postmortem reports. Never changes anything.

Options:
  --json             list: {"incidents":[…]} newest first; show: the incident as GET /api/v1/incidents/{id}
  --status S         list only incidents in this status (repeat or comma-separate):
                     ${INCIDENT_STATUSES.join(', ')}
  --limit N          list at most N incidents, newest first (default 50, at most 1000)
  --format F         report format: md (default), html (a standalone page) or json
  --output FILE      write the report to FILE instead of stdout (the format follows .md/.html/.json
                     when --format is not given)
  --data-dir D       where the gateway keeps incidents.db (default: dataDir of the config file,
                     SRE_NANOBOT_DATA_DIR, or ~/.sre-nanobot)
  --config P         the config file whose dataDir to use (default: SRE_NANOBOT_CONFIG or
                     ~/.sre-nanobot/config.json)

Exit codes: 0 done, 1 no database or it cannot be read, 2 bad usage or an unknown incident id.`;

const SUBCOMMANDS = ['list', 'show', 'report'] as const;
type Values = ReturnType<typeof parse>['values'];

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      status: { type: 'string', multiple: true },
      limit: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
}

/** `--data-dir`, else the configuration's `dataDir` (which SRE_NANOBOT_DATA_DIR overrides), and where it came from. */
async function dataDir(values: Values): Promise<{ dir: string; origin: string }> {
  if (values['data-dir']) return { dir: resolve(values['data-dir']), origin: '--data-dir' };
  const { config, file, found } = await loadCliConfig(values.config, '; or pass --data-dir');
  const origin = process.env.SRE_NANOBOT_DATA_DIR
    ? 'SRE_NANOBOT_DATA_DIR'
    : found
      ? `the config ${file}`
      : 'the default';
  return { dir: config.dataDir, origin };
}

async function openStore(values: Values): Promise<IncidentStore> {
  const { dir, origin } = await dataDir(values);
  const { databasePath, openIncidentStore, StoreUnavailable } = await import('../../store/index.ts');
  const path = databasePath(dir);
  if (!existsSync(path))
    throw new OperationalError(
      `no incident database at ${path} (data directory from ${origin}); the gateway creates it when it starts ('sre-nanobot gateway'), or pass the --data-dir it uses`,
    );
  try {
    return await openIncidentStore({ path, readonly: true });
  } catch (err) {
    if (err instanceof StoreUnavailable) throw new OperationalError(err.message);
    throw err;
  }
}

function statuses(values: Values): IncidentStatus[] | undefined {
  const wanted = (values.status ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of wanted)
    if (!(INCIDENT_STATUSES as readonly string[]).includes(s))
      throw new UsageError(`unknown status '${s}'; use one of ${INCIDENT_STATUSES.join(', ')}`);
  return wanted.length ? (wanted as IncidentStatus[]) : undefined;
}

function limit(values: Values): number {
  if (values.limit === undefined) return 50;
  const n = Number(values.limit);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new UsageError(`--limit must be a whole number from 1 to 1000, got '${values.limit}'`);
  return n;
}

const reports = () => import('../../reports/index.ts');

async function reportFormat(values: Values) {
  const { isReportFormat, REPORT_FORMATS } = await reports();
  const given = values.format ?? (values.output ? extname(values.output).slice(1).toLowerCase() : 'md');
  if (isReportFormat(given)) return given;
  if (values.format)
    throw new UsageError(`unknown --format '${values.format}'; use one of ${REPORT_FORMATS.join(', ')}`);
  return 'md' as const;
}

/** Flags each subcommand takes besides --data-dir/--config; others are a usage error, not ignored. */
const ALLOWED: Record<(typeof SUBCOMMANDS)[number], string[]> = {
  list: ['json', 'status', 'limit'],
  show: ['json'],
  report: ['format', 'output'],
};

function check(sub: string | undefined, positionals: string[], values: Values) {
  if (!SUBCOMMANDS.includes(sub as (typeof SUBCOMMANDS)[number]))
    throw new UsageError(
      `${sub === undefined ? 'say what to do' : `unknown subcommand '${sub}'`}: use 'incident list', 'incident show ID' or 'incident report ID'`,
    );
  const s = sub as (typeof SUBCOMMANDS)[number];
  const stray = Object.keys(values).find(
    (k) => k !== 'data-dir' && k !== 'config' && !ALLOWED[s].includes(k),
  );
  if (stray) throw new UsageError(`'incident ${s}' takes no --${stray}; see 'sre-nanobot incident --help'`);
  const wants = s === 'list' ? 0 : 1;
  if (positionals.length < wants) throw new UsageError(`say which incident: 'sre-nanobot incident ${s} ID'`);
  if (positionals.length > wants)
    throw new UsageError(`unexpected argument '${positionals[wants]}'; see 'sre-nanobot incident --help'`);
  return s;
}

async function viewOf(store: IncidentStore, id: string) {
  const view = await store.incidentView(id);
  if (!view) throw new UsageError(`no incident '${id}'; list them with sre-nanobot incident list`);
  return view;
}

export const incidentCommand: Command = {
  name: 'incident',
  summary: 'List incidents and write their reports',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parse(args);
    const [first, ...rest] = positionals;
    const sub = check(first, rest, values);
    const filter = sub === 'list' ? { status: statuses(values), limit: limit(values) } : undefined;
    const format = sub === 'report' ? await reportFormat(values) : undefined;
    const store = await openStore(values);
    try {
      if (sub === 'list') {
        const incidents = await store.listIncidents(filter);
        if (values.json) process.stdout.write(`${JSON.stringify({ incidents })}\n`);
        else if (!incidents.length)
          process.stdout.write(
            `No incidents${filter?.status ? ` in status ${filter.status.join(', ')}` : ''} in ${store.location}.\n`,
          );
        else process.stdout.write((await import('../../reports/text.ts')).incidentTable(incidents));
        return 0;
      }
      const view = await viewOf(store, rest[0]);
      if (sub === 'show') {
        process.stdout.write(
          values.json
            ? `${JSON.stringify(view)}\n`
            : (await import('../../reports/text.ts')).incidentBrief(view),
        );
        return 0;
      }
      const { renderReport } = await reports();
      const report = renderReport(view, format ?? 'md');
      if (!values.output) {
        process.stdout.write(report);
        return 0;
      }
      try {
        writeFileSync(values.output, report);
      } catch (err) {
        throw new OperationalError(
          `cannot write ${values.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; check that its folder exists and is writable`,
        );
      }
      process.stdout.write(`Wrote the ${format} report of ${view.incident.id} to ${values.output}\n`);
      return 0;
    } finally {
      store.close();
    }
  },
};

import { z } from 'zod';
import { withDryRun } from '../../policy/operation.ts';
import { PrometheusError } from '../../prometheus/errors.ts';
import { durationMs } from '../../prometheus/queries/names.ts';
import {
  createSilenceOperation,
  describeMatchers,
  expireSilenceOperation,
  matcherText,
  parseMatchers,
} from '../../prometheus/silences.ts';
import { DISRUPTIVE_CHANGE, ToolError } from '../tool.ts';
import { alertmanagerOf } from './context.ts';
import { definePrometheusTool } from './define.ts';
import { duration, matchers } from './params.ts';

const MAX_SILENCE = '7d';

/** The time a silence had left, in whole minutes (at least 1): what recreating it should ask for. */
const remaining = (endsAt: string) =>
  `${Math.max(1, Math.ceil((Date.parse(endsAt) - Date.now()) / 60_000))}m`;
const dryRunArg = z.boolean().optional().describe('Only check the policy; create nothing.');

export const alertmanagerSilenceCreate = definePrometheusTool({
  name: 'alertmanager_silence_create',
  title: 'Silence alerts',
  description: `Silence matching alerts in Alertmanager for a duration (default 1h, at most ${MAX_SILENCE}): they stop notifying but stay visible. Say why in comment. Passes the policy gate; the answer gives the id and how to undo it (alertmanager_silence_delete).`,
  input: {
    matchers,
    duration: duration(`How long, e.g. 30m, 2h (default 1h, at most ${MAX_SILENCE}).`).optional(),
    comment: z.string().min(1).describe('Why: the incident, ticket or change this silence is for.'),
    createdBy: z.string().min(1).optional().describe('Who asks (default sre-nanobot).'),
    dryRun: dryRunArg,
  },
  // Not destructive (it hides, deletes nothing) but not idempotent: each call adds a silence.
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run(args, ctx) {
    const am = alertmanagerOf(ctx);
    const ms = durationMs(args.duration ?? '1h');
    if (ms > durationMs(MAX_SILENCE))
      throw new ToolError(
        `a silence may last at most ${MAX_SILENCE}; longer ones hide outages — fix the rule or add an inhibit rule instead`,
      );
    const parsed = parseMatchers(args.matchers);
    const startsAt = new Date();
    const endsAt = new Date(startsAt.getTime() + ms);
    const op = createSilenceOperation(
      am,
      {
        matchers: parsed,
        startsAt,
        endsAt,
        comment: args.comment,
        createdBy: args.createdBy ?? 'sre-nanobot',
      },
      'mcp:alertmanager_silence_create',
    );
    const { result, dryRun } = await ctx.gate.execute(withDryRun(op, args.dryRun));
    const what = describeMatchers(parsed);
    if (dryRun || !result.id)
      return `(dry run, nothing changed) the policy allows silencing ${what} until ${endsAt.toISOString()}.`;
    const silenced = await am.alerts({ filter: parsed.map(matcherText) });
    const names = [...new Set(silenced.map((a) => a.labels.alertname))];
    return [
      `created silence ${result.id} for ${what} until ${endsAt.toISOString()} (${args.duration ?? '1h'}).`,
      silenced.length
        ? `It matches ${silenced.length} current alert${silenced.length === 1 ? '' : 's'}: ${names.join(', ')}.`
        : 'No current alert matches it yet; it will hold back matching alerts that fire before it ends.',
      `Undo: alertmanager_silence_delete id=${result.id}`,
    ].join('\n');
  },
});

export const alertmanagerSilenceDelete = definePrometheusTool({
  name: 'alertmanager_silence_delete',
  title: 'Expire a silence',
  description:
    'Expire (end) a silence by id (alertmanager_silences_list shows ids): its alerts notify again. Passes the policy gate; the answer says how to recreate it.',
  input: { id: z.string().min(1).describe('Silence id.'), dryRun: dryRunArg },
  hints: DISRUPTIVE_CHANGE,
  async run(args, ctx) {
    const am = alertmanagerOf(ctx);
    const silence = await am.silence(args.id).catch((err: unknown) => {
      if (err instanceof PrometheusError && (err.status === 404 || err.status === 422))
        throw new ToolError(
          `there is no silence with id ${args.id}; alertmanager_silences_list shows the ids`,
        );
      throw err;
    });
    if (silence.status.state === 'expired') return `silence ${args.id} has already expired; nothing to do.`;
    const op = expireSilenceOperation(am, silence, 'mcp:alertmanager_silence_delete');
    const { dryRun } = await ctx.gate.execute(withDryRun(op, args.dryRun));
    const what = describeMatchers(silence.matchers);
    if (dryRun) return `(dry run, nothing changed) the policy allows expiring silence ${args.id} ${what}.`;
    return [
      `expired silence ${args.id} ${what}; alerts it held back notify again.`,
      `Undo: alertmanager_silence_create matchers=${JSON.stringify(silence.matchers.map(matcherText))} duration=${remaining(silence.endsAt)} comment=${JSON.stringify(silence.comment)} (it was due to end ${silence.endsAt})`,
    ].join('\n');
  },
});

import type { IncidentView } from '../incidents/types.ts';
import type { ReportRenderer } from './renderer.ts';
import type { IncidentSummary } from './summary.ts';

export const JSON_REPORT_FORMAT = 'sre-nanobot.incident-report/v1';

/** Keys sorted at every level, so that the same incident gives the same bytes whatever order the store used. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** The report as data: the format tag first, the computed summary, then the IncidentView unchanged. */
export function toReportJson(view: IncidentView, summary: IncidentSummary, now: Date) {
  return {
    format: JSON_REPORT_FORMAT,
    generatedAt: now.toISOString(),
    summary: sortKeys(summary) as IncidentSummary,
    incident: sortKeys(view.incident) as IncidentView['incident'],
    alerts: sortKeys(view.alerts) as IncidentView['alerts'],
    findings: sortKeys(view.findings) as IncidentView['findings'],
    runbook: view.runbook,
    actions: sortKeys(view.actions) as IncidentView['actions'],
    approvals: sortKeys(view.approvals) as IncidentView['approvals'],
    verifications: sortKeys(view.verifications) as IncidentView['verifications'],
    timeline: sortKeys(view.timeline) as IncidentView['timeline'],
    related: sortKeys(view.related) as IncidentView['related'],
  };
}

export const jsonRenderer = {
  format: 'json' as const,
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  render: (view, summary, now) => `${JSON.stringify(toReportJson(view, summary, now), null, 2)}\n`,
} satisfies ReportRenderer;

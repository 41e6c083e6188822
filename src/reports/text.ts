import type { Incident, IncidentView } from '../incidents/types.ts';
import { printable } from './document.ts';
import { humanDuration, utc } from './duration.ts';
import { refText, summarizeIncident, topFinding } from './summary.ts';
import { alertObject } from './tables.ts';

/** One line of terminal text: no control characters (no escape sequences from alert text), no newlines. */
const flat = (text: string) => printable(text).replace(/\s*[\r\n]+\s*/g, ' ');

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** `sre-nanobot incident show`: what the Markdown report's Summary says, shorter, for a terminal. */
export function incidentBrief(view: IncidentView, now: Date = new Date()): string {
  const s = summarizeIncident(view, now);
  const top = topFinding(view);
  const out = [`${flat(s.id)}  ${flat(s.title)}`];
  const when = s.resolvedAt
    ? `resolved after ${s.duration.text}`
    : s.endedAt
      ? `ended ${s.status.replace('_', ' ')} after ${s.duration.text}`
      : `open for ${s.duration.text}`;
  out.push(
    `Status:     ${s.status} · ${s.priority}${s.impact.severity ? ` · ${s.impact.severity}` : ''}`,
    `Opened:     ${utc(s.createdAt)} UTC, ${when}`,
    `MTTA/MTTR:  ${s.mtta?.text ?? '—'} / ${s.mttr?.text ?? '—'}`,
  );
  const alerts = view.alerts.map(
    (a) => `${flat(a.labels.alertname ?? '?')} (${flat(alertObject(a.labels))}, ${a.status})`,
  );
  out.push(
    `Alerts:     ${s.counts.alerts} (${s.counts.firing} firing)${alerts.length ? `: ${alerts.join(', ')}` : ''}`,
  );
  const i = s.impact;
  const touched = [
    ...i.workloads,
    ...i.services.map((svc) => `Service ${svc}`),
    ...i.nodes.map((n) => `Node ${n}`),
  ];
  const affected = i.userImpact
    ? `; users affected ${i.userImpact.text}${i.userImpact.to ? '' : ' so far'}`
    : '';
  out.push(`Impact:     ${touched.length ? flat(touched.join(', ')) : 'no objects recorded'}${affected}`);
  if (top) {
    out.push(`Root cause: ${flat(top.pattern)} on ${flat(refText(top.resource))}: ${flat(top.rootCause)}`);
    top.whys.forEach((why, n) => {
      out.push(`            ${n + 1}. ${flat(why)}`);
    });
  } else out.push('Root cause: No diagnosis yet.');
  out.push(`Runbook:    ${view.runbook ? flat(view.runbook) : 'none matched yet'}`);
  if (!view.actions.length) out.push('Actions:    No actions taken.');
  view.actions.forEach((a, n) => {
    const undo = a.inverse ? `; undo: ${flat(a.inverse)}` : '';
    out.push(
      `${n ? '            ' : 'Actions:    '}${utc(a.at)} ${flat(a.action)} ${flat(a.target)}: ${a.outcome}${undo}`,
    );
  });
  const last = view.verifications.at(-1);
  out.push(
    last
      ? `Verified:   ${last.passed ? 'PASS' : 'FAIL'} — ${flat(last.expectation)}, observed ${flat(last.observed)}`
      : 'Verified:   not yet',
  );
  if (s.counts.approvalsPending) out.push(`Approvals:  ${s.counts.approvalsPending} pending`);
  out.push('', `Full report: sre-nanobot incident report ${flat(s.id)} --format md|html|json`);
  return `${out.join('\n')}\n`;
}

/** `sre-nanobot incident list`: one row per incident, newest first as the store gives them. */
export function incidentTable(incidents: Incident[], now: Date = new Date()): string {
  const head = ['ID', 'STATUS', 'PRIORITY', 'TITLE', 'ALERTS', 'AGE'];
  const rows = incidents.map((i) => [
    flat(i.id),
    i.status,
    i.priority,
    clip(flat(i.title), 60),
    `${i.alertCount} (${i.firingCount} firing)`,
    humanDuration(Math.max(0, now.getTime() - Date.parse(i.createdAt))).replace(' ', ''),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c])))
      .join('   ')
      .trimEnd();
  return `${[head, ...rows].map(line).join('\n')}\n`;
}
